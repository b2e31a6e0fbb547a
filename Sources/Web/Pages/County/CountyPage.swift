import Domain
import Reports
import UseCases

/// The county overview (县域概况): its title, the standard, the years with the county's plans,
/// then the report of the year (``EvaluationReport/overview(_:history:listing:)``: verdict and reasons, each stage's
/// 差异系数 as a chart and a table, the trend over the years, the schools failing the school
/// rule, one page of the school table, the schools left out), whose figures lead to the rows
/// behind them.
///
/// Nothing in it depends on who is looking — it takes no viewer — so its HTML is kept for
/// every viewer allowed to read the county (``CountyPageBody``); the year's lock, with the
/// viewer's buttons and form token, is ``CountyLockPanel``, made for each request and sent
/// between ``summary`` and ``details``.
struct CountyPage {
    /// The page's title.
    let heading: String
    /// The title, the standard, the years and the verdict.
    let summary: String
    /// The rest: indicators, trend, failing schools, the school table, the schools left out.
    let details: String

    /// - Parameter history: the county's evaluation in every year (for the trend); the
    ///   trend is left out with fewer than two.
    init(evaluation: CountyEvaluation, history: [CountyEvaluation], query: CountySchoolQuery,
         standard: Standard, language l: Language) {
        let (county, year) = (evaluation.countyCode, evaluation.year)
        let listing = UnitListing(evaluation.result, standard: standard, selection: query.selection, page: query.page,
                                  pageSize: CountySchoolQuery.pageSize)
        let report = EvaluationReport(standard: standard, language: l)
            .overview(evaluation.result, history: history.map(\.result), listing: listing)
        let renderer = HTMLRenderer(language: l, county: county, year: year)
        heading = report.title
        var top = PageContent()
        top.heading(report.title)
        top.paragraph(standard.name(in: l), class: "muted")
        top.years(in: l, evaluation.years, current: year, href: { "/counties/\(county)?year=\($0)" }, extra: CountyLink.others(than: .overview, county: county, year: year, language: l))
        var rest = ""
        for section in report.sections {
            switch section.id {
            case "verdict": top.append(renderer.section(section))
            case "schools": rest += Self.schools(section, listing: listing, query: query, county: county, renderer: renderer, language: l)
            default: rest += renderer.section(section)
            }
        }
        summary = top.text
        details = rest
    }

    /// The school table's section: which units it shows, the table sorted by a click on any
    /// header, and where the pages stand.
    private static func schools(
        _ section: ReportSection, listing: UnitListing, query: CountySchoolQuery, county: String, renderer: HTMLRenderer,
        language l: Language
    ) -> String {
        let current = (query.selection.failingOnly, query.selection.stage)
        let choices: [(String, Bool, Stage?)] = [
            (l.pick("全部学校单位", "all units"), false, nil),
            (l.pick("未达标学校", "failing the school rule"), true, nil),
            (Stage.primary.name(in: l), false, .primary),
            (Stage.junior.name(in: l), false, .junior),
        ]
        var filters = PageContent()
        filters.choices(label: l.pick("显示：", "Show:"), choices.map { label, failing, stage in
            (label, query.filtered(failingOnly: failing, stage: stage).href(county: county), current == (failing, stage))
        })
        let shown = query.onPage(listing.page)
        var pager = PageContent()
        pager.pager(
            l.pick("共 \(listing.matching) 个学校单位，第 \(listing.page)/\(listing.pageCount) 页",
                   "\(listing.matching) school units, page \(listing.page) of \(listing.pageCount)"),
            previous: listing.page > 1 ? (Term.previousPage.name(in: l), shown.onPage(listing.page - 1).href(county: county)) : nil,
            next: listing.page < listing.pageCount ? (Term.nextPage.name(in: l), shown.onPage(listing.page + 1).href(county: county)) : nil)
        return renderer.section(section, headerLink: { query.sortLink($0.key, county: county) },
                                afterHeading: filters.text, atEnd: pager.text)
    }

    /// The notice after a lock or unlock (`?done=locked|unlocked`).
    static func notice(_ done: String?, year: Int, language l: Language) -> String? {
        switch done {
        case "locked"?: l.pick("已锁定 \(year) 年度数据。", "\(year) is now locked.")
        case "unlocked"?: l.pick("已解除 \(year) 年度的锁定。", "\(year) is unlocked.")
        case "published"?: l.pick("已发布 \(year) 年度评估报告。", "\(year)'s report is published.")
        case "unpublished"?: l.pick("已撤回 \(year) 年度评估报告。", "\(year)'s report is withdrawn.")
        default: nil
        }
    }
}
