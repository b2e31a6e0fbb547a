import Domain
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

/// The layout's view model: what goes around a page's content (`layout-head` before it,
/// `layout-tail` after it).
struct LayoutModel {
    struct Link { var href: String; var label: String; var current: Bool }
    var lang: String
    var title: String
    var appName: String
    var notice: String?
    var signedIn: Bool
    var accountLine: String
    var csrf: String
    var logoutLabel: String
    var links: [Link]
    var switchHref: String
    var switchLabel: String

    init(frame: PageFrame) {
        let l = frame.language
        lang = l == .chinese ? "zh-CN" : "en"
        title = frame.title
        appName = l.pick("均衡 · 义务教育均衡发展", "Junheng · Balanced compulsory education")
        notice = frame.notice
        signedIn = frame.viewer != nil
        csrf = frame.viewer?.session.csrfToken ?? ""
        logoutLabel = l.pick("退出", "Sign out")
        let other: Language = l == .chinese ? .english : .chinese
        let base = frame.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
        switchHref = base + "?" + (frame.query.isEmpty ? "" : frame.query + "&") + "lang=" + other.rawValue
        switchLabel = other == .english ? "English" : "中文"
        guard let account = frame.viewer?.account else {
            accountLine = ""
            links = []
            return
        }
        accountLine = account.name + " · " + l.pick(account.role.chineseName, account.role.englishName)
        links = Navigation.links(for: account, language: l).map {
            Link(href: $0.href, label: $0.label, current: base == $0.href)
        }
    }
}

/// The navigation of each role: where its work is.
enum Navigation {
    static func links(for account: Account, language l: Language) -> [(href: String, label: String)] {
        var links: [(String, String)] = []
        switch account.role {
        case .admin, .supervisor:
            links.append(("/province", l.pick("县区排名", "Counties")))
        case .planner:
            if let county = account.counties.first { links.append(("/counties/\(county)", l.pick("县域概况", "County overview"))) }
        case .clerk:
            if let county = account.counties.first, let school = account.schoolCode {
                links.append(("/counties/\(county)/schools/\(school)", l.pick("本校数据", "My school")))
            }
        }
        if account.role != .supervisor { links.append(("/import", l.pick("导入数据", "Import"))) }
        if account.role != .clerk { links.append(("/audit", l.pick("操作记录", "Audit trail"))) }
        return links
    }

    /// Where an account lands after signing in.
    static func home(for account: Account) -> String {
        links(for: account, language: .chinese).first?.href ?? "/province"
    }
}
