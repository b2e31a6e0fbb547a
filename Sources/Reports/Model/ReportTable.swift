/// A table of typed cells. Each column has a stable English `key` (the CSV header, the JSON
/// field) and a `header` in the report's language; a column may be for machines only (a key
/// a script needs but a person reads elsewhere, e.g. `unit` beside an amount shown as
/// "12.000 m²") or for people only.
public struct ReportTable: Sendable, Hashable {
    /// The table's name: the XLSX sheet's name.
    public var name: String
    /// The columns, in order.
    public var columns: [ReportColumn]
    /// The rows, each with one cell per column.
    public var rows: [[ReportCell]]
    /// A full listing kept for workbooks and pages (e.g. every teacher's rural service), left
    /// out of terminal text, where the section's summary stands for it.
    public var isDetail: Bool
    /// A table that details the line before it (the schools behind a count of failures):
    /// terminal text indents it one step further, so that it reads as part of that line.
    public var isNested: Bool
    /// How many leading columns name the row (a school's code and name) and stay in view when
    /// a wide table scrolls sideways: a workbook freezes them.
    public var frozenColumns: Int

    public init(
        name: String, columns: [ReportColumn], rows: [[ReportCell]] = [], isDetail: Bool = false, isNested: Bool = false,
        frozenColumns: Int = 0
    ) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.isDetail = isDetail
        self.isNested = isNested
        self.frozenColumns = frozenColumns
    }

    /// Whether column `index` holds before/after counts (``ReportCell/change(before:after:passes:)``),
    /// which spreadsheets and CSV split into two columns.
    public func isChange(_ index: Int) -> Bool {
        rows.contains { if case .change = $0[index].unlinked { true } else { false } }
    }

    /// Appends a row; it must have one cell per column.
    public mutating func append(_ row: [ReportCell]) {
        precondition(row.count == columns.count, "a row of \(row.count) cells in a table of \(columns.count) columns")
        rows.append(row)
    }

    /// The table without the columns whose keys are in `keys`: where the context already says
    /// what they would (the stage of a stage's table), a page with little room leaves them out.
    public func removingColumns(_ keys: Set<String>) -> ReportTable {
        let kept = columns.indices.filter { !keys.contains(columns[$0].key) }
        var table = self
        table.columns = kept.map { columns[$0] }
        table.rows = rows.map { row in kept.map { row[$0] } }
        table.frozenColumns = kept.count { $0 < frozenColumns }
        return table
    }

    /// The indices of the columns shown to `audience`.
    public func columnIndices(for audience: ReportColumn.Audience) -> [Int] {
        columns.indices.filter { columns[$0].audience == .everyone || columns[$0].audience == audience }
    }
}

/// A column of a ``ReportTable``.
public struct ReportColumn: Sendable, Hashable {
    /// Who reads a column.
    public enum Audience: Sendable, Hashable {
        /// Shown everywhere.
        case everyone
        /// Only in machine formats (CSV).
        case machines
        /// Only in formats for people (terminal, XLSX, HTML).
        case people
    }

    /// The stable English key (snake_case): the CSV header.
    public var key: String
    /// The header people read.
    public var header: String
    /// Where the column appears.
    public var audience: Audience

    public init(_ key: String, _ header: String, for audience: Audience = .everyone) {
        self.key = key
        self.header = header
        self.audience = audience
    }
}
