import Domain
import Planning

/// What-if edits (假设分析) as a ``Report`` — one builder for every medium: `junheng plan
/// whatif` renders it as terminal text (``TerminalRenderer``), CSV of its CV table
/// (``CSVRenderer``, the contract `stage,indicator,cv_before,cv_after,limit,before,after,moved`)
/// and a workbook (``XLSXRenderer``).
///
/// What a planner reads: the county, the resource verdict (资源配置, ``ResourceCheck``) before
/// and after the edits, each edit (school, field, value before and after), and each stage's
/// CVs before and after against their limits, those the edits moved marked `*`.
public struct WhatifReport: Sendable {
    /// The CVs before and after, in the words of an edit (修改前, 修改后), with the standard
    /// evaluated against and the language of the text.
    private let comparison: CVComparison

    public init(standard: Standard, language: Language) {
        comparison = CVComparison(standard: standard, language: language, change: ("修改", "修改"), marksMoves: true)
    }

    private var language: Language { comparison.language }

    /// The report of one county evaluated `before` and `after` the edits of `edited` (each
    /// edited school's row before and after, in the order edited).
    public func report(before: CountyResult, after: CountyResult, edited: [(before: SchoolYear, after: SchoolYear)]) -> Report {
        let l = language
        let headline = [
            ReportFact(Term.county.name(in: l), .text(after.countyCode + (after.countyName.map { " \($0)" } ?? ""))),
            ReportFact(Term.year.name(in: l), .count(after.year)),
            ReportFact(l.pick("修改前资源配置", "Resources before"), PlanWording.resources(ResourceCheck(before), l)),
            ReportFact(l.pick("修改后资源配置", "Resources after"), PlanWording.resources(ResourceCheck(after), l)),
        ]
        return Report(
            title: l.pick("假设分析", "What-if") + " · " + comparison.standard.name(in: l), headline: headline,
            sections: [editsSection(edited), comparison.section(PlanWording.cvRows(before: before, after: after))])
    }

    /// The CV table alone: what `--format csv` writes.
    public func cvs(before: CountyResult, after: CountyResult) -> ReportTable {
        comparison.table(PlanWording.cvRows(before: before, after: after))
    }

    /// The name of the workbook's first sheet.
    public var summaryName: String { Term.summary.name(in: language) }

    /// Every field the edits changed, school by school (nothing is written).
    private func editsSection(_ edited: [(before: SchoolYear, after: SchoolYear)]) -> ReportSection {
        let l = language
        var table = ReportTable(name: l.pick("修改", "Edits"), columns: [
            ReportColumn(.schoolCode, l), ReportColumn(.schoolName, l), ReportColumn(.field, l), ReportColumn(.oldValue, l), ReportColumn(.newValue, l),
        ])
        for (before, after) in edited {
            for change in after.changes(from: before) {
                table.append([
                    .code(after.schoolCode), .text(after.schoolName),
                    .term(l.pick(change.field.chineseName, change.field.key), key: change.field.key),
                    .text(change.old?.text ?? "—"), .text(change.new?.text ?? "—"),
                ])
            }
        }
        return ReportSection(id: "edits", l.pick("修改（仅在副本中，不写入数据）：\(table.rows.count) 项",
                                                 "Edits (to a copy; nothing is written): \(table.rows.count)"), [.table(table)])
    }
}
