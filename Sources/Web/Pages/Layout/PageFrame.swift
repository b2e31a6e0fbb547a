import Domain
import Reports
import Storage

/// What the layout needs from a request: the title, the language, who is signed in, and
/// the path (for the language switch and the navigation's current item).
struct PageFrame: Sendable {
    var title: String
    var language: Language
    var viewer: Viewer?
    var path: String
    /// A one-line message shown above the page (after a save, an import…).
    var notice: String?
    /// The query items to keep when switching language.
    var query: String

    init(_ title: String, context: AppRequestContext, path: String, notice: String? = nil) {
        self.title = title
        self.language = context.language
        self.viewer = context.viewer
        self.path = path
        self.notice = notice
        self.query = context.queryWithoutLanguage
    }
}

extension PageFrame {
    /// What goes before a page's content: the document head with the style sheet, the header
    /// (the application's name, the viewer's navigation, who is signed in with the sign-out
    /// button, the language switch), the opening of `<main>` and the notice.
    var head: String {
        let l = language
        let other: Language = l == .chinese ? .english : .chinese
        let base = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
        let switchHref = base + "?" + (query.isEmpty ? "" : query + "&") + "lang=" + other.rawValue
        var out = "<!DOCTYPE html>\n<html lang=\"\(l == .chinese ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(PageContent.escape(title)) · 均衡 Junheng</title>\n<style>\n\(Self.style)</style>\n</head>\n<body>\n<header>\n"
        out += "<span class=\"app\">\(l.pick("均衡 · 义务教育均衡发展", "Junheng · Balanced compulsory education"))</span>\n<nav>"
        if let account = viewer?.account {
            for link in Navigation.links(for: account, language: l) {
                out += "<a href=\"\(PageContent.escape(link.href))\"\(base == link.href ? " class=\"current\"" : "")>\(PageContent.escape(link.label))</a>"
            }
        }
        out += "</nav>\n"
        if let viewer {
            let account = viewer.account
            out += "<span>\(PageContent.escape(account.name + " · " + l.pick(account.role.chineseName, account.role.englishName)))</span>\n"
            out += "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" value=\"\(PageContent.escape(viewer.session.csrfToken))\">"
            out += "<button type=\"submit\">\(l.pick("退出", "Sign out"))</button></form>\n"
        }
        out += "<a href=\"\(PageContent.escape(switchHref))\">\(other == .english ? "English" : "中文")</a>\n</header>\n<main>\n"
        if let notice { out += "<p class=\"notice\">\(PageContent.escape(notice))</p>\n" }
        return out
    }

    /// What goes after a page's content.
    static let tail = "</main>\n</body>\n</html>\n"

    /// The style sheet every page shares.
    static let style = """
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; color: #222; background: #f6f7f9; }
        header { background: #1f3b57; color: #fff; padding: 0.6rem 1.5rem; display: flex; gap: 1.5rem; align-items: center; flex-wrap: wrap; }
        header .app { font-weight: 600; }
        header nav { display: flex; gap: 1rem; flex: 1; }
        header a { color: #dbe8f5; text-decoration: none; }
        header a.current { color: #fff; border-bottom: 2px solid #fff; }
        header form { display: inline; margin: 0; }
        header button { background: none; border: 1px solid #dbe8f5; color: #dbe8f5; border-radius: 3px; cursor: pointer; }
        main { max-width: 1200px; box-sizing: border-box; margin: 1rem auto; background: #fff; padding: 1rem 1.5rem 2rem; border-radius: 4px; }
        h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 1.8rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
        th, td { border-bottom: 1px solid #e3e3e3; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
        th { background: #f0f3f6; min-width: 4em; }
        /* A wide table scrolls in its own box, so the page keeps the window's width. */
        .scroll { overflow-x: auto; max-width: 100%; }
        figure { margin: 0.8rem 0; overflow-x: auto; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .fail { color: #c62828; font-weight: 600; } .pass { color: #2e7d32; font-weight: 600; } .unknown { color: #777; }
        .notice { background: #e8f4e8; border: 1px solid #9c9; padding: 0.5rem 1rem; margin-bottom: 1rem; }
        .error { background: #fdecea; border: 1px solid #e99; padding: 0.5rem 1rem; margin-bottom: 1rem; }
        .muted { color: #666; font-size: 0.85rem; }
        .pager { margin: 0.8rem 0; display: flex; gap: 1rem; }
        form.stacked label { display: block; margin: 0.6rem 0 0.2rem; }
        input[type=text], input[type=password], input[type=number] { padding: 0.3rem; width: 16rem; max-width: 100%; }
        button.primary { background: #1f3b57; color: #fff; border: 0; padding: 0.45rem 1.2rem; border-radius: 3px; cursor: pointer; }
        svg { max-width: 100%; height: auto; }

        """
}

/// The navigation of each role: where its work is.
enum Navigation {
    static func links(for account: Account, language l: Language) -> [(href: String, label: String)] {
        var links: [(String, String)] = []
        switch account.role {
        case .admin, .supervisor:
            links.append(("/province", EvaluationReport.rankingName(in: l)))
        case .planner:
            if let county = account.counties.first { links.append(("/counties/\(county)", l.pick("县域概况", "County overview"))) }
        case .clerk:
            if let county = account.counties.first, let school = account.schoolCode {
                links.append(("/counties/\(county)/schools/\(school)", l.pick("本校数据", "My school")))
            }
        case .careOfficer:
            if let county = account.counties.first {
                let list = account.schoolCode.map { "/counties/\(county)/care/schools/\($0)" } ?? "/counties/\(county)/care"
                links.append((list, l.pick("关爱帮扶", "Children who need care")))
            }
        }
        // Import and the trail where the account may use them (a care officer may do neither).
        func mayAnywhere(_ permission: (String) -> Permission) -> Bool {
            account.role == .admin || account.counties.contains { account.may(permission($0)) }
        }
        if mayAnywhere({ .importInto(county: $0) }) { links.append(("/import", l.pick("导入数据", "Import"))) }
        if mayAnywhere({ .readAudit(county: $0) }) { links.append(("/audit", AuditTrailPage.title(in: l))) }
        if account.may(.manageAccounts) { links.append(("/admin/accounts", l.pick("账号管理", "Accounts"))) }
        links.append(("/account/password", l.pick("修改密码", "Password")))
        return links
    }

    /// Where an account lands after signing in.
    static func home(for account: Account) -> String {
        links(for: account, language: .chinese).first?.href ?? "/province"
    }
}
