import Domain
import Hummingbird
import Reports

/// What the county page's school table shows, from the query:
/// `?year=&sort=&order=asc|desc&page=&filter=failing&stage=primary|junior` — a
/// ``UnitSelection`` of the year, and the page.
///
/// `sort` is a column key of the units table: `name`, `code`, `type`, `locality`, `stage`,
/// `students`, `met`, or an indicator's key (e.g. `teaching_area_per_student`); an unknown
/// one keeps the evaluation's order (stage, then school code). Pages count from 1.
struct CountySchoolQuery: Sendable, Hashable {
    /// Rows per page.
    static let pageSize = 50

    var year: Int
    var selection: UnitSelection
    var page: Int

    init(year: Int, selection: UnitSelection = UnitSelection(), page: Int = 1) {
        self.year = year
        self.selection = selection
        self.page = page
    }

    /// The query of `request` for the county's `year`.
    ///
    /// - Throws: ``WebError/badRequest(_:)`` for a malformed page, order, filter or stage.
    init(request: Request, year: Int) throws(WebError) {
        self.year = year
        selection = UnitSelection(sortedBy: request.textQuery("sort"), order: try PageListing.order(request.textQuery("order")))
        page = max(1, try request.intQuery("page", default: 1, max: 1_000_000))
        switch request.textQuery("filter") {
        case nil: break
        case "failing"?: selection.failingOnly = true
        default: throw .badRequest("filter")
        }
        switch request.textQuery("stage") {
        case nil: break
        case let text?:
            guard let stage = Stage(rawValue: text), stage != .senior else { throw .badRequest("stage") }
            selection.stage = stage
        }
    }

    /// The county page showing this query, scrolled to the school table.
    func href(county: String) -> String {
        "/counties/\(county)" + PageListing.query([
            ("year", String(year)), ("stage", selection.stage?.rawValue), ("filter", selection.failingOnly ? "failing" : nil),
            ("sort", selection.sortedBy), ("order", selection.sortedBy == nil ? nil : selection.order.map(PageListing.text)),
            ("page", page > 1 ? String(page) : nil),
        ]) + "#schools"
    }

    /// A click on the header of `column`: sorted by it (the other order when it is the
    /// current sort), back on the first page; and the mark after the header.
    func sortLink(_ column: String, county: String) -> HTMLRenderer.HeaderLink {
        let current = selection.sortedBy == column ? selection.order ?? .ascending : nil
        var copy = self
        copy.selection.sortedBy = column
        copy.selection.order = current?.reversed ?? .ascending
        copy.page = 1
        return (copy.href(county: county), current.map(PageListing.arrow) ?? "")
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
        copy.selection.failingOnly = failingOnly
        copy.selection.stage = stage
        copy.page = 1
        return copy
    }
}
