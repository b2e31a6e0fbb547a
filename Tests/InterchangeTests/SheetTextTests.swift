import Domain
@testable import Interchange
import Spreadsheet
import Testing

/// Worksheets read through the CSV rules: same values, same row numbers, the sheet named in
/// every message.
struct SheetTextTests {
    static func cell(_ column: Int, _ value: XLSXValue) -> XLSXCell { XLSXCell(row: 1, column: column, value: value) }

    static func text(_ rows: [XLSXRow], keys: Set<String> = []) -> String {
        String(decoding: SheetText(XLSXSheet(name: "S", rows: rows), keys: keys).csv, as: UTF8.self)
    }

    @Test func rowsKeepTheirNumbersAndCellsTheirColumns() {
        let rows = [
            XLSXRow(number: 1, cells: [Self.cell(0, .text("a")), Self.cell(1, .text("b")), Self.cell(3, .text("d"))]),
            XLSXRow(number: 4, cells: [Self.cell(1, .number("3.5700000000000003")), Self.cell(3, .bool(true))]),
        ]
        #expect(Self.text(rows) == "a,b,,d\n\n\n,3.5700000000000003,,true\n")
    }

    @Test func separatorsAndQuotesAreQuoted() {
        let rows = [XLSXRow(number: 1, cells: [Self.cell(0, .text("甲,乙")), Self.cell(1, .text("say \"hi\"")), Self.cell(2, .text("two\nlines"))])]
        #expect(Self.text(rows) == "\"甲,乙\",\"say \"\"hi\"\"\",\"two\nlines\"\n")
    }

    @Test func aTemplateKeyRowIsLeftBlankButOrdinaryRowsAreNot() {
        let keys: Set = ["year", "school_code"]
        let keyRow = [XLSXRow(number: 1, cells: [Self.cell(0, .text("年度"))]), XLSXRow(number: 2, cells: [Self.cell(0, .text("year")), Self.cell(1, .text("school_code"))])]
        #expect(Self.text(keyRow, keys: keys) == "年度\n\n")
        let dataRow = [XLSXRow(number: 1, cells: [Self.cell(0, .text("年度"))]), XLSXRow(number: 2, cells: [Self.cell(0, .number("2025"))])]
        #expect(Self.text(dataRow, keys: keys) == "年度\n2025\n")
    }

    @Test func errorAndUncalculatedCellsAreProblemsWhereverTheyAre() {
        let sheet = XLSXSheet(name: "S", rows: [
            XLSXRow(number: 1, cells: [Self.cell(0, .text("h"))]),
            XLSXRow(number: 2, cells: [Self.cell(0, .error("#DIV/0!")), Self.cell(1, .formulaWithoutValue("SUM(A1:A2)"))]),
        ])
        let text = SheetText(sheet, keys: [])
        #expect(text.problems.map(\.row) == [2, 2])
        #expect(text.problems.map(\.column) == [0, 1])
    }

    /// The same rows as a CSV file and as a workbook give the same schools, and problems
    /// name the sheet: `FILE:SHEET:ROW:COLUMN`.
    @Test func workbookRowsReadLikeTheirCSV() throws {
        let csv = CSVFixtures.schools([[:], ["school_code": "S2", "school_name": "二小"]])
        let workbook = try Self.workbook(csv, sheet: "学校")
        let fromCSV = try SchoolsReader().read(Array(csv.utf8), file: "t.csv").schools
        let fromXLSX = try SchoolsReader().read(workbook, file: "t.xlsx").schools
        #expect(fromXLSX == fromCSV)
        #expect(try SchoolsReader().read(workbook, file: "t.xlsx", sheet: "学校").schools == fromCSV)

        let bad = try Self.workbook(CSVFixtures.schools([["teachers_primary": "-1"]]), sheet: "学校")
        #expect(throws: DataFileError.self) { try SchoolsReader(language: .english).read(bad, file: "t.xlsx") }
        do {
            _ = try SchoolsReader(language: .english).read(bad, file: "t.xlsx")
        } catch {
            #expect(error.errors.map(\.description) == ["t.xlsx:学校:2:teachers_primary: must not be negative"])
        }
    }

    @Test func workbookProblemsAreRefusedWholeOrPerCell() throws {
        let csv = CSVFixtures.schools([[:]])
        let workbook = try Self.workbook(csv, sheet: "学校")
        do {
            _ = try SchoolsReader(language: .english).read(workbook, file: "t.xlsx", sheet: "没有")
            Issue.record("a missing sheet must be refused")
        } catch {
            #expect(error.errors.count == 1)
            #expect(error.errors[0].row == 1)
            #expect(error.errors[0].description.hasPrefix("t.xlsx:1:1: no sheet named"))
        }
        do {
            _ = try SchoolsReader(language: .english).read(Array("year\n2025\n".utf8), file: "named.xlsx")
            Issue.record("a file named .xlsx that is not a workbook must be refused")
        } catch {
            #expect(error.errors.map(\.description) == ["named.xlsx:1:1: " + XLSXError.Kind.notZip.explanation(in: .english)])
        }
    }

    /// `csv` (no quoted cells) as a one-sheet workbook; numbers as numbers, like Excel.
    static func workbook(_ csv: String, sheet name: String) throws -> [UInt8] {
        var sheet = XLSXSheetContent(name: name)
        sheet.rows = csv.split(separator: "\n").map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { field in
                let text = String(field)
                if text.isEmpty { return XLSXOutputCell(.empty) }
                if let number = Double(text), !text.hasPrefix("S") { return XLSXOutputCell(.number(number)) }
                return XLSXOutputCell(.text(text))
            }
        }
        var writer = XLSXWriter()
        writer.add(sheet)
        return try writer.bytes()
    }
}
