import Domain
import UseCases

/// The school table of the county page (one row per school unit): name, type, locality,
/// stage, students, each indicator's value (unmet ones marked ✗), and how many indicators
/// meet their threshold. Every header sorts; filters and pages keep the sort.
struct CountySchoolTable {
    struct Cell {
        var text: String
        var cls: String
        var title: String?
    }

    struct Row {
        var name: String
        var href: String
        var code: String
        var type: String
        var locality: String
        var stage: String
        var students: String
        var cells: [Cell]
        var met: String
        var metClass: String
    }

    var heading: String
    var filterLabel: String
    var filters: [PageListing.Link]
    var headers: [PageListing.Header]
    var rows: [Row]
    var empty: String?
    var summary: String
    var previousHref: String?
    var previousLabel: String
    var nextHref: String?
    var nextLabel: String

    init(evaluation: CountyEvaluation, standard: Standard, query: CountySchoolQuery, language l: Language) {
        let county = evaluation.countyCode
        let listing = CountySchoolListing(result: evaluation.result, standard: standard, query: query)
        heading = l.pick("各校指标值", "Schools and their values")
        filterLabel = l.pick("显示：", "Show:")
        let choices: [(String, Bool, Stage?)] = [
            (l.pick("全部学校单位", "all units"), false, nil),
            (l.pick("未达标学校", "failing the school rule"), true, nil),
            (Stage.primary.name(in: l), false, .primary),
            (Stage.junior.name(in: l), false, .junior),
        ]
        filters = choices.map { label, failing, stage in
            PageListing.Link(href: query.filtered(failingOnly: failing, stage: stage).href(county: county), label: label,
                             current: query.failingOnly == failing && query.stage == stage)
        }

        func header(_ id: String, _ label: String, numeric: Bool = false) -> PageListing.Header {
            PageListing.Header(label: label, href: query.sorted(by: id).href(county: county),
                               arrow: query.sort == id ? query.order.arrow : "", numeric: numeric)
        }
        headers = [
            header("name", l.pick("学校名称", "School")),
            header("type", l.pick("办学类型", "Type")),
            header("locality", l.pick("城乡类型", "Locality")),
            header("stage", l.pick("学段", "Stage")),
            header("students", l.pick("学生数", "Students"), numeric: true),
        ] + standard.indicators.map { header($0.key, "\($0.name(in: l))（\($0.unit)）", numeric: true) }
            + [header("met", l.pick("达标项数", "Indicators met"), numeric: true)]

        let unmet = l.pick("未达标", "below threshold")
        rows = listing.units.map { unit in
            let met = CountySchoolListing.metCount(unit)
            let judged = unit.met.count { $0 != nil }
            return Row(
                name: unit.unit.schoolName,
                href: "/counties/\(county)/schools/\(unit.unit.schoolCode)?year=\(evaluation.year)",
                code: unit.unit.schoolCode,
                type: l.pick(unit.unit.type.chineseName, unit.unit.type.rawValue),
                locality: unit.unit.locality.name(in: l),
                stage: unit.unit.stage.name(in: l),
                students: String(unit.unit.students),
                cells: unit.values.indices.map { index in
                    unit.met[index] == false
                        ? Cell(text: "✗ " + FigureText.three(unit.values[index]), cls: "num fail", title: unmet)
                        : Cell(text: FigureText.three(unit.values[index]), cls: "num", title: nil)
                },
                met: "\(met)/\(judged)",
                metClass: FigureText.judgementClass(unit.passes)
            )
        }
        empty = rows.isEmpty ? l.pick("没有符合条件的学校单位。", "No school unit matches.") : nil
        summary = l.pick("共 \(listing.matching) 个学校单位，第 \(listing.page)/\(listing.pageCount) 页",
                         "\(listing.matching) school units, page \(listing.page) of \(listing.pageCount)")
        previousHref = listing.page > 1 ? query.onPage(listing.page - 1).href(county: county) : nil
        nextHref = listing.page < listing.pageCount ? query.onPage(listing.page + 1).href(county: county) : nil
        previousLabel = l.pick("上一页", "Previous")
        nextLabel = l.pick("下一页", "Next")
    }
}
