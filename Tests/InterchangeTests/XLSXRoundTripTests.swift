import Foundation
@testable import Interchange
@testable import Spreadsheet
import Testing

/// What ``XLSXWriter`` writes, ``XLSXWorkbook`` reads back unchanged.
@Suite struct XLSXRoundTripTests {
    private func roundTrip(_ sheets: [XLSXSheetContent]) throws -> XLSXWorkbook {
        var writer = XLSXWriter()
        for sheet in sheets { writer.add(sheet) }
        return try XLSXWorkbook(bytes: try writer.bytes(), file: "round.xlsx")
    }

    @Test func everyValueKind() throws {
        var sheet = XLSXSheetContent(name: "数据")
        let tricky = "A & B <c> \"d\" 'e' ]]> &amp; _x0041_ \u{1} \u{1F} \r\n\t 末尾 "
        sheet.rows = [
            [.init(.text("县区代码")), .init(.number(12)), .init(.number(3.5700000000000003)), .init(.bool(true)), .init(.bool(false))],
            [.init(.text(tricky)), .init(.number(-0.001)), .init(.number(1e20)), .init(.number(.nan)), .init(.number(.infinity))],
            [.init(.text("  前后空格  ")), .init(.text("")), .init(.empty), .init(.number(1e-7)), .init(.text("😀 emoji"))],
        ]
        let values = XLSXTestSupport.values(try roundTrip([sheet]).sheet(named: "数据"))
        #expect(values == [
            "A1": .text("县区代码"), "B1": .number("12"), "C1": .number("3.5700000000000003"), "D1": .bool(true), "E1": .bool(false),
            "A2": .text(tricky), "B2": .number("-0.001"), "C2": .number("1e+20"),
            "A3": .text("  前后空格  "), "B3": .text(""), "D3": .number("1e-07"), "E3": .text("😀 emoji"),
        ])
    }

    @Test func sparseCellsAndWideColumns() throws {
        var sheet = XLSXSheetContent(name: "Sparse")
        var wide = Array(repeating: XLSXOutputCell(.empty), count: 16384)
        for column in [26, 51, 52, 16383] { wide[column] = .init(.text(CellReference.letters(column))) }
        sheet.rows = [[], [.init(.empty), .init(.number(1))], [], [], wide]
        sheet.rows.append(contentsOf: Array(repeating: [], count: 10))
        sheet.rows.append([.init(.empty, style: XLSXStyle(fill: "FFFF00")), .init(.text("x"))])
        let read = try roundTrip([sheet]).sheet(named: "Sparse")
        #expect(read.rows.map(\.number) == [2, 5, 16])
        #expect(read.rows[1].cells.map(\.reference) == ["AA5", "AZ5", "BA5", "XFD5"])
        #expect(read.rows[1].cells.map(\.value) == [.text("AA"), .text("AZ"), .text("BA"), .text("XFD")])
        #expect(read.rows[2].cells == [XLSXCell(row: 16, column: 1, value: .text("x"))])
    }

    @Test func severalSheetsWithAHiddenOne() throws {
        var first = XLSXSheetContent(name: "说明")
        first.rows = [[.init(.text("a"))]]
        var hidden = XLSXSheetContent(name: "Lists [x]".replacingOccurrences(of: "[x]", with: "x"))
        hidden.hidden = true
        hidden.rows = [[.init(.text("a"))], [.init(.text("b"))]]
        var third = XLSXSheetContent(name: "It's 3")
        third.rows = [[.init(.number(3))]]
        let workbook = try roundTrip([first, hidden, third])
        #expect(workbook.sheetNames == ["说明", "Lists x", "It's 3"])
        #expect(XLSXTestSupport.values(try workbook.sheet(named: "Lists x")) == ["A1": .text("a"), "A2": .text("b")])
        #expect(XLSXTestSupport.values(try workbook.sheet(named: "It's 3")) == ["A1": .number("3")])
        #expect(XLSXTestSupport.values(try workbook.sheet(named: nil)) == ["A1": .text("a")])
    }

    @Test func layoutOptionsStillRead() throws {
        var sheet = XLSXSheetContent(name: "Layout")
        let header = XLSXStyle(bold: true, fontColor: "C00000", fill: "DDEBF7", wrap: true, horizontal: .center)
        sheet.rows = [[.init(.text("名称"), style: header), .init(.text("比例"), style: header)]]
            + (1...50).map { [.init(.text("校\($0)")), .init(.number(Double($0) / 100), style: XLSXStyle(numberFormat: "0.0%"))] }
        sheet.columnWidths = [0: 24, 1: 10.5]
        sheet.frozenRows = 1
        sheet.frozenColumns = 1
        sheet.hiddenRows = [3, 60]
        sheet.autoFilter = true
        sheet.merges = ["C1:D1"]
        sheet.fitToWidth = true
        sheet.validations = [
            XLSXValidation(range: "B2:B51", kind: .decimal(min: 0, max: 1), prompt: ("比例", "0 到 1"), error: ("错误", "须在 0 到 1 之间")),
            XLSXValidation(range: "C2:C51", kind: .list(["城区", "镇区", "乡村"])),
            XLSXValidation(range: "D2:D51", kind: .wholeNumber(min: 0, max: nil), allowBlank: false),
        ]
        let read = try roundTrip([sheet]).sheet(named: "Layout")
        #expect(read.rows.count == 51)
        #expect(read.rows[0].cells.map(\.value) == [.text("名称"), .text("比例")])
        #expect(read.rows[50].cells.map(\.value) == [.text("校50"), .number("0.5")])
    }

    @Test(arguments: [
        ("", "bad"), (String(repeating: "长", count: 32), "bad"), ("a/b", "bad"), ("a[1]", "bad"), ("'quoted'", "bad"),
        ("what?", "bad"),
    ])
    func invalidSheetNames(name: String, expected: String) {
        var writer = XLSXWriter()
        writer.add(XLSXSheetContent(name: name))
        #expect(throws: XLSXError.self) { try writer.bytes() }
        do { _ = try writer.bytes() } catch { #expect(error.kind == .badSheetName(name)) }
    }

    @Test func writerRefusals() {
        func kind(_ sheets: [XLSXSheetContent]) -> XLSXError.Kind? {
            var writer = XLSXWriter()
            for sheet in sheets { writer.add(sheet) }
            do { _ = try writer.bytes(); return nil } catch { return error.kind }
        }
        #expect(kind([]) == .nothingToWrite)
        var hidden = XLSXSheetContent(name: "H")
        hidden.hidden = true
        #expect(kind([hidden]) == .allSheetsHidden)
        #expect(kind([XLSXSheetContent(name: "Sheet"), XLSXSheetContent(name: "SHEET")]) == .duplicateSheetName("SHEET"))
        var long = XLSXSheetContent(name: "L")
        long.validations = [XLSXValidation(range: "A1:A9", kind: .list((1...100).map { "选项\($0)" }))]
        #expect(kind([long]) == .listTooLong(range: "A1:A9", length: 491))
        var comma = XLSXSheetContent(name: "C")
        comma.validations = [XLSXValidation(range: "A1", kind: .list(["a,b"]))]
        #expect(kind([comma]) == .listOptionWithComma("a,b"))
        var merge = XLSXSheetContent(name: "M")
        merge.merges = ["A1-B2"]
        #expect(kind([merge]) == .badRange("A1-B2"))
        var color = XLSXSheetContent(name: "K")
        color.rows = [[.init(.text("x"), style: XLSXStyle(fill: "red"))]]
        #expect(kind([color]) == .badColor("red"))
    }

    @Test func messagesInBothLanguages() {
        let error = XLSXError(.sheetNotFound(name: "学校", available: ["A", "B"]), file: "x.xlsx")
        #expect(error.message(in: .chinese) == "x.xlsx: 没有名为“学校”的工作表；现有工作表：A、B")
        #expect(error.message(in: .english) == "x.xlsx: no sheet named \"学校\"; the sheets are: A, B")
    }
}
