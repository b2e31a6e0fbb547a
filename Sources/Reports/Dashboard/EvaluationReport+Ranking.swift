import Domain

/// The province's counties ranked (县区排名, ``ProvinceRanking``): one row per county, sorted by
/// any column; each county leads to its overview and each figure to the part of the overview
/// behind it.
///
/// ```swift
/// let report = EvaluationReport(standard: standard, language: .chinese)
///     .ranking(ProvinceRanking.rank(results: results), year: 2025, sortedBy: "schools", order: .descending)
/// ```
extension EvaluationReport {
    /// The columns of ``ranking(_:year:sortedBy:order:)`` that sort, by key; any other keeps the
    /// ranking's order.
    public static let rankingSortable: Set<String> = ["rank", "county", "verdict", "within", "ratio", "compliant", "schools"]

    /// 县区排名: what the province's ranking is called, on its page and in the site's links.
    public static func rankingName(in l: Language) -> String { l.pick("县区排名", "Counties ranked") }

    /// The ranking of `year` (`nil`: no data at all) in section `counties`, sorted by the
    /// column `column` (ties and unknown columns in the ranking's order).
    public func ranking(_ rows: [ProvinceRanking.Row], year: Int?, sortedBy column: String, order: ListingOrder) -> Report {
        let l = language
        var table = ReportTable(name: Self.rankingName(in: l), columns: [
            ReportColumn("rank", l.pick("排名", "Rank")), ReportColumn("county", Term.county.name(in: l)),
            ReportColumn(.verdict, l), ReportColumn("within", l.pick("差异系数达标指标", "Indicators within limit")),
            ReportColumn("ratio", l.pick("最大差异系数/限值", "Largest CV / limit")),
            ReportColumn("worst_indicator", l.pick("最大差异系数指标", "Indicator of the largest CV")),
            ReportColumn("compliant", l.pick("学校达标率", "Schools meeting the rule")),
            ReportColumn("compliant_schools", l.pick("达标学校/参评学校", "Meeting / evaluated")),
            ReportColumn("schools", l.pick("学校数", "Schools")),
        ])
        for row in Self.sortedRanking(rows, by: column, order: order) {
            let (county, year) = (row.countyCode, row.year)
            func units(_ selection: UnitSelection) -> ReportLink { .units(county: county, year: year, selection) }
            let worst = row.worstIndicator
            let ratio = ReportCell.judged(row.worstRatio, places: 3, passes: row.worstRatio.flatMap { $0 > 1 ? false : nil })
            table.append([
                .count(row.rank),
                .link(row.countyName.map { "\($0)（\(county)）" } ?? county, to: .county(code: county, year: year)),
                .verdict(of: row.verdict, in: l),
                .linked(.text("\(row.indicatorsWithinLimit)/\(row.indicatorCount)"), to: .indicators(county: county, year: year)),
                .linked(ratio, to: worst.map { units(UnitSelection(stage: $0.stage, sortedBy: standard.indicators[$0.index].key)) }
                    ?? .indicators(county: county, year: year)),
                .text(worst.map { "\($0.stage.name(in: l)) · \(standard.indicators[$0.index].name(in: l))" } ?? ""),
                .linked(.percent(row.compliantShare), to: units(UnitSelection(failingOnly: true))),
                .text("\(row.compliantSchools)/\(row.evaluatedSchools)"),
                .linked(.count(row.schoolCount), to: units(UnitSelection())),
            ])
        }
        var blocks: [ReportBlock] = [.table(table)]
        if rows.isEmpty { blocks.append(.note(l.pick("没有可查看的县区数据。", "No county data to show."))) }
        blocks.append(.note(l.pick(
            "排名：通过的县区在前，其余按最大差异系数与限值之比从小到大。学校达标率按学校计（两个学段均达标才算达标）。",
            "Ranking: passing counties first, then by the largest CV as a share of its limit, smallest first. A school meets the rule when each of its stages does.")))
        let title = Self.rankingName(in: l) + (year.map { l.pick(" · \($0) 年度", " · \($0)") } ?? "")
        return Report(title: title, sections: [ReportSection(id: "counties", nil, blocks)])
    }

    /// `rows` in the order of `column` (the ranking's order for `rank` or an unknown column).
    static func sortedRanking(_ rows: [ProvinceRanking.Row], by column: String, order: ListingOrder) -> [ProvinceRanking.Row] {
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
                return order.precedes(a.countyName ?? a.countyCode, b.countyName ?? b.countyCode) ?? (a.rank < b.rank)
            }
            return order.precedes(key(a), key(b)) ?? (a.rank < b.rank)
        }
    }
}
