import Hummingbird
import HTTPTypes
import NIOCore
import WebForms

/// Refuses a state-changing request (POST, PUT, PATCH, DELETE) of a signed-in session unless
/// it carries the session's CSRF token: in the `X-CSRF-Token` header (API clients), or in the
/// form field `csrf` (every page form, URL-encoded or multipart). Anonymous requests pass:
/// the routes refuse them anyway, and the sign-in form has its own double-submit check.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let header = HTTPField.Name("X-CSRF-Token")!
    static let field = "csrf"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.changesState(request.method), let viewer = context.viewer else {
            return try await next(request, context)
        }
        var request = request
        let sent: String?
        if let header = request.headers[Self.header] {
            sent = header
        } else {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            sent = Self.formToken(in: body, contentType: request.headers[.contentType])
        }
        guard let sent, SessionToken.equal(sent, viewer.session.csrfToken) else { throw WebError.csrf }
        return try await next(request, context)
    }

    static func changesState(_ method: HTTPRequest.Method) -> Bool {
        method == .post || method == .put || method == .patch || method == .delete
    }

    /// The `csrf` field of a URL-encoded or multipart form.
    static func formToken(in body: ByteBuffer, contentType: String?) -> String? {
        guard let contentType else { return nil }
        if contentType.hasPrefix("application/x-www-form-urlencoded") {
            return FormFields(urlEncoded: String(buffer: body))[field]
        }
        if contentType.hasPrefix("multipart/form-data"), let boundary = MultipartForm.boundary(of: contentType) {
            return MultipartForm(body: body, boundary: boundary)?.text(field)
        }
        return nil
    }
}
