import Domain
import UseCases

/// The province page's view model (县区排名): one row per county the viewer may read, ranked
/// by ``ProvinceRanking`` and sortable by any column; each county links to its overview,
/// each figure to the part of the overview behind it.
struct ProvincePage {
    struct Row {
        var rank: String
        var name: String
        var href: String
        var verdict: String
        var verdictClass: String
        var within: String
        var withinHref: String
        var ratio: String
        var ratioClass: String
        var ratioHref: String
        var worstIndicator: String
        var compliant: String
        var compliantHref: String
        var schools: String
        var schoolsHref: String
    }

    /// Column ids of `?sort=`.
    static let columns = ["rank", "county", "verdict", "within", "ratio", "compliant", "schools"]

    var heading: String
    var standardName: String
    var yearLabel: String
    var years: [PageListing.Link]
    var headers: [PageListing.Header]
    var rows: [Row]
    var empty: String?
    var note: String

    init(rows ranked: [ProvinceRanking.Row], year: Int?, years available: [Int], sort: String, order: PageListing.Order,
         standard: Standard, language l: Language) {
        heading = l.pick("县区排名", "Counties ranked") + (year.map { l.pick(" · \($0) 年度", " · \($0)") } ?? "")
        standardName = standard.name(in: l)
        yearLabel = l.pick("年度：", "Year: ")
        years = available.map { PageListing.Link(href: "/province?year=\($0)", label: String($0), current: $0 == year) }
        let labels = l == .chinese
            ? ["排名", "县区", "评估结论", "差异系数达标指标", "最大差异系数/限值", "学校达标率", "学校数"]
            : ["Rank", "County", "Verdict", "Indicators within limit", "Largest CV / limit", "Schools meeting the rule", "Schools"]
        let numeric: Set<String> = ["rank", "within", "ratio", "compliant", "schools"]
        headers = zip(Self.columns, labels).map { id, label in
            let next: PageListing.Order = sort == id ? order.flipped : .asc
            return PageListing.Header(
                label: label, href: "/province" + PageListing.query([("year", year.map(String.init)), ("sort", id), ("order", next.rawValue)]),
                arrow: sort == id ? order.arrow : "", numeric: numeric.contains(id))
        }
        rows = Self.sorted(ranked, by: sort, order: order).map { row in
            let overview = "/counties/\(row.countyCode)?year=\(row.year)"
            let worst = row.worstIndicator.map { ref in
                "\(ref.stage.name(in: l)) · \(standard.indicators[ref.index].name(in: l))"
            }
            return Row(
                rank: String(row.rank),
                name: row.countyName.map { "\($0)（\(row.countyCode)）" } ?? row.countyCode,
                href: overview,
                verdict: row.verdict.name(in: l), verdictClass: FigureText.verdictClass(row.verdict),
                within: "\(row.indicatorsWithinLimit)/\(row.indicatorCount)", withinHref: overview + "#indicators",
                ratio: FigureText.three(row.worstRatio),
                ratioClass: row.worstRatio.map { $0 > 1 ? "num fail" : "num" } ?? "num unknown",
                ratioHref: row.worstIndicator.map {
                    "\(overview)&stage=\($0.stage.rawValue)&sort=\(standard.indicators[$0.index].key)#schools"
                } ?? overview + "#indicators",
                worstIndicator: worst ?? "",
                compliant: FigureText.percent(row.compliantShare) + " (\(row.compliantSchools)/\(row.evaluatedSchools))",
                compliantHref: overview + "&filter=failing#schools",
                schools: String(row.schoolCount), schoolsHref: overview + "#schools"
            )
        }
        empty = rows.isEmpty ? l.pick("没有可查看的县区数据。", "No county data to show.") : nil
        note = l.pick("排名：通过的县区在前，其余按最大差异系数与限值之比从小到大。学校达标率按学校计（两个学段均达标才算达标）。",
                      "Ranking: passing counties first, then by the largest CV as a share of its limit, smallest first. A school meets the rule when each of its stages does.")
    }

    /// `rows` in the order of `column` (the ranking's order for `rank` or an unknown column).
    static func sorted(_ rows: [ProvinceRanking.Row], by column: String, order: PageListing.Order) -> [ProvinceRanking.Row] {
        func key(_ row: ProvinceRanking.Row) -> Double? {
            switch column {
            case "verdict": Double(row.verdict == .pass ? 0 : row.verdict == .incomplete ? 1 : 2)
            case "within": Double(row.indicatorsWithinLimit)
            case "ratio": row.worstRatio
            case "compliant": row.compliantShare
            case "schools": Double(row.schoolCount)
            default: Double(row.rank)
            }
        }
        return rows.sorted { a, b in
            if column == "county" {
                return PageListing.ordered(a.countyName ?? a.countyCode, b.countyName ?? b.countyCode, order) ?? (a.rank < b.rank)
            }
            return PageListing.ordered(key(a), key(b), order) ?? (a.rank < b.rank)
        }
    }
}
