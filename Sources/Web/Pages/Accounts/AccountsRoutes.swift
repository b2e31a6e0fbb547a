import Domain
import Foundation
import Hummingbird
import Reports
import Storage
import UseCases
import WebForms

/// Account administration (账号管理), for system administrators only:
///
/// - `GET /admin/accounts`: every account, and the form adding one;
/// - `POST /admin/accounts`: adds one (`name`, `role`, `counties` comma-separated, `school`, `password`);
/// - `GET /admin/accounts/:id`: one account, with its forms;
/// - `POST /admin/accounts/:id/scope`: another role and scope (its sessions end);
/// - `POST /admin/accounts/:id/disable` with `disabled=1|0`: turns it off (its sessions end) or on;
/// - `POST /admin/accounts/:id/password`: sets a new password (its sessions end).
///
/// A scope must name counties with data and a school of its county (``AccountScope``), as
/// `junheng user add` checks. An administrator cannot turn off their own account.
struct AccountsRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/admin/accounts") { request, context in
            try context.require(.manageAccounts)
            return try await list(context, notice: request.textQuery("done"))
        }
        router.post("/admin/accounts") { request, context in try await create(request, context) }
        router.get("/admin/accounts/:id") { request, context in
            try context.require(.manageAccounts)
            return try await show(try await account(context), context: context, notice: request.textQuery("done"))
        }
        router.post("/admin/accounts/:id/scope") { request, context in try await rescope(request, context) }
        router.post("/admin/accounts/:id/disable") { request, context in try await disable(request, context) }
        router.post("/admin/accounts/:id/password") { request, context in try await resetPassword(request, context) }
    }

    private func account(_ context: AppRequestContext) async throws -> Account {
        guard let id = Int64(try context.textParameter("id")), let account = try await services.store.account(id: id) else { throw WebError.notFound }
        return account
    }

    private static func form(_ request: Request) async throws -> FormFields {
        var request = request
        return FormFields(urlEncoded: String(buffer: try await request.collectBody(upTo: 64 << 10)))
    }

    /// The role, counties and school of a form, checked against the rules of a role and the data.
    private func scope(_ form: FormFields, language l: Language) async throws -> (Role, [String], String?) {
        guard let role = form["role"].flatMap(Role.init(rawValue:)) else {
            throw WebError.invalidData(l.pick("请选择角色。", "Choose a role."), details: [])
        }
        let counties = form.codes("counties")
        let school = form.trimmed("school")
        do {
            _ = try NewAccount(name: "x", role: role, counties: counties, schoolCode: school, passwordHash: "x")
        } catch {
            throw WebError.invalidData(error.description, details: [])
        }
        if let problem = try await AccountScope.problem(counties: counties, school: school, store: services.store, language: l) {
            throw WebError.invalidData(problem, details: [])
        }
        return (role, counties, school)
    }

    private func checkedPassword(_ form: FormFields, language l: Language) throws -> String {
        let password = form["password"] ?? ""
        guard password.count >= PasswordRoutes.shortest, password.utf8.count <= PasswordRoutes.longest else {
            throw WebError.invalidData(l.pick("密码至少 \(PasswordRoutes.shortest) 个字符，最多 \(PasswordRoutes.longest) 字节。",
                                              "A password needs at least \(PasswordRoutes.shortest) characters and at most \(PasswordRoutes.longest) bytes."), details: [])
        }
        return password
    }

    private func create(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try context.require(.manageAccounts)
        let l = context.language
        let form = try await Self.form(request)
        let (role, counties, school) = try await scope(form, language: l)
        let password = try checkedPassword(form, language: l)
        let new: NewAccount
        do {
            new = try NewAccount(name: form["name"] ?? "", role: role, counties: counties, schoolCode: school,
                                 passwordHash: try await services.passwords.hash(password))
        } catch let error as AccountError {
            throw WebError.invalidData(error.description, details: [])
        }
        do {
            let account = try await services.store.createAccount(new, at: services.clock())
            return .redirect(to: "/admin/accounts/\(account.id)?done=added", type: .normal)
        } catch let error as StoreError where error.isDuplicate {
            throw WebError.conflict(l.pick("账号 \(new.name) 已存在。", "An account named \(new.name) exists already."))
        }
    }

    private func rescope(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try context.require(.manageAccounts)
        let account = try await account(context)
        let (role, counties, school) = try await scope(try await Self.form(request), language: context.language)
        if account.id == context.viewer?.account.id && role != .admin {
            throw WebError.conflict(context.language.pick("不能取消自己的管理员角色。", "You cannot take your own administrator role away."))
        }
        _ = try await services.store.setScope(accountID: account.id, role: role, counties: counties, schoolCode: school)
        return .redirect(to: "/admin/accounts/\(account.id)?done=scoped", type: .normal)
    }

    private func disable(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try context.require(.manageAccounts)
        let account = try await account(context)
        let disabled = try await Self.form(request)["disabled"] == "1"
        if disabled && account.id == context.viewer?.account.id {
            throw WebError.conflict(context.language.pick("不能停用自己的账号。", "You cannot turn your own account off."))
        }
        try await services.store.setDisabled(disabled, accountID: account.id)
        return .redirect(to: "/admin/accounts/\(account.id)?done=\(disabled ? "disabled" : "enabled")", type: .normal)
    }

    private func resetPassword(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try context.require(.manageAccounts)
        let account = try await account(context)
        let password = try checkedPassword(try await Self.form(request), language: context.language)
        try await services.store.setPasswordHash(try await services.passwords.hash(password), accountID: account.id)
        // Whoever knew the old password is signed out (an administrator resetting their own keeps this session).
        try await services.store.deleteSessions(accountID: account.id, except: account.id == context.viewer?.account.id ? context.viewer?.session.tokenHash : nil)
        return .redirect(to: "/admin/accounts/\(account.id)?done=password", type: .normal)
    }

    private func list(_ context: AppRequestContext, notice: String?) async throws -> Response {
        let viewer = try context.requireViewer()
        let l = context.language
        let accounts = try await services.store.accounts()
        var page = PageContent()
        let heading = l.pick("账号管理", "Accounts")
        page.heading(heading)
        var table = ReportTable(name: heading, columns: [ReportColumn]([
            Term("name", "账号", "Account"), Term("role", "角色", "Role"), Term("counties", "县区", "Counties"),
            Term("school", "学校", "School"), Term("state", "状态", "State"),
        ], l))
        for account in accounts {
            table.append([
                .linked(.text(account.name), to: .account(id: account.id)), .term(l.pick(account.role.chineseName, account.role.englishName), key: account.role.rawValue),
                .text(account.counties.joined(separator: ", ")), .text(account.schoolCode ?? ""),
                account.disabled ? .verdict(l.pick("已停用", "off"), key: "disabled", passes: false) : .term(l.pick("正常", "active"), key: "active"),
            ])
        }
        page.section("accounts") { $0.append(HTMLRenderer(language: l) { SiteAddress.of($0) }.table(table)) }
        page.section("add") { section in
            section.subheading(l.pick("新增账号", "Add an account"))
            section.form(action: "/admin/accounts", csrf: viewer.session.csrfToken) { form in
                form.input("text", name: "name", label: l.pick("账号名", "Name"), attributes: ["required": "required", "maxlength": "64"])
                Self.scopeFields(&form, account: nil, language: l)
                form.input("password", name: "password", label: l.pick("初始密码（至少 8 个字符）", "First password (8 characters or more)"),
                           attributes: ["required": "required", "minlength": "8", "autocomplete": "new-password"])
                form.buttons([(l.pick("新增", "Add"), nil, nil)])
            }
        }
        return services.pages.page(page.text, frame: PageFrame(heading, context: context, path: "/admin/accounts", notice: Self.notice(notice, language: l)))
    }

    private func show(_ account: Account, context: AppRequestContext, notice: String?) async throws -> Response {
        let viewer = try context.requireViewer()
        let l = context.language
        let base = "/admin/accounts/\(account.id)"
        var page = PageContent()
        let heading = l.pick("账号：\(account.name)", "Account: \(account.name)")
        page.heading(heading)
        page.link(l.pick("返回账号列表", "All accounts"), to: "/admin/accounts")
        page.paragraph("\(l.pick(account.role.chineseName, account.role.englishName)) · \(account.counties.joined(separator: ", "))"
                       + (account.schoolCode.map { " · " + $0 } ?? "") + (account.disabled ? l.pick(" · 已停用", " · turned off") : ""), id: "summary")
        page.section("scope") { section in
            section.subheading(l.pick("角色与范围", "Role and scope"))
            section.form(action: base + "/scope", csrf: viewer.session.csrfToken) { form in
                Self.scopeFields(&form, account: account, language: l)
                form.buttons([(l.pick("保存", "Save"), nil, nil)])
            }
        }
        page.section("password") { section in
            section.subheading(l.pick("重置密码", "Reset the password"))
            section.form(action: base + "/password", csrf: viewer.session.csrfToken) { form in
                form.input("password", name: "password", label: l.pick("新密码（至少 8 个字符）", "New password (8 characters or more)"),
                           attributes: ["required": "required", "minlength": "8", "autocomplete": "new-password"])
                form.buttons([(l.pick("重置密码", "Reset"), nil, nil)])
            }
        }
        if account.id != viewer.account.id {
            page.section("state") { section in
                section.form(action: base + "/disable", stacked: false, csrf: viewer.session.csrfToken) { form in
                    form.hidden("disabled", account.disabled ? "0" : "1")
                    form.buttons([(account.disabled ? l.pick("启用账号", "Turn on") : l.pick("停用账号", "Turn off"), nil, nil)])
                }
            }
        }
        return services.pages.page(page.text, frame: PageFrame(heading, context: context, path: "/admin/accounts", notice: Self.notice(notice, language: l)))
    }

    private static func scopeFields(_ form: inout PageContent.Form, account: Account?, language l: Language) {
        form.select(name: "role", label: l.pick("角色", "Role"), options: Role.allCases.map { ($0.rawValue, l.pick($0.chineseName, $0.englishName)) },
                    selected: account?.role.rawValue)
        form.input("text", name: "counties", label: l.pick("县区代码（督导人员可填多个，以逗号分隔）", "County codes (a supervisor's several, comma-separated)"),
                   attributes: ["value": account?.counties.joined(separator: ","), "maxlength": "700"])
        form.input("text", name: "school", label: l.pick("学校标识码（学校填报员必填）", "School code (a school clerk's)"),
                   attributes: ["value": account?.schoolCode, "maxlength": "20"])
    }

    private static func notice(_ done: String?, language l: Language) -> String? {
        switch done {
        case "added": l.pick("账号已新增。", "The account is added.")
        case "scoped": l.pick("角色与范围已保存；该账号需重新登录。", "Role and scope saved; the account signs in again.")
        case "disabled": l.pick("账号已停用。", "The account is turned off.")
        case "enabled": l.pick("账号已启用。", "The account is turned on.")
        case "password": l.pick("密码已重置；该账号需用新密码登录。", "The password is reset; the account signs in with the new one.")
        default: nil
        }
    }
}
