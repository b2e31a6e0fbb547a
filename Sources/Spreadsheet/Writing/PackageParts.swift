import Foundation

/// The small fixed parts of a workbook package: content types, relationships, document
/// properties and the workbook part with its sheet list.
enum PackageParts {
    /// A sheet as the workbook part lists it.
    struct Sheet {
        let name: String
        let hidden: Bool
        /// The used range, for the filter's defined name.
        let filterRange: String?
    }

    static func contentTypes(sheetCount: Int) -> [UInt8] {
        var xml = XMLBytes()
        xml.raw(#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#)
        xml.raw(#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#)
        xml.raw(#"<Default Extension="xml" ContentType="application/xml"/>"#)
        xml.raw(#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#)
        for index in 1...sheetCount {
            xml.raw(#"<Override PartName="/xl/worksheets/sheet\#(index).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#)
        }
        xml.raw(#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#)
        xml.raw(#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#)
        xml.raw(#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#)
        xml.raw(#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#)
        xml.raw("</Types>")
        return xml.bytes
    }

    static let packageRelationships: [UInt8] = {
        var xml = XMLBytes()
        xml.raw(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#)
        xml.raw(#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#)
        xml.raw(#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#)
        xml.raw(#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#)
        xml.raw("</Relationships>")
        return xml.bytes
    }()

    static let core: [UInt8] = {
        var xml = XMLBytes()
        xml.raw(#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#)
        xml.raw(#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#)
        xml.raw(#"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Junheng</dc:creator></cp:coreProperties>"#)
        return xml.bytes
    }()

    static let app: [UInt8] = {
        var xml = XMLBytes()
        xml.raw(#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#)
        xml.raw("<Application>Junheng</Application></Properties>")
        return xml.bytes
    }()

    static func workbookRelationships(sheetCount: Int) -> [UInt8] {
        var xml = XMLBytes()
        xml.raw(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#)
        for index in 1...sheetCount {
            xml.raw(#"<Relationship Id="rId\#(index)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(index).xml"/>"#)
        }
        xml.raw(#"<Relationship Id="rId\#(sheetCount + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#)
        xml.raw(#"<Relationship Id="rId\#(sheetCount + 2)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#)
        xml.raw("</Relationships>")
        return xml.bytes
    }

    /// `xl/workbook.xml`; the first visible sheet is the active tab.
    static func workbook(_ sheets: [Sheet]) -> [UInt8] {
        var xml = XMLBytes()
        xml.raw(#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#)
        xml.raw(#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
        xml.raw("<bookViews><workbookView")
        xml.attribute("activeTab", sheets.firstIndex { !$0.hidden } ?? 0)
        xml.raw("/></bookViews><sheets>")
        for (index, sheet) in sheets.enumerated() {
            xml.raw("<sheet")
            xml.attribute("name", sheet.name)
            xml.attribute("sheetId", index + 1)
            if sheet.hidden { xml.raw(#" state="hidden""#) }
            xml.raw(#" r:id="rId\#(index + 1)"/>"#)
        }
        xml.raw("</sheets>")
        let filtered = sheets.enumerated().filter { $0.element.filterRange != nil }
        if !filtered.isEmpty {
            xml.raw("<definedNames>")
            for (index, sheet) in filtered {
                xml.raw(#"<definedName name="_xlnm._FilterDatabase""#)
                xml.attribute("localSheetId", index)
                xml.raw(#" hidden="1">"#)
                xml.spreadsheetText("'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'!" + absolute(sheet.filterRange!))
                xml.raw("</definedName>")
            }
            xml.raw("</definedNames>")
        }
        xml.raw("</workbook>")
        return xml.bytes
    }

    /// "A1:F100" → "$A$1:$F$100".
    private static func absolute(_ range: String) -> String {
        range.split(separator: ":").map { corner in
            let letters = corner.prefix { $0.isLetter }
            return "$\(letters)$\(corner.dropFirst(letters.count))"
        }.joined(separator: ":")
    }
}
