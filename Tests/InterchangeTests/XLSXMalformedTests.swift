@testable import Interchange
@testable import Spreadsheet
import Testing

/// Broken workbooks give a clear ``XLSXError``: never a crash, a hang or a huge allocation.
@Suite struct XLSXMalformedTests {
    private typealias Support = XLSXTestSupport

    @Test func notAZip() {
        #expect(Support.readError(Array("name,count\nA,1\n".utf8))?.kind == .notZip)
        #expect(Support.readError([])?.kind == .notZip)
    }

    @Test func truncatedZip() throws {
        let bytes = try Support.fixture("openpyxl.xlsx")
        for length in [10, bytes.count / 2, bytes.count - 30] {
            let error = try #require(Support.readError(Array(bytes.prefix(length))))
            #expect(error.kind == .notZip)
        }
    }

    @Test func corruptEntryData() throws {
        var bytes = try Support.package(sheetData: #"<row r="1"><c r="A1"><v>1</v></c></row>"#)
        // Flip bytes of the worksheet's compressed data, just after its name in the local header.
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        let start = try #require((0..<(bytes.count - name.count)).first { Array(bytes[$0..<($0 + name.count)]) == name })
        for index in (start + name.count + 2)..<(start + name.count + 12) { bytes[index] ^= 0x5A }
        let error = try #require(Support.readError(bytes))
        guard case .unreadablePart = error.kind else { Issue.record("\(error.kind)"); return }
    }

    @Test func zipWithoutWorkbook() throws {
        let bytes = try Support.package(sheetData: "", replacing: ["xl/workbook.xml": nil, "_rels/.rels": nil])
        let error = try #require(Support.readError(bytes))
        #expect(error.kind == .missingPart)
        #expect(error.message(in: .english) == "t.xlsx: xl/workbook.xml: this part is missing from the archive; not a complete XLSX workbook")
    }

    @Test func workbookFoundThroughPackageRelationships() throws {
        let rels = #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/book/main.xml"/></Relationships>"#
        let workbookRels = #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="../sheets/one.xml"/></Relationships>"#
        let bytes = try Support.package(sheetData: "", replacing: [
            "_rels/.rels": rels, "xl/workbook.xml": nil, "xl/_rels/workbook.xml.rels": nil,
            "book/main.xml": #"<x:workbook xmlns:x="s" xmlns:r="r"><x:sheets><x:sheet name="Main" sheetId="1" r:id="r7"/></x:sheets></x:workbook>"#,
            "book/_rels/main.xml.rels": workbookRels,
            "sheets/one.xml": #"<x:worksheet xmlns:x="s"><x:sheetData><x:row><x:c><x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>"#,
        ])
        let workbook = try XLSXWorkbook(bytes: bytes, file: "t.xlsx")
        #expect(workbook.sheetNames == ["Main"])
        #expect(try workbook.sheet(named: nil).rows == [XLSXRow(number: 1, cells: [XLSXCell(row: 1, column: 0, value: .number("5"))])])
    }

    @Test func workbookWithoutSheets() throws {
        let bytes = try Support.package(sheetData: "", replacing: ["xl/workbook.xml": "<workbook \(Support.main)><sheets/></workbook>"])
        #expect(Support.readError(bytes)?.kind == .noSheets)
    }

    @Test func sheetPartMissing() throws {
        let bytes = try Support.package(sheetData: "", replacing: ["xl/worksheets/sheet1.xml": nil])
        let error = try #require(Support.readError(bytes))
        #expect(error.kind == .missingPart)
        #expect(error.part == "xl/worksheets/sheet1.xml")
        #expect(error.sheet == "S")
    }

    @Test func unknownSheetNameListsTheSheets() throws {
        let workbook = try XLSXWorkbook(bytes: Support.fixture("openpyxl.xlsx"), file: "f.xlsx")
        #expect(throws: XLSXError.self) { try workbook.sheet(named: "Schools") }
        do { _ = try workbook.sheet(named: "Schools") } catch {
            #expect(error.kind == .sheetNotFound(name: "Schools", available: ["学校", "Second", "隐藏"]))
        }
    }

    @Test(arguments: [
        (#"<row r="1"><c r="A1"><v>1</v></row>"#, XMLProblem.mismatchedEndTag(expected: "c", found: "row")),
        (#"<row r="1"><c r="A1"><v>1</v></c"#, XMLProblem.unterminatedTag),
        (#"<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>"#, XMLProblem.badReference("&nbsp;")),
        (#"<row r="1"><c r="A1" t="str"><v>&#0;</v></c></row>"#, XMLProblem.badReference("&#0;")),
        (#"<row r="1"><c r="A1" t="str"><v>& x</v></c></row>"#, XMLProblem.badReference("& x")),
        (#"<row r="1"><c r=A1><v>1</v></c></row>"#, XMLProblem.badAttribute),
        (#"<row r="1"><!-- never closed </row>"#, XMLProblem.unterminatedComment),
    ])
    func brokenXML(sheetData: String, problem: XMLProblem) throws {
        let error = try #require(Support.readError(try Support.package(sheetData: sheetData)))
        #expect(error.kind == .scan(.xml(problem), line: 1))
        #expect(error.part == "xl/worksheets/sheet1.xml")
    }

    @Test func doctypeRefused() throws {
        let sheet = #"<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">]><worksheet/>"#
        let bytes = try Support.package(sheetData: "", replacing: ["xl/worksheets/sheet1.xml": sheet])
        #expect(Support.readError(bytes)?.kind == .scan(.xml(.doctype), line: 1))
    }

    @Test func hugeDimensionIsIgnored() throws {
        let sheet = "<worksheet \(Support.main)><dimension ref=\"A1:XFD1048576\"/><sheetData><row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row></sheetData></worksheet>"
        let bytes = try Support.package(sheetData: "", replacing: ["xl/worksheets/sheet1.xml": sheet])
        let rows = try XLSXWorkbook(bytes: bytes, file: "t.xlsx").sheet(named: nil).rows
        #expect(rows == [XLSXRow(number: 1_048_576, cells: [XLSXCell(row: 1_048_576, column: 16383, value: .number("1"))])])
    }

    @Test func sharedStringIndexOutOfRange() throws {
        let bytes = try Support.package(sheetData: #"<row r="2"><c r="B2" t="s"><v>2</v></c></row>"#, strings: ["a", "b"])
        #expect(Support.readError(bytes)?.kind == .scan(.badSharedStringIndex(reference: "B2", index: "2", count: 2), line: 1))
        let negative = try Support.package(sheetData: #"<row r="2"><c r="B2" t="s"><v>-1</v></c></row>"#, strings: ["a"])
        #expect(Support.readError(negative)?.kind == .scan(.badSharedStringIndex(reference: "B2", index: "-1", count: 1), line: 1))
    }

    @Test func cellProblems() throws {
        func kind(_ data: String) throws -> XLSXError.Kind? { Support.readError(try Support.package(sheetData: data))?.kind }
        #expect(try kind(#"<row r="2"/><row r="1"><c><v>1</v></c></row>"#) == .scan(.rowOutOfOrder(1), line: 1))
        #expect(try kind(#"<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>1</v></c></row>"#) == .scan(.cellOutOfOrder("A1"), line: 1))
        #expect(try kind(#"<row r="1"><c r="XFE1"><v>1</v></c></row>"#) == .scan(.badCellReference("XFE1"), line: 1))
        #expect(try kind(#"<row r="1048577"><c><v>1</v></c></row>"#) == .scan(.badCellReference("1048577"), line: 1))
        #expect(try kind(#"<row r="1"><c t="b"><v>2</v></c></row>"#) == .scan(.badBoolean("2"), line: 1))
    }

    @Test func absurdDeclaredSize() throws {
        var bytes = try Support.package(sheetData: "")
        // Patch the uncompressed size of every central-directory entry to 0xFFFFFFF0 (4 GiB).
        var index = 0
        while index + 46 <= bytes.count {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x01, bytes[index + 3] == 0x02 {
                bytes.replaceSubrange((index + 24)..<(index + 28), with: [0xF0, 0xFF, 0xFF, 0xFF])
            }
            index += 1
        }
        let error = try #require(Support.readError(bytes))
        #expect(error.kind == .partTooLarge(size: 0xFFFF_FFF0, limit: XLSXLimits.standard.ratioFreeBytes))
    }

    @Test func otherPartsBroken() throws {
        let badStrings = try Support.package(sheetData: "", replacing: ["xl/sharedStrings.xml": "<sst><si><t>a</si></sst>"])
        #expect(Support.readError(badStrings)?.kind == .scan(.xml(.mismatchedEndTag(expected: "t", found: "si")), line: 1))
        let empty = try Support.package(sheetData: "", replacing: ["xl/workbook.xml": ""])
        #expect(Support.readError(empty)?.kind == .scan(.xml(.noRootElement), line: 1))
        let twoRoots = try Support.package(sheetData: "", replacing: ["xl/workbook.xml": "<a/><b/>"])
        #expect(Support.readError(twoRoots)?.kind == .scan(.xml(.multipleRoots), line: 1))
    }
}
