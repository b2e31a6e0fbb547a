import Domain
import Hummingbird

/// What the plan page shows, from the query: `?year=&budget=&gaps_page=&items_page=`.
/// `budget` is kept as typed (the form shows it back, errors and all); pages count from 1.
struct PlanQuery: Sendable, Equatable {
    /// Rows per page of the gaps and items tables.
    static let pageSize = 50

    var year: Int
    /// The budget text as typed; `nil` when none.
    var budget: String?
    var gapsPage: Int
    var itemsPage: Int

    init(year: Int, budget: String? = nil, gapsPage: Int = 1, itemsPage: Int = 1) {
        self.year = year
        self.budget = budget
        self.gapsPage = gapsPage
        self.itemsPage = itemsPage
    }

    /// The query of `request` for the county's `year`.
    ///
    /// - Throws: ``WebError/badRequest(_:)`` for a malformed page number or an over-long budget.
    init(request: Request, year: Int) throws(WebError) {
        self.year = year
        budget = request.textQuery("budget")
        // A budget of 30 years is a few hundred characters; anything far longer is not typed.
        if let budget, budget.count > 2_000 { throw .badRequest("budget") }
        gapsPage = max(1, try request.intQuery("gaps_page", default: 1, max: 1_000_000))
        itemsPage = max(1, try request.intQuery("items_page", default: 1, max: 1_000_000))
    }

    /// The plan page showing this query, scrolled to `anchor`.
    func href(county: String, anchor: String? = nil) -> String {
        "/counties/\(county)/plan" + PageListing.query([
            ("year", String(year)), ("budget", budget),
            ("gaps_page", gapsPage > 1 ? String(gapsPage) : nil), ("items_page", itemsPage > 1 ? String(itemsPage) : nil),
        ]) + (anchor.map { "#" + $0 } ?? "")
    }

    /// This query with the gaps table on `page`.
    func onGapsPage(_ page: Int) -> PlanQuery {
        var copy = self
        copy.gapsPage = page
        return copy
    }

    /// This query with the items table on `page`.
    func onItemsPage(_ page: Int) -> PlanQuery {
        var copy = self
        copy.itemsPage = page
        return copy
    }
}

/// One page of a long table: which rows, and the pager's text and links.
struct PlanPager {
    var summary: String
    var previousHref: String?
    var nextHref: String?
    var previousLabel: String
    var nextLabel: String
    /// The rows' range in the whole list.
    var range: Range<Int>

    /// Page `asked` (past the last: the last) of `count` rows; `href` links a page number.
    init(count: Int, asked: Int, noun: (zh: String, en: String), language l: Language, href: (Int) -> String) {
        let size = PlanQuery.pageSize
        let pages = max(1, (count + size - 1) / size)
        let page = min(asked, pages)
        range = min(count, (page - 1) * size)..<min(count, page * size)
        summary = l.pick("共 \(count) \(noun.zh)，第 \(page)/\(pages) 页", "\(count) \(noun.en), page \(page) of \(pages)")
        previousHref = page > 1 ? href(page - 1) : nil
        nextHref = page < pages ? href(page + 1) : nil
        previousLabel = l.pick("上一页", "Previous")
        nextLabel = l.pick("下一页", "Next")
    }
}
