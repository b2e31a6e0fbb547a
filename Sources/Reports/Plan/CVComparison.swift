import Domain
import Planning

/// Each stage's CVs of one county before and after a change to its rows — a plan's items
/// (``PlanReport``) or what-if edits (``WhatifReport``) — against their limits: a
/// before/after chart per stage, then the table, in the words of the change.
struct CVComparison {
    /// The standard that names the indicators.
    let standard: Standard
    let language: Language
    /// What the change is called in Chinese, in the table (方案 → 方案前, 方案后结果) and on
    /// the charts (规划 → 规划前, 规划前后). English says "before" and "after" either way.
    let change: (table: String, chart: String)
    /// Whether a last column marks the CVs the change moved (`*`).
    let marksMoves: Bool

    /// The section (`cvs`) of `rows`.
    func section(_ rows: [PlanWording.CVRow]) -> ReportSection {
        let before = change.table + "前", after = change.table + "后"
        return ReportSection(id: "cvs", language.pick("差异系数（\(before) → \(after)）：", "Coefficients of variation (before → after):"),
                             charts(rows) + [.table(table(rows))])
    }

    /// The table: stage, indicator, CV before and after (judged), limit, outcome before and after.
    func table(_ rows: [PlanWording.CVRow]) -> ReportTable {
        let l = language, before = change.table + "前", after = change.table + "后"
        var table = ReportTable(name: l.pick("差异系数", "CVs"), columns: [
            ReportColumn(.stage, l), ReportColumn(.indicator, l),
            ReportColumn("cv_before", l.pick(before, "Before")), ReportColumn("cv_after", l.pick(after, "After")), ReportColumn(.limit, l),
            ReportColumn("before", l.pick(before + "结果", "Before")), ReportColumn("after", l.pick(after + "结果", "After")),
        ] + (marksMoves ? [ReportColumn("moved", l.pick("变化", "Moved"))] : []))
        for row in rows {
            let definition = standard.indicators[row.indicator]
            let moved = row.before?.cv != row.after?.cv
            table.append([
                .term(row.stage.name(in: l), key: row.stage.rawValue), .term(definition.name(in: l), key: definition.key),
                .judged(row.before?.cv, places: 3, passes: row.before?.pass), .judged(row.after?.cv, places: 3, passes: row.after?.pass),
                .three(row.limit), outcome(row.before?.pass), outcome(row.after?.pass),
            ] + (marksMoves ? [.term(moved ? "*" : "", key: moved ? "yes" : "no")] : []))
        }
        return table
    }

    /// One before/after chart per stage of the table's figures.
    private func charts(_ rows: [PlanWording.CVRow]) -> [ReportBlock] {
        let l = language, chart = change.chart
        var stages: [Stage] = []
        for row in rows where !stages.contains(row.stage) { stages.append(row.stage) }
        return stages.map { stage in
            .chart(.bars(.beforeAfter(
                title: l.pick("\(stage.chineseName)：各项指标校际差异系数（\(chart)前后）",
                              "\(stage.englishName.capitalized): inter-school CV of each indicator, before and after"),
                items: rows.filter { $0.stage == stage }.map { row in
                    (standard.indicators[row.indicator].name(in: l),
                     .init(cv: row.before?.cv, limit: row.before?.limit ?? row.limit, pass: row.before?.pass),
                     .init(cv: row.after?.cv, limit: row.after?.limit ?? row.limit, pass: row.after?.pass))
                },
                words: (l.pick(chart + "前", "before"), l.pick(chart + "后", "after")), language: l)))
        }
    }

    private func outcome(_ pass: Bool?) -> ReportCell {
        .verdict(PlanWording.outcome(pass, language), key: pass.map { $0 ? "pass" : "fail" } ?? "", passes: pass)
    }
}
