/// A sheet to write: its cells and how it is laid out, viewed and printed.
public struct XLSXSheetContent: Sendable {
    /// The tab name: 1–31 characters, none of `[ ] : * ? / \`, unique in the workbook
    /// (case-insensitively); checked by ``XLSXWriter/bytes()``.
    public var name: String
    /// Row `i` is sheet row `i + 1`; cell `j` of a row is column `j` (A = 0).
    public var rows: [[XLSXOutputCell]] = []
    /// Width in characters of 0-based columns; others keep Excel's default.
    public var columnWidths: [Int: Double] = [:]
    /// Rows kept in view when scrolling (e.g. 1 for a header row).
    public var frozenRows: Int = 0
    /// Columns kept in view when scrolling.
    public var frozenColumns: Int = 0
    /// 1-based row numbers to hide.
    public var hiddenRows: Set<Int> = []
    /// Whether the whole sheet is hidden (at least one sheet must stay visible).
    public var hidden: Bool = false
    /// Whether to put a filter on the first row over the used columns.
    public var autoFilter: Bool = false
    /// Data-validation rules.
    public var validations: [XLSXValidation] = []
    /// Merged ranges, e.g. "A1:F1".
    public var merges: [String] = []
    /// Whether printing scales the sheet to one page wide (as many pages tall as needed).
    public var fitToWidth: Bool = false
    /// Whether to print in landscape orientation.
    public var landscape: Bool = false

    /// An empty sheet named `name`.
    public init(name: String) {
        self.name = name
    }
}
