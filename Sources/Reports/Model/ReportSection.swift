/// A part of a report under one heading: paragraphs, key–value lists, numbered lists and tables
/// (a county of an evaluation, a stage of a county).
public struct ReportSection: Sendable, Hashable {
    /// A stable name (`moves`, `schools` …): the web page's anchor, and how a page picks the
    /// sections it shows.
    public var id: String
    /// The heading; `nil` continues the previous part without one.
    public var heading: String?
    /// The content, in reading order.
    public var blocks: [ReportBlock]

    public init(id: String, _ heading: String?, _ blocks: [ReportBlock] = []) {
        self.id = id
        self.heading = heading
        self.blocks = blocks
    }
}

/// One piece of a section's content.
public enum ReportBlock: Sendable, Hashable {
    /// A sentence or a short paragraph.
    case paragraph(String)
    /// Labelled values, one a line.
    case facts([ReportFact])
    /// A table of typed cells.
    case table(ReportTable)
    /// A note under what came before it (a footnote to a table, a conclusion).
    case note(String)
    /// Items in order, numbered from 1 (a county's reasons for its verdict).
    case numbered([String])
    /// The heading of a part within the section (a second table, a check and its result),
    /// set apart from what came before it.
    case subheading(String)
    /// A chart of figures the section's tables also hold: drawn on pages only.
    case chart(ReportChart)
}
