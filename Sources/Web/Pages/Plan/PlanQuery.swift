import Domain
import Hummingbird

/// What the plan page shows, from the query: `?year=&budget=&gaps_page=&items_page=`.
/// `budget` is kept as typed (the form shows it back, errors and all) and read as the GET form
/// sends it (`+` for a space); pages count from 1.
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
        budget = request.formQuery("budget")
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
