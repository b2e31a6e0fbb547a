import Domain
import Foundation
@testable import Interchange
import Reports
@testable import Spreadsheet
import Testing

/// Issue 13: hostile files are refused with their place, never a crash, a memory or CPU bomb,
/// a forged message or a formula that runs in a spreadsheet. Each test failed before its fix.
@Suite struct HostileInputTests {
    private typealias Support = XLSXTestSupport

    // MARK: (1) crash

    /// A 20-digit shared-string index once stopped the process with an arithmetic overflow.
    @Test(arguments: ["99999999999999999999", "9223372036854775808", "00000000000000000000001", String(repeating: "9", count: 5000)])
    func hugeSharedStringIndexIsRefused(index: String) throws {
        let bytes = try Support.package(sheetData: #"<row r="2"><c r="B2" t="s"><v>\#(index)</v></c></row>"#, strings: ["a"])
        let error = try #require(Support.readError(bytes))
        guard case let .scan(.badSharedStringIndex(reference, shown, count), _) = error.kind else { Issue.record("\(error.kind)"); return }
        #expect(reference == "B2" && count == 1)
        // The engine keeps a bounded prefix; the message shows an excerpt of it.
        #expect(shown.utf8.count <= 1024)
        let message = error.message(in: .english)
        #expect(message.count <= 200 && message.contains(MessageText.excerpt(index)))
        #expect(error.rowError(in: .english).description.hasPrefix("t.xlsx:S:2:B: "))
    }

    // MARK: (2) memory bombs

    /// A part that inflates far beyond its compressed size is refused while it is inflated.
    @Test(arguments: ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"])
    func inflationBeyondTheRatioIsRefused(part: String) throws {
        let filler = part.hasSuffix("sharedStrings.xml")
            ? "<sst \(Support.main)>" + String(repeating: "<si/>", count: 400_000) + "</sst>"
            : "<worksheet \(Support.main)><sheetData>" + String(repeating: " ", count: 2_000_000) + "</sheetData></worksheet>"
        let bytes = try Support.package(sheetData: "", replacing: [part: filler])
        let error = try #require(Support.readError(bytes))
        guard case .partTooLarge = error.kind else { Issue.record("\(error.kind)"); return }
        #expect(error.part == part)
    }

    @Test func workbookTotalIsBounded() throws {
        let limits = XLSXLimits(partBytes: 1 << 20, totalBytes: 1_500, inflationRatio: 1000, ratioFreeBytes: 1 << 20,
                                cells: 100, sharedStrings: 100, textLength: 100)
        let bytes = try Support.package(sheetData: String(repeating: #"<row><c><v>1</v></c></row>"#, count: 60))
        #expect(throws: XLSXError.self) { try XLSXWorkbook(bytes: bytes, file: "t.xlsx", limits: limits).sheet(named: nil) }
    }

    @Test func cellsSharedStringsAndTextAreBounded() throws {
        let limits = XLSXLimits(partBytes: 1 << 20, totalBytes: 1 << 22, inflationRatio: 1000, ratioFreeBytes: 1 << 20,
                                cells: 10, sharedStrings: 3, textLength: 5)
        func kind(_ bytes: [UInt8]) -> XLSXError.Kind? {
            do { _ = try XLSXWorkbook(bytes: bytes, file: "t.xlsx", limits: limits).sheet(named: nil); return nil } catch { return error.kind }
        }
        let cells = try Support.package(sheetData: String(repeating: #"<row><c><v>1</v></c></row>"#, count: 11))
        #expect(kind(cells) == .scan(.tooManyCells(limit: 10), line: 1))
        let strings = try Support.package(sheetData: "", strings: ["a", "b", "c", "d"])
        #expect(kind(strings) == .scan(.tooManySharedStrings(limit: 3), line: 1))
        let long = try Support.package(sheetData: #"<row r="3"><c r="C3" t="inlineStr"><is><t>123456</t></is></c></row>"#)
        #expect(kind(long) == .scan(.textTooLong(limit: 5), line: 1))
        let longValue = try Support.package(sheetData: #"<row r="3"><c r="C3" t="str"><v>123456</v></c></row>"#)
        #expect(kind(longValue) == .scan(.textTooLong(limit: 5), line: 1))
        let longShared = try Support.package(sheetData: "", strings: ["123456"])
        #expect(kind(longShared) == .scan(.textTooLong(limit: 5), line: 1))
        let fits = try Support.package(sheetData: #"<row><c t="inlineStr"><is><t>12345</t></is></c></row>"#)
        #expect(kind(fits) == nil)
    }

    @Test func excelsTextLimitIsTheDefault() throws {
        let text = String(repeating: "长", count: 32_768)
        let bytes = try Support.package(sheetData: #"<row r="1"><c r="A1" t="inlineStr"><is><t>\#(text)</t></is></c></row>"#)
        #expect(Support.readError(bytes)?.kind == .scan(.textTooLong(limit: 32_767), line: 1))
    }

    // MARK: (3) CPU bomb

    /// An unknown item of a megabyte once took 11–18 s of CPU in the edit distance.
    @Test func hugeUnknownItemGetsNoSuggestion() throws {
        let item = String(repeating: "政", count: 1 << 20)
        let csv = Array("year,county_code,item,value\n2025,110101,\(item),1\n".utf8)
        let reader = FactsReader(standard: try Standard.builtIn("quality-2017"), language: .english)
        let started = ContinuousClock.now
        let message = Self.firstError { try reader.read(csv, file: "f.csv") }
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(message.hasPrefix("f.csv:2:item: too long (at most 2000 characters)"))
        // An item that is a typo still gets its suggestion.
        let typo = Array("year,county_code,item,value\n2025,110101,\(reader.standard.facts[0].key)x,1\n".utf8)
        #expect(Self.firstError { try reader.read(typo, file: "f.csv") }.contains("did you mean"))
    }

    /// The first problem of a refused file, `FILE:ROW:COLUMN: message`; empty when it reads.
    static func firstError(_ read: () throws -> some Any) -> String {
        do {
            _ = try read()
            return ""
        } catch let error as DataFileError {
            return error.errors.first?.description ?? ""
        } catch {
            return "\(error)"
        }
    }

    // MARK: (5) non-finite numbers

    @Test func absurdAreasAreRefusedWithTheirPlace() {
        let errors = CSVFixtures.schoolErrors(CSVFixtures.schools([["teaching_area": "1e308"], ["school_code": "S2", "equipment_value": "1000000000001"]]))
        #expect(errors == ["t.csv:2:teaching_area: too large (at most 1000000000000)",
                           "t.csv:3:equipment_value: too large (at most 1000000000000)"])
    }

    @Test func nonFiniteNumbersNeverReachJSONOrText() {
        let document = JSONValue.object([("a", .number(Double.infinity)), ("b", .number(-Double.infinity)), ("c", .number(Double.nan))])
        #expect(!document.serialized().contains("inf") && !document.serialized().contains("nan"))
        #expect((try? JSONSerialization.jsonObject(with: Data(document.serialized().utf8))) != nil)
        #expect(Decimals.three(.infinity) == Decimals.notComputable && Decimals.compact(.nan) == Decimals.notComputable)
        #expect(DecimalNumber.text(.infinity).isEmpty)
    }

    // MARK: (6) formula injection

    @Test(arguments: [
        ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"), ("@SUM(1,1)", "'@SUM(1,1)"),
        ("+1+1", "'+1+1"), ("-2+3", "'-2+3"), ("\tx", "'\tx"), ("\r=1", "'\r=1"),
        ("-3", "-3"), ("+1.5", "+1.5"), ("一小", "一小"), ("a=b", "a=b"), ("", ""),
    ])
    func formulaLikeTextIsNeutralised(text: String, written: String) {
        #expect(FormulaNeutralising.neutralised(text) == written)
        #expect(FormulaNeutralising.restored(written) == text)
    }

    @Test func writtenFilesNeutraliseAndReadBack() throws {
        var row = SchoolsReaderTests.fixtureSchools[0]
        row.schoolName = "=HYPERLINK(\"http://evil\",\"点击\")"
        row.countyName = "@SUM(1,1)"
        let csv = try SchoolsWriter(headers: .english).write([row])
        let text = String(decoding: csv, as: UTF8.self)
        #expect(text.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"点击\"\")\"") && text.contains("'@SUM(1,1)"))
        #expect(try SchoolsReader().read(csv, file: "s.csv").schools == [row])
        var sheet = XLSXSheetContent(name: "S")
        sheet.rows = [[XLSXOutputCell(.text(row.schoolName))]]
        var writer = XLSXWriter()
        writer.add(sheet)
        let workbook = try writer.bytes()
        let cell = try XLSXWorkbook(bytes: workbook, file: "w.xlsx").sheet(named: nil).rows[0].cells[0]
        #expect(cell.value == .text("'" + row.schoolName))
    }

    // MARK: (7) terminal injection

    @Test func messagesEscapeControlCharacters() {
        let hostile = "\u{1B}[2J\u{1B}[H学校\r\nt.csv:9:学校名称: forged"
        let errors = CSVFixtures.schoolErrors(CSVFixtures.schools([["school_type": "\"\(hostile)\""]]))
        let message = errors.first
        #expect(errors.count == 1)
        #expect(message?.contains("\u{1B}") == false && message?.contains("\r") == false && message?.contains("\n") == false)
        #expect(message?.contains("\\u{1B}[2J") == true && message?.contains("\\r\\n") == true)
        #expect(MessageText.escaped("a\u{202E}b\u{7F}c\u{85}") == "a\\u{202E}b\\u{7F}c\\u{85}")
        #expect(RowError(file: "f\u{1B}.csv", row: 2, column: "名\n称", message: "x\ry").description == "f\\u{1B}.csv:2:名\\n称: x\\ry")
    }

    // MARK: (9) every message has its place

    @Test(arguments: [
        ("", "t.csv:1:1: empty file: no header row"),
        ("year,county_code\n2025,110101,x,y\n", "t.csv:2:3: more cells than the 2 header columns"),
        ("year,county_code\n2025,\"110101\n", "t.csv:2:county_code: unterminated quoted cell"),
        ("year,county_code\n2025,\"11\"01\n", "t.csv:2:county_code: text after a closing quote (write a quote inside a quoted cell as two quotes)"),
        ("year,,x\n2025,1,2,3\n", "t.csv:2:4: more cells than the 3 header columns"),
    ])
    func syntaxProblemsNameTheirRowAndColumn(csv: String, expected: String) {
        #expect(CSVFixtures.schoolErrors(csv).contains(expected), "\(CSVFixtures.schoolErrors(csv))")
    }

    @Test func undecodableBytesNameTheirRowAndColumn() {
        var bytes = Array("year,county_code,school_code\n2025,110101,".utf8)
        bytes += [0xFF, 0xFE, 0x81]
        bytes += Array("\n".utf8)
        do { _ = try SchoolsReader(language: .english).read(bytes, file: "t.csv"); Issue.record("read") } catch {
            #expect(error.errors.map(\.description) == ["t.csv:2:3: not UTF-8 or GB18030 text (undecodable bytes on this line)"])
        }
    }

    @Test func workbookProblemsNameFileSheetRowAndColumn() throws {
        let broken = try Support.package(sheetData: #"<row r="4"><c r="D4" t="str"><v>&bogus;</v></c></row>"#)
        do { _ = try SchoolsReader(language: .english).read(broken, file: "b.xlsx"); Issue.record("read") } catch {
            #expect(error.errors.map(\.description) == ["b.xlsx:S:4:D: malformed XML: " + XMLProblem.badReference("&bogus;").message(in: .english)])
        }
        do { _ = try SchoolsReader(language: .english).read(Array("PK\u{03}\u{04}junk".utf8), file: "n.xlsx"); Issue.record("read") } catch {
            let line = try #require(error.errors.first?.description)
            #expect(line.hasPrefix("n.xlsx:1:1: ") && !line.dropFirst(12).contains("n.xlsx"))
        }
    }

    @Test func codesAreAtMost64CharactersAndTextAtMost2000() {
        let code = String(repeating: "9", count: 65), name = String(repeating: "校", count: 2001)
        #expect(CSVFixtures.schoolErrors(CSVFixtures.schools([["school_code": code], ["school_code": "S2", "school_name": name]])) == [
            "t.csv:2:school_code: too long (at most 64 characters)",
            "t.csv:3:school_name: too long (at most 2000 characters)",
        ])
        #expect(CSVFixtures.schoolErrors(CSVFixtures.schools([["school_code": String(repeating: "9", count: 64)]])).isEmpty)
    }
}
