import Domain
import Reports

/// The province page (县区排名): its title, the standard and the years, then the ranking
/// (``EvaluationReport/ranking(_:year:sortedBy:order:)``: one row per county the viewer may read, sortable by any column; each
/// county leads to its overview, each figure to the part of the overview behind it).
struct ProvincePage {
    /// The page's title.
    let heading: String
    /// The page's content.
    let html: String

    init(rows: [ProvinceRanking.Row], year: Int?, years: [Int], sort: String, order: ListingOrder,
         standard: Standard, language l: Language) {
        let report = EvaluationReport(standard: standard, language: l).ranking(rows, year: year, sortedBy: sort, order: order)
        let renderer = HTMLRenderer(language: l) { SiteAddress.of($0) }
        heading = report.title
        var page = PageContent()
        page.heading(report.title)
        page.paragraph(standard.name(in: l), class: "muted")
        page.years(in: l, years, current: year ?? 0, href: { "/province?year=\($0)" })
        for section in report.sections {
            page.append(renderer.section(section, headerLink: { column in
                guard EvaluationReport.rankingSortable.contains(column.key) else { return nil }
                let next = sort == column.key ? order.reversed : .ascending
                return ("/province" + PageListing.query([("year", year.map(String.init)), ("sort", column.key), ("order", PageListing.text(next))]),
                        sort == column.key ? PageListing.arrow(order) : "")
            }))
        }
        html = page.text
    }
}
