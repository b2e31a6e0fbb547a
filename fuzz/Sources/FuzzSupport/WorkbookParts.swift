@testable import Interchange
@testable import Spreadsheet

/// A workbook whose XML parts come from the fuzz input: the parts are separated by NUL
/// bytes (which XML never contains) in the order worksheet, shared strings, workbook,
/// workbook relationships; a part the input lacks is a valid default. The package around
/// them (content types, package relationships) is always valid, so every mutation is one of
/// the XML the reader parses.
public struct WorkbookParts {
    /// The parts in input order.
    public static let paths = [
        "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
    ]

    /// The defaults: one sheet with one shared string, as the project's writer lays it out.
    public static let defaults: [[UInt8]] = [
        Array(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#.utf8),
        Array(#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>year</t></si></sst>"#.utf8),
        PackageParts.workbook([PackageParts.Sheet(name: "Sheet1", hidden: false, filterRange: nil)]),
        PackageParts.workbookRelationships(sheetCount: 1),
    ]

    /// The parts, defaults filled in.
    public let parts: [[UInt8]]

    /// The parts of `input` (see the type's description).
    public init(_ input: [UInt8]) {
        var parts = input.split(separator: 0, maxSplits: Self.paths.count - 1, omittingEmptySubsequences: false).map(Array.init)
        parts += Self.defaults[parts.count...]
        self.parts = parts
    }

    /// The fuzz input these parts come from: the inverse of ``init(_:)``, for the seeds.
    public var input: [UInt8] {
        Array(parts.joined(separator: [0]))
    }

    /// The workbook: the parts with a valid package around them, zipped by the project's
    /// own writer code.
    public func workbook() -> [UInt8] {
        let package: [(path: String, bytes: [UInt8])] = [
            ("[Content_Types].xml", PackageParts.contentTypes(sheetCount: 1)),
            ("_rels/.rels", PackageParts.packageRelationships),
        ]
        // Zipping parts in memory cannot fail; if it ever does, the reader gets no bytes.
        return (try? XLSXWriter.zip(package + zip(Self.paths, parts).map { ($0, $1) })) ?? []
    }
}
