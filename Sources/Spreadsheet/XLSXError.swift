/// A workbook that cannot be read, or a workbook description that cannot be written. The
/// message names the file and, where it applies, the package part (e.g.
/// `xl/worksheets/sheet1.xml`), the line in it and the sheet.
public struct XLSXError: Error, Sendable, CustomStringConvertible {
    /// What went wrong. Interchange words it for people (zh/en); tests match it.
    public enum Kind: Sendable, Equatable {
        // Reading: the package.
        case notZip
        case unreadablePart(detail: String)
        case partTooLarge(size: UInt64, limit: Int)
        case inflatesBeyondDeclaredSize
        case missingPart
        case noSheets
        case sheetNotFound(name: String, available: [String])
        case notWorksheet
        // Reading: the XML and the cells.
        case scan(ScanProblem, line: Int)
        // Writing.
        case nothingToWrite
        case allSheetsHidden
        case badSheetName(String)
        case duplicateSheetName(String)
        case badRange(String)
        case listTooLong(range: String, length: Int)
        case listOptionWithComma(String)
        case badColor(String)
        case validationTextTooLong(range: String, limit: Int)
        case tooManyRows(Int)
        case tooManyColumns(Int)
        case writeFailed(detail: String)
    }

    /// What went wrong.
    public let kind: Kind
    /// The workbook's file name as given by the caller (empty when writing).
    public let file: String
    /// The package part, e.g. `xl/workbook.xml`.
    public let part: String?
    /// The sheet being read or written.
    public let sheet: String?
    /// The 1-based row and 0-based column of the cell being read when the problem was found.
    public let row: Int?
    public let column: Int?

    init(_ kind: Kind, file: String, part: String? = nil, sheet: String? = nil, row: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.file = file
        self.part = part
        self.sheet = sheet
        self.row = row
        self.column = column
    }

    /// The problem in technical English, for logs; people read ``message(in:)`` (Interchange).
    public var description: String {
        [file.isEmpty ? nil : file, part, sheet, row.map { "row \($0)" }, column.map { "column \($0)" }]
            .compactMap { $0 }.joined(separator: ": ") + ": \(kind)"
    }
}

extension XLSXError.Kind {
    /// The line in the part, for XML and cell problems.
    public var line: Int? {
        switch self {
        case let .scan(_, line): line
        default: nil
        }
    }
}
