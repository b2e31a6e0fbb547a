import Domain
import Hummingbird

/// Picks the interface language: `?lang=en|zh` switches it and is remembered in the
/// `junheng_lang` cookie; otherwise the cookie; otherwise Chinese. The API answers in the
/// same language (messages only; keys and codes are English).
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "junheng_lang"
    let secureCookies: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let asked = request.uri.queryParameters["lang"].flatMap { Language(rawValue: String($0)) }
        context.language = asked ?? request.cookies[Self.cookieName].flatMap { Language(rawValue: $0.value) } ?? .chinese
        context.queryWithoutLanguage = (request.uri.query ?? "").split(separator: "&")
            .filter { !$0.hasPrefix("lang=") }.joined(separator: "&")
        var response = try await next(request, context)
        if let asked {
            response.setCookie(Cookie(
                name: Self.cookieName, value: asked.rawValue, maxAge: 365 * 86400, path: "/",
                secure: secureCookies, httpOnly: true, sameSite: .strict
            ))
        }
        return response
    }
}
