/// A result presented: a title, headline facts and sections — format-neutral. Each feature has
/// one builder from its result to a `Report`; the renderers (``TerminalRenderer``,
/// ``CSVRenderer``, ``XLSXRenderer``) turn it into what each medium needs, so presenting a
/// new result costs one builder rather than one writer per format.
///
/// ```swift
/// let report = PlanReport(standard: standard, language: .chinese).report(plan)
/// print(TerminalRenderer().text(report))          // junheng plan invest --format table
/// let bytes = try XLSXRenderer().workbook(report)  // --out plan.xlsx
/// ```
public struct Report: Sendable, Hashable {
    /// The title, e.g. 资源配置达标投入方案 · 县域义务教育优质均衡发展督导评估.
    public var title: String
    /// What a reader needs first (county, verdicts, totals), shown before the sections.
    public var headline: [ReportFact]
    /// The body, in reading order.
    public var sections: [ReportSection]

    public init(title: String, headline: [ReportFact] = [], sections: [ReportSection] = []) {
        self.title = title
        self.headline = headline
        self.sections = sections
    }

    /// Every table of the report, in reading order.
    public var tables: [ReportTable] {
        sections.flatMap { section in
            section.blocks.compactMap { block -> ReportTable? in
                if case let .table(table) = block { return table }
                return nil
            }
        }
    }
}
