import Domain
import Foundation
import Hummingbird
import Storage
import WebForms

/// Signing in and out, for pages (form + cookie) and for the API (JSON + cookie; the answer
/// carries the CSRF token that unsafe API requests send in `X-CSRF-Token`).
///
/// The sign-in form is protected by a double-submit token: GET sets a random
/// `junheng_login_csrf` cookie and puts the same value in the form; POST must bring both.
struct LoginRoutes {
    static let loginCSRFCookie = "junheng_login_csrf"
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/login") { request, context in try await showForm(request, context) }
        router.post("/login") { request, context in try await signInFromForm(request, context) }
        router.post("/logout") { request, context in try await signOut(request, context, redirect: true) }
        router.post("/api/login") { request, context in try await signInFromAPI(request, context) }
        router.post("/api/logout") { request, context in try await signOut(request, context, redirect: false) }
        router.get("/") { _, context in
            Response.redirect(to: context.viewer.map { Navigation.home(for: $0.account) } ?? "/login", type: .found)
        }
    }

    // MARK: Pages

    private func showForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        if let viewer = context.viewer { return .redirect(to: Navigation.home(for: viewer.account), type: .found) }
        let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init))
        return formResponse(context: context, next: next, name: "", error: nil, status: .ok)
    }

    private func formResponse(context: AppRequestContext, next: String, name: String, error: String?, status: HTTPResponse.Status) -> Response {
        let token = SessionToken.make()
        let page = LoginPage(language: context.language, csrf: token, next: next, name: name, error: error)
        var response = services.pages.page(page.html, frame: PageFrame(page.heading, context: context, path: "/login"), status: status)
        response.setCookie(cookie(Self.loginCSRFCookie, token, maxAge: 3600))
        return response
    }

    private func signInFromForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let form = FormFields(urlEncoded: String(buffer: try await request.collectBody(upTo: 64 << 10)))
        guard let sent = form["csrf"], let expected = request.cookies[Self.loginCSRFCookie]?.value,
              SessionToken.equal(sent, expected) else { throw WebError.csrf }
        let name = form["name"] ?? "", next = Self.safeNext(form["next"])
        let l = context.language
        switch try await authenticate(name: name, password: form["password"] ?? "", context: context) {
        case .success(let account):
            var response = Response.redirect(to: next == "/" ? Navigation.home(for: account) : next, type: .normal)
            try await startSession(for: account).cookies.forEach { response.setCookie($0) }
            return response
        case .failure(.throttled(let seconds)):
            return formResponse(context: context, next: next, name: name, status: .tooManyRequests,
                                error: l.pick("尝试次数过多，请 \(seconds) 秒后再试。", "Too many attempts; try again in \(seconds) s."))
        case .failure(.wrongCredentials):
            return formResponse(context: context, next: next, name: name, status: .unauthorized,
                                error: l.pick("用户名或密码不正确。", "Wrong user name or password."))
        }
    }

    private func formResponse(context: AppRequestContext, next: String, name: String, status: HTTPResponse.Status, error: String) -> Response {
        formResponse(context: context, next: next, name: name, error: error, status: status)
    }

    // MARK: API

    private struct Credentials: Decodable { var name: String; var password: String }

    private func signInFromAPI(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let credentials: Credentials
        do { credentials = try await request.decode(as: Credentials.self, context: context) } catch {
            throw WebError.badRequest(context.language.pick("请求体应为 {\"name\", \"password\"}", "expected a JSON body {\"name\", \"password\"}"))
        }
        let l = context.language
        switch try await authenticate(name: credentials.name, password: credentials.password, context: context) {
        case .success(let account):
            let (session, cookies) = try await startSession(for: account)
            var response = try APIResponse.json(SignedIn(account: APIAccount(account), csrfToken: session.csrfToken), context: context)
            cookies.forEach { response.setCookie($0) }
            return response
        case .failure(.throttled(let seconds)):
            throw WebError.tooManyAttempts(l.pick("尝试次数过多，请 \(seconds) 秒后再试", "too many attempts; try again in \(seconds) s"))
        case .failure(.wrongCredentials):
            throw WebError(.unauthenticated, l.pick("用户名或密码不正确", "wrong user name or password"))
        }
    }

    private struct SignedIn: Encodable { var account: APIAccount; var csrfToken: String }

    // MARK: Shared

    private enum Refusal: Error { case throttled(Int), wrongCredentials }

    private func authenticate(name: String, password: String, context: AppRequestContext) async throws -> Result<Account, Refusal> {
        let now = services.clock()
        if let wait = try await services.throttle.wait(account: name, address: context.clientAddress, now: now) {
            return .failure(.throttled(Int(wait.rounded(.up))))
        }
        let account = try await services.store.account(named: name)
        // Verify against a decoy when the name is unknown: the refusal takes as long either way.
        let valid = try await services.passwords.verify(password, hash: account?.passwordHash ?? services.decoyHash)
        // A turned-off account is refused like a wrong password: the refusal tells nothing.
        guard let account, valid, !account.disabled else {
            try await services.throttle.recordFailure(account: name, address: context.clientAddress, now: now)
            return .failure(.wrongCredentials)
        }
        try await services.throttle.recordSuccess(account: name)
        return .success(account)
    }

    /// Stores a new session; returns it and the cookies that carry it (and clear the sign-in form's).
    private func startSession(for account: Account) async throws -> (session: SessionRecord, cookies: [Cookie]) {
        let token = SessionToken.make(), now = services.clock()
        let session = SessionRecord(
            tokenHash: SessionToken.hash(token), accountID: account.id, csrfToken: SessionToken.make(),
            createdAt: now, expiresAt: now.addingTimeInterval(services.configuration.sessionLifetime)
        )
        try await services.store.createSession(session)
        try await services.store.deleteSessions(expiredBefore: now)
        return (session, [
            cookie(SessionMiddleware.cookieName, token, maxAge: Int(services.configuration.sessionLifetime)),
            cookie(Self.loginCSRFCookie, "", maxAge: 0),
        ])
    }

    private func signOut(_ request: Request, _ context: AppRequestContext, redirect: Bool) async throws -> Response {
        if let viewer = context.viewer { try await services.store.deleteSession(tokenHash: viewer.session.tokenHash) }
        var response = redirect ? Response.redirect(to: "/login", type: .normal) : Response(status: .noContent)
        response.setCookie(cookie(SessionMiddleware.cookieName, "", maxAge: 0))
        return response
    }

    private func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: services.configuration.secureCookies,
               httpOnly: true, sameSite: .strict)
    }

    /// Only a local path is a place to go after signing in (no open redirect).
    static func safeNext(_ next: String?) -> String {
        // Browsers drop tabs and line breaks from a Location and read a backslash as a slash,
        // so `/\t/evil.example/` becomes `//evil.example/`: only printable ASCII is kept (a
        // path with Chinese in it arrives percent-encoded anyway), and what is left must parse
        // as a path with neither scheme nor host.
        guard let next, next.utf8.count <= 2048, next.hasPrefix("/"), !next.hasPrefix("//"),
              next.unicodeScalars.allSatisfy({ (0x21..<0x7F).contains($0.value) && $0 != "\\" }),
              let parsed = URLComponents(string: next), parsed.scheme == nil, parsed.host == nil,
              parsed.path.hasPrefix("/"), !parsed.path.hasPrefix("//")
        else { return "/" }
        return next
    }
}
