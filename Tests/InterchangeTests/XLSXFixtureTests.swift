@testable import Interchange
@testable import Spreadsheet
import Testing

/// Workbooks made by other programs (Fixtures/xlsx/make_fixtures.py) read to exact values.
@Suite struct XLSXFixtureTests {
    @Test func openpyxlWorkbook() throws {
        let workbook = try XLSXWorkbook(bytes: XLSXTestSupport.fixture("openpyxl.xlsx"), file: "openpyxl.xlsx")
        #expect(workbook.sheetNames == ["学校", "Second", "隐藏"])
        let sheet = try workbook.sheet(named: nil)
        #expect(sheet.name == "学校")
        #expect(sheet.rows.map(\.number) == [1, 2, 3, 5, 7, 9, 11])
        let values = XLSXTestSupport.values(sheet)
        let expected: [String: XLSXValue] = [
            "A1": .text("名称"), "B1": .text("学生数"), "C1": .text("比例"), "D1": .text("达标"), "E1": .text("错误"),
            "F1": .text("公式"),
            "A2": .text("第一小学"), "B2": .number("812"), "C2": .number("3.57"), "D2": .bool(true),
            "E2": .error("#DIV/0!"), "F2": .formulaWithoutValue("B2*2"),
            "A3": .text("A & B <c> \"d\" 'e'"), "B3": .number("-3"), "C3": .number("0.001"), "D3": .bool(false),
            "E3": .error("#N/A"), "F3": .formulaWithoutValue("SUM(B2:B3)"),
            "A5": .text("粗体加粗 普通"),
            "AA7": .text("AA"), "AZ7": .number("52"), "BA7": .text("BA"),
            "C9": .text("  spaces  "), "D9": .text("line1\nline2"), "E9": .text("carriage\nreturn"), "XFD9": .text("last"),
            "B11": .number("1.5"),
        ]
        #expect(values == expected)
        let last = try #require(sheet.rows.first { $0.number == 9 }?.cells.last)
        #expect(last.column == 16383)
        #expect(last.reference == "XFD9")
        #expect(try workbook.sheet(named: "Second").rows == [XLSXRow(number: 2, cells: [XLSXCell(row: 2, column: 1, value: .text("only"))])])
        #expect(XLSXTestSupport.values(try workbook.sheet(named: "隐藏")) == ["A1": .number("1")])
    }

    @Test func libreOfficeWorkbook() throws {
        let workbook = try XLSXWorkbook(bytes: XLSXTestSupport.fixture("libreoffice.xlsx"), file: "libreoffice.xlsx")
        #expect(workbook.sheetNames == ["libreoffice"])
        let values = XLSXTestSupport.values(try workbook.sheet(named: "libreoffice"))
        let expected: [String: XLSXValue] = [
            "A1": .text("名称"), "B1": .text("数量"), "C1": .text("和"), "D1": .text("文本公式"), "E1": .text("空"), "F1": .text("比例"),
            "A2": .text("第一小学"), "B2": .number("12"), "C2": .number("13"), "D2": .text("ab"), "F2": .number("0.25"),
            "A3": .text("第二小学"), "B3": .number("3.5"), "C3": .number("7"), "D3": .error("#DIV/0!"),
        ]
        #expect(values == expected)
    }
}
