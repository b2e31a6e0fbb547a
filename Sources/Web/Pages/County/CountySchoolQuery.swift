import Domain
import Hummingbird

/// What the county page's school table shows, from the query:
/// `?year=&sort=&order=asc|desc&page=&filter=failing&stage=primary|junior`.
///
/// `sort` is a column id: `name`, `code`, `type`, `locality`, `stage`, `students`, `met`, or
/// an indicator's key (e.g. `teaching_area_per_student`); an unknown one keeps the
/// evaluation's order (stage, then school code). Pages count from 1.
struct CountySchoolQuery: Sendable, Hashable {
    /// Rows per page.
    static let pageSize = 50

    var year: Int
    var sort: String?
    var order: PageListing.Order
    var page: Int
    /// Only units that fail the school rule.
    var failingOnly: Bool
    /// Only units of this stage.
    var stage: Stage?

    init(year: Int, sort: String? = nil, order: PageListing.Order = .asc, page: Int = 1, failingOnly: Bool = false, stage: Stage? = nil) {
        self.year = year
        self.sort = sort
        self.order = order
        self.page = page
        self.failingOnly = failingOnly
        self.stage = stage
    }

    /// The query of `request` for the county's `year`.
    ///
    /// - Throws: ``WebError/badRequest(_:)`` for a malformed page, order, filter or stage.
    init(request: Request, year: Int) throws(WebError) {
        self.year = year
        sort = request.textQuery("sort")
        guard let order = PageListing.Order(rawValue: request.textQuery("order") ?? "asc") else { throw .badRequest("order") }
        self.order = order
        page = max(1, try request.intQuery("page", default: 1, max: 1_000_000))
        switch request.textQuery("filter") {
        case nil: failingOnly = false
        case "failing"?: failingOnly = true
        default: throw .badRequest("filter")
        }
        switch request.textQuery("stage") {
        case nil: stage = nil
        case let text?:
            guard let stage = Stage(rawValue: text), stage != .senior else { throw .badRequest("stage") }
            self.stage = stage
        }
    }

    /// The county page showing this query, scrolled to the school table.
    func href(county: String) -> String {
        "/counties/\(county)" + PageListing.query([
            ("year", String(year)), ("stage", stage?.rawValue), ("filter", failingOnly ? "failing" : nil),
            ("sort", sort), ("order", sort == nil ? nil : order.rawValue), ("page", page > 1 ? String(page) : nil),
        ]) + "#schools"
    }

    /// This query sorted by `column` (a click on its header: the other order when it is the
    /// current sort), back on the first page.
    func sorted(by column: String, order explicit: PageListing.Order? = nil) -> CountySchoolQuery {
        var copy = self
        copy.order = explicit ?? (sort == column ? order.flipped : .asc)
        copy.sort = column
        copy.page = 1
        return copy
    }

    /// This query on `page`.
    func onPage(_ page: Int) -> CountySchoolQuery {
        var copy = self
        copy.page = page
        return copy
    }

    /// This query with other filters, back on the first page.
    func filtered(failingOnly: Bool, stage: Stage?) -> CountySchoolQuery {
        var copy = self
        copy.failingOnly = failingOnly
        copy.stage = stage
        copy.page = 1
        return copy
    }
}
