import Foundation
import Interchange
import Spreadsheet
import Testing

/// Workbooks in and out: XLSX schools files, the import template, and the reports.
@Suite("junheng with workbooks: template, XLSX input, report")
struct WorkbookCommandTests {
    /// `csv` (no quoted cells) as a workbook sheet; digits become numbers, as Excel stores them.
    static func sheet(_ csv: String, name: String) -> XLSXSheetContent {
        var sheet = XLSXSheetContent(name: name)
        sheet.rows = csv.split(separator: "\n").map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { field in
                let text = String(field)
                if text.isEmpty { return XLSXOutputCell(.empty) }
                if let number = Double(text) { return XLSXOutputCell(.number(number)) }
                return XLSXOutputCell(.text(text))
            }
        }
        return sheet
    }

    static func write(_ sheets: [XLSXSheetContent], to name: String, in folder: URL) throws -> String {
        var writer = XLSXWriter()
        for sheet in sheets { writer.add(sheet) }
        let url = folder.appendingPathComponent(name)
        try Data(try writer.bytes()).write(to: url)
        return url.path
    }

    @Test func aWorkbookEvaluatesExactlyLikeItsCSV() throws {
        let folder = try CommandRunner.temporaryFolder()
        let csv = try CommandRunner.write(EvaluateCommandTests.goodCSV, to: "schools.csv", in: folder)
        let xlsx = try Self.write([Self.sheet(EvaluateCommandTests.goodCSV, name: "学校")], to: "schools.xlsx", in: folder)
        let notes = XLSXSheetContent(name: "说明")
        let second = try Self.write([notes, Self.sheet(EvaluateCommandTests.goodCSV, name: "学校")], to: "two.xlsx", in: folder)

        let expected = try CommandRunner.run(["evaluate", csv, "--format", "json"])
        #expect(expected.status == 0)
        let fromWorkbook = try CommandRunner.run(["evaluate", xlsx, "--format", "json"])
        #expect(fromWorkbook.status == 0, "\(fromWorkbook.stderr)")
        #expect(fromWorkbook.stdout == expected.stdout)
        let named = try CommandRunner.run(["evaluate", second, "--sheet", "学校", "--format", "json"])
        #expect(named.stdout == expected.stdout, "\(named.stderr)")
    }

    @Test func aFactsWorkbookReadsLikeItsCSV() throws {
        let folder = try CommandRunner.temporaryFolder()
        let schools = try CommandRunner.write(EvaluateCommandTests.goodCSV, to: "schools.csv", in: folder)
        let facts = "年度,县区代码,项目,值,佐证材料\n2025,130102,gov_01_layout,是,规划文件\n2025,130102,gov_02_building_standard,否,\n"
        let csv = try CommandRunner.write(facts, to: "facts.csv", in: folder)
        let xlsx = try Self.write([Self.sheet(facts, name: "县级事实")], to: "facts.xlsx", in: folder)
        let expected = try CommandRunner.run(["evaluate", schools, "--facts", csv, "--format", "json"])
        let fromWorkbook = try CommandRunner.run(["evaluate", schools, "--facts", xlsx, "--facts-sheet", "县级事实", "--format", "json"])
        #expect(expected.status == 0 && fromWorkbook.status == 0, "\(expected.stderr)\(fromWorkbook.stderr)")
        #expect(fromWorkbook.stdout == expected.stdout)
    }

    @Test func workbookProblemsNameFileSheetRowAndColumn() throws {
        let folder = try CommandRunner.temporaryFolder()
        let bad = EvaluateCommandTests.lines([(",55,,12,,9,,5400", ",55,,-12,,9,,5400")])
        let xlsx = try Self.write([Self.sheet(bad, name: "学校")], to: "bad.xlsx", in: folder)
        let refused = try CommandRunner.run(["evaluate", xlsx, "--lang", "en"])
        #expect(refused.status == 65)
        #expect(refused.stdout.isEmpty)
        #expect(refused.errorLines.contains("\(xlsx):学校:2:backbone_primary: must not be negative"), "\(refused.stderr)")

        let missing = try CommandRunner.run(["evaluate", xlsx, "--sheet", "没有这张表"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("没有这张表"))

        let garbage = try CommandRunner.write("not a workbook", to: "garbage.xlsx", in: folder)
        let notZip = try CommandRunner.run(["evaluate", garbage])
        #expect(notZip.status == 65)
        #expect(notZip.errorLines.count == 1, "\(notZip.stderr)")
    }

    /// The template opens as written, and a clerk's filled copy — the hidden key row still
    /// in place — imports exactly like the CSV.
    @Test func theTemplateImportsOnceFilledIn() throws {
        let folder = try CommandRunner.temporaryFolder()
        let path = folder.appendingPathComponent("template.xlsx").path
        let made = try CommandRunner.run(["template", "schools", "--out", path])
        #expect(made.status == 0, "\(made.stderr)")
        let workbook = try XLSXWorkbook(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: path))), file: path)
        #expect(workbook.sheetNames == ["学校", "说明"])
        let sheet = try workbook.sheet(named: nil)
        #expect(sheet.rows.map(\.number) == [1, 2])
        #expect(sheet.rows[0].cells.first?.value == .text("年度"))
        #expect(sheet.rows[1].cells.first?.value == .text("year"))
        let notes = try workbook.sheet(named: "说明")
        #expect(notes.rows.contains { row in row.cells.contains { $0.value == .text("小学在校生数") } })
        #expect(notes.rows.contains { row in row.cells.contains { if case let .text(t) = $0.value { t.contains("0.5") } else { false } } })

        // Fill it: the template's two rows, then the data under the headers' order.
        let lines = EvaluateCommandTests.goodCSV.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let keys = sheet.rows[1].cells.map { cell -> String in if case let .text(t) = cell.value { t } else { "" } }
        let reordered = lines.dropFirst().map { row in
            keys.map { key in lines[0].firstIndex(of: key).map { row[$0] } ?? "" }.joined(separator: ",")
        }
        let headers = sheet.rows[0].cells.map { cell -> String in if case let .text(t) = cell.value { t } else { "" } }
        var filled = Self.sheet(([headers.joined(separator: ","), keys.joined(separator: ",")] + reordered).joined(separator: "\n"), name: "学校")
        filled.hiddenRows = [2]
        let filledPath = try Self.write([filled], to: "filled.xlsx", in: folder)
        let csv = try CommandRunner.write(EvaluateCommandTests.goodCSV, to: "schools.csv", in: folder)
        let fromTemplate = try CommandRunner.run(["evaluate", filledPath, "--format", "json"])
        #expect(fromTemplate.status == 0, "\(fromTemplate.stderr)")
        #expect(fromTemplate.stdout == (try CommandRunner.run(["evaluate", csv, "--format", "json"])).stdout)
    }

    @Test func reportsAreWrittenAsWorkbookAndPage() throws {
        let folder = try CommandRunner.temporaryFolder()
        let csv = try CommandRunner.write(EvaluateCommandTests.goodCSV, to: "schools.csv", in: folder)
        let xlsx = folder.appendingPathComponent("report.xlsx").path
        let written = try CommandRunner.run(["report", csv, "--out", xlsx])
        #expect(written.status == 0, "\(written.stderr)")
        let workbook = try XLSXWorkbook(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: xlsx))), file: xlsx)
        #expect(workbook.sheetNames == ["汇总", "小学", "初中", "学校达标明细", "未纳入学校"])
        let summary = try workbook.sheet(named: "汇总")
        #expect(summary.rows[1].cells.map(\.value).prefix(4) == [.text("130102"), .text("长安区"), .number("2025"), .text("数据不全")])

        let html = folder.appendingPathComponent("report.html").path
        let page = try CommandRunner.run(["report", csv, "--out", html, "--lang", "en"])
        #expect(page.status == 0, "\(page.stderr)")
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.contains("<svg"))
        #expect(text.contains("130102"))

        let wrong = try CommandRunner.run(["report", csv, "--out", folder.appendingPathComponent("report.pdf").path])
        #expect(wrong.status == 64)
    }
}
