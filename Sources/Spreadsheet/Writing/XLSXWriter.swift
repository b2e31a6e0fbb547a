import Foundation
import ZIPFoundation

/// Builds an XLSX workbook in memory: add sheets, then take the bytes. Strings become shared
/// strings, styles a style table of the distinct ``XLSXStyle`` values used; parts are
/// deflate-compressed. The result opens in Excel, LibreOffice and openpyxl.
public struct XLSXWriter: Sendable {
    private var sheets: [XLSXSheetContent] = []

    /// An empty workbook.
    public init() {}

    /// Appends a sheet; its tab comes after those added before.
    public mutating func add(_ sheet: XLSXSheetContent) {
        sheets.append(sheet)
    }

    /// The workbook file. Fails on what Excel would refuse: no sheets, no visible sheet,
    /// invalid or repeated sheet names, bad ranges, drop-down lists over 255 characters,
    /// colours that are not RGB hex, more rows or columns than the format has.
    public func bytes() throws(XLSXError) -> [UInt8] {
        guard !sheets.isEmpty else { throw XLSXError(.nothingToWrite, file: "") }
        guard sheets.contains(where: { !$0.hidden }) else { throw XLSXError(.allSheetsHidden, file: "") }
        var seen: Set<String> = []
        for sheet in sheets {
            guard Self.isValidName(sheet.name) else { throw XLSXError(.badSheetName(sheet.name), file: "") }
            guard seen.insert(sheet.name.lowercased()).inserted else { throw XLSXError(.duplicateSheetName(sheet.name), file: "") }
        }

        var strings = SharedStringTable()
        var styles = StyleTable()
        var parts: [(path: String, bytes: [UInt8])] = []
        var listed: [PackageParts.Sheet] = []
        let selected = sheets.firstIndex { !$0.hidden }
        for (index, sheet) in sheets.enumerated() {
            let (xml, used) = try WorksheetWriter(sheet: sheet, selected: index == selected).xml(strings: &strings, styles: &styles)
            parts.append(("xl/worksheets/sheet\(index + 1).xml", xml))
            listed.append(PackageParts.Sheet(name: sheet.name, hidden: sheet.hidden, filterRange: sheet.autoFilter ? used : nil))
        }
        parts = [
            ("[Content_Types].xml", PackageParts.contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", PackageParts.packageRelationships),
            ("docProps/app.xml", PackageParts.app),
            ("docProps/core.xml", PackageParts.core),
            ("xl/workbook.xml", PackageParts.workbook(listed)),
            ("xl/_rels/workbook.xml.rels", PackageParts.workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", styles.xml),
            ("xl/sharedStrings.xml", strings.xml),
        ] + parts
        return try Self.zip(parts)
    }

    /// Whether Excel accepts `name` as a tab name.
    static func isValidName(_ name: String) -> Bool {
        let length = name.utf16.count
        return length >= 1 && length <= 31 && !name.hasPrefix("'") && !name.hasSuffix("'")
            && !name.contains { "[]:*?/\\".contains($0) }
            && name.unicodeScalars.allSatisfy { XMLText.isXMLCharacter($0.value) && $0.value >= 0x20 }
    }

    /// The ZIP archive of `parts`, deflated, with a fixed timestamp so that the same workbook
    /// always gives the same bytes.
    static func zip(_ parts: [(path: String, bytes: [UInt8])]) throws(XLSXError) -> [UInt8] {
        let date = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01
        do {
            let archive = try Archive(accessMode: .create)
            for part in parts {
                let data = Data(part.bytes)
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                    compressionMethod: .deflate, bufferSize: 256 * 1024
                ) { position, size in
                    data.subdata(in: Int(position)..<(Int(position) + size))
                }
            }
            guard let data = archive.data else { throw XLSXError(.writeFailed(detail: "no archive data"), file: "") }
            return [UInt8](data)
        } catch let error as XLSXError {
            throw error
        } catch {
            throw XLSXError(.writeFailed(detail: "\(error)"), file: "")
        }
    }
}
