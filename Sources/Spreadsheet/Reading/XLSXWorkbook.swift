/// An XLSX workbook opened for reading: the package is checked and the sheet list and shared
/// strings are read at once; a sheet's cells are read when asked for.
///
/// Only values are read (no styles, no formulas where a value was cached, no dates: a date is
/// a number whose format makes it one). Every malformation is an ``XLSXError``, never a
/// crash: tags must match, references must exist, and no size claimed by the file (a
/// `<dimension>`, a shared-string count, a ZIP entry size) is used to allocate memory.
public struct XLSXWorkbook: Sendable {
    private let bytes: [UInt8]
    private let file: String
    private let sheets: [SheetEntry]
    private let sharedStrings: [String]
    private let limits: XLSXLimits
    /// What the parts read on opening inflated to; a sheet may take the rest of the total.
    private let inflated: Int

    /// Opens a workbook from its bytes; `file` is the name used in messages. Whatever the
    /// file claims, reading it holds no more than `limits` allow.
    public init(bytes: [UInt8], file: String, limits: XLSXLimits = .standard) throws(XLSXError) {
        var package = try XLSXPackage(bytes: bytes, file: file, limits: limits)
        // The workbook part is wherever the package relationships say; xl/workbook.xml is
        // what every producer uses, and the fallback when _rels/.rels is missing.
        var workbookPart = "xl/workbook.xml"
        if package.contains("_rels/.rels") {
            let relationships = try Relationships.read(try package.part("_rels/.rels"), source: "", file: file, part: "_rels/.rels")
            if let document = relationships.first(where: { $0.isKind("officeDocument") }), package.contains(document.target) {
                workbookPart = document.target
            }
        }
        let listed = try WorkbookPart.sheets(try package.part(workbookPart), file: file, part: workbookPart)
        guard !listed.isEmpty else { throw XLSXError(.noSheets, file: file, part: workbookPart) }

        let relationshipsPart = PartPath.relationships(of: workbookPart)
        var relationships: [Relationship] = []
        if package.contains(relationshipsPart) {
            relationships = try Relationships.read(
                try package.part(relationshipsPart), source: workbookPart, file: file, part: relationshipsPart)
        }
        var byID: [String: Relationship] = [:]
        for relationship in relationships where byID[relationship.id] == nil { byID[relationship.id] = relationship }
        sheets = listed.map { sheet in
            let relationship = byID[sheet.id]
            return SheetEntry(
                name: sheet.name, part: relationship?.target,
                isWorksheet: relationship.map { $0.isKind("worksheet") } ?? false)
        }

        let stringsPart = relationships.first { $0.isKind("sharedStrings") }?.target ?? "xl/sharedStrings.xml"
        sharedStrings = package.contains(stringsPart)
            ? try SharedStrings.read(try package.part(stringsPart), limits: limits, file: file, part: stringsPart)
            : []
        self.limits = limits
        inflated = package.inflated
        self.bytes = bytes
        self.file = file
    }

    /// Sheet names in workbook order (visible and hidden).
    public var sheetNames: [String] { sheets.map(\.name) }

    /// The named sheet, or the first one when `name` is nil.
    public func sheet(named name: String?) throws(XLSXError) -> XLSXSheet {
        let entry: SheetEntry
        if let name {
            guard let found = sheets.first(where: { $0.name == name }) else {
                throw XLSXError(.sheetNotFound(name: name, available: sheetNames), file: file)
            }
            entry = found
        } else {
            entry = sheets[0]
        }
        guard entry.isWorksheet, let part = entry.part else { throw XLSXError(.notWorksheet, file: file, sheet: entry.name) }
        // The archive is opened again rather than kept: ZIPFoundation's Archive is a class
        // without Sendable conformance, and reopening from memory costs microseconds.
        var package = try XLSXPackage(bytes: bytes, file: file, limits: limits, inflated: inflated)
        guard package.contains(part) else { throw XLSXError(.missingPart, file: file, part: part, sheet: entry.name) }
        let rows = try WorksheetReader.read(
            try package.part(part), sharedStrings: sharedStrings, limits: limits, file: file, part: part, sheet: entry.name)
        return XLSXSheet(name: entry.name, rows: rows)
    }
}
