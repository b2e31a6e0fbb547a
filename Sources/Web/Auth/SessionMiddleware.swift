import Foundation
import Hummingbird
import Storage

/// Finds the signed-in account: the `junheng_session` cookie's token, hashed, names a
/// session in the store; an expired session or a deleted account counts as anonymous.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "junheng_session"
    /// Only the two aggregates it reads: sessions, and the accounts they belong to.
    let store: any SessionStore & AccountStore
    let clock: @Sendable () -> Date

    init(services: WebServices) {
        store = services.store
        clock = services.clock
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value,
           let session = try await store.session(tokenHash: SessionToken.hash(token)),
           session.expiresAt > clock(),
           let account = try await store.account(id: session.accountID), !account.disabled {
            context.viewer = Viewer(account: account, session: session)
        }
        return try await next(request, context)
    }
}
