import Foundation
import Hummingbird
import Storage

/// Finds the signed-in account: the `junheng_session` cookie's token, hashed, names a
/// session in the store; an expired session or a deleted account counts as anonymous.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "junheng_session"
    let services: WebServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value,
           let session = try await services.store.session(tokenHash: SessionToken.hash(token)),
           session.expiresAt > services.clock(),
           let account = try await services.store.account(id: session.accountID) {
            context.viewer = Viewer(account: account, session: session)
        }
        return try await next(request, context)
    }
}
