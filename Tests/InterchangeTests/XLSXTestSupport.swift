import Foundation
@testable import Interchange
@testable import Spreadsheet
import Testing

/// Builders shared by the XLSX tests: hand-made packages for the malformed cases and the
/// fixture files.
enum XLSXTestSupport {
    /// The bytes of `Fixtures/xlsx/<name>`.
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/xlsx"))
        return try [UInt8](Data(contentsOf: url))
    }

    static let main = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#

    /// A workbook of one sheet "S" whose worksheet part is `sheetData` wrapped in a worksheet,
    /// with `strings` as shared strings.
    static func package(sheetData: String, strings: [String] = [], replacing: [String: String?] = [:]) throws -> [UInt8] {
        let sst = "<sst \(main)>" + strings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>"
        var parts: [String: [UInt8]] = [
            "[Content_Types].xml": PackageParts.contentTypes(sheetCount: 1),
            "_rels/.rels": PackageParts.packageRelationships,
            "xl/workbook.xml": PackageParts.workbook([.init(name: "S", hidden: false, filterRange: nil)]),
            "xl/_rels/workbook.xml.rels": PackageParts.workbookRelationships(sheetCount: 1),
            "xl/sharedStrings.xml": Array(sst.utf8),
            "xl/worksheets/sheet1.xml": Array("<worksheet \(main)><sheetData>\(sheetData)</sheetData></worksheet>".utf8),
        ]
        for (path, text) in replacing { parts[path] = text.map { Array($0.utf8) } }
        return try XLSXWriter.zip(parts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// The kind of error reading the first sheet of `bytes` gives, nil when it reads.
    static func readError(_ bytes: [UInt8]) -> XLSXError? {
        do {
            _ = try XLSXWorkbook(bytes: bytes, file: "t.xlsx").sheet(named: nil)
            return nil
        } catch {
            return error
        }
    }

    /// The values of a sheet by reference, e.g. ["A1": .text("名称")].
    static func values(_ sheet: XLSXSheet) -> [String: XLSXValue] {
        var values: [String: XLSXValue] = [:]
        for row in sheet.rows {
            for cell in row.cells { values[cell.reference] = cell.value }
        }
        return values
    }
}
