import Domain
import Foundation
import Hummingbird
import Storage
import WebForms

/// Changing one's own password (修改密码), for every account: `GET /account/password` (the
/// form) and `POST /account/password` (`current`, `new`, `confirm`, `csrf`). The current
/// password is checked as a sign-in is — through the same throttle, so the form cannot be used
/// to guess it — and the new one must have 8 to 72 bytes (bcrypt reads no further) and be typed
/// twice alike.
struct PasswordRoutes {
    let services: WebServices

    /// bcrypt's limit: bytes beyond the 72nd are not part of the hash.
    static let longest = 72
    static let shortest = 8

    func add(to router: Router<AppRequestContext>) {
        router.get("/account/password") { request, context in try await show(request, context) }
        router.post("/account/password") { request, context in try await change(request, context) }
    }

    private func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        return render(message: nil, error: nil, viewer: viewer, request: request, context: context, status: .ok)
    }

    private func change(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let l = context.language
        var request = request
        let form = FormFields(urlEncoded: String(buffer: try await request.collectBody(upTo: 64 << 10)))
        let current = form["current"] ?? "", new = form["new"] ?? "", confirm = form["confirm"] ?? ""
        func refuse(_ message: String, _ status: HTTPResponse.Status) -> Response {
            render(message: nil, error: message, viewer: viewer, request: request, context: context, status: status)
        }
        let name = viewer.account.name, now = services.clock()
        if let wait = try await services.throttle.wait(account: name, address: context.clientAddress, now: now) {
            return refuse(l.pick("尝试次数过多，请 \(Int(wait.rounded(.up))) 秒后再试。", "Too many attempts; try again in \(Int(wait.rounded(.up))) s."), .tooManyRequests)
        }
        guard let account = try await services.store.account(id: viewer.account.id),
              try await services.passwords.verify(current, hash: account.passwordHash) else {
            try await services.throttle.recordFailure(account: name, address: context.clientAddress, now: now)
            return refuse(l.pick("当前密码不正确。", "The current password is wrong."), .unauthorized)
        }
        try await services.throttle.recordSuccess(account: name)
        guard new.count >= Self.shortest, new.utf8.count <= Self.longest else {
            return refuse(l.pick("新密码至少 \(Self.shortest) 个字符，最多 \(Self.longest) 字节。",
                                 "The new password needs at least \(Self.shortest) characters and at most \(Self.longest) bytes."), .badRequest)
        }
        guard new == confirm else { return refuse(l.pick("两次输入的新密码不一致。", "The two new passwords differ."), .badRequest) }
        try await services.store.setPasswordHash(try await services.passwords.hash(new), accountID: account.id)
        return render(message: l.pick("密码已修改。", "Your password is changed."), error: nil, viewer: viewer, request: request, context: context, status: .ok)
    }

    private func render(message: String?, error: String?, viewer: Viewer, request: Request, context: AppRequestContext, status: HTTPResponse.Status) -> Response {
        let l = context.language
        let heading = l.pick("修改密码", "Change your password")
        var page = PageContent()
        page.heading(heading)
        if let message { page.section("notice") { $0.paragraph(message) } }
        if let error { page.error(error) }
        page.form(action: "/account/password", csrf: viewer.session.csrfToken) { form in
            form.input("password", name: "current", label: l.pick("当前密码", "Current password"), attributes: ["autocomplete": "current-password", "required": "required"])
            form.input("password", name: "new", label: l.pick("新密码（至少 8 个字符）", "New password (at least 8 characters)"),
                       attributes: ["autocomplete": "new-password", "required": "required", "minlength": String(Self.shortest)])
            form.input("password", name: "confirm", label: l.pick("再次输入新密码", "New password again"), attributes: ["autocomplete": "new-password", "required": "required"])
            form.buttons([(l.pick("修改密码", "Change password"), nil, nil)])
        }
        return services.pages.page(page.text, frame: PageFrame(heading, context: context, path: request.uri.path), status: status)
    }
}
