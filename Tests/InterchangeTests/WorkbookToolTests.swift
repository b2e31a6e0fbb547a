import Demo
import Domain
import Foundation
@testable import Interchange
import Reports
import Testing

/// Junheng's workbooks against the tools bureaus use: openpyxl (what Python scripts use) and
/// LibreOffice (what many bureau machines have, and the reference for "opens without error").
/// Skipped, with the reason, only when a tool is missing; `.ci/run` installs both.
@Suite("Workbooks against openpyxl and LibreOffice", .serialized)
struct WorkbookToolTests {
    /// A demo county's schools as CSV (Chinese headers), and the schools read from it.
    static func demo() throws -> (csv: String, schools: [SchoolYear]) {
        let data = DemoGenerator(seed: 7, counties: 1, year: 2025).generate()
        let csv = String(decoding: try SchoolsWriter(headers: .chinese, encoding: .utf8).write(data.schools), as: UTF8.self)
        return (csv, try SchoolsReader().read(Array(csv.utf8), file: "demo.csv").schools)
    }

    @Test(.enabled(if: ExternalTool.python(with: "openpyxl"), "python3 with openpyxl is not installed"))
    func aWorkbookWrittenByOpenpyxlReadsLikeTheCSV() throws {
        let (csv, schools) = try Self.demo()
        let folder = try ExternalTool.temporaryFolder()
        let source = folder.appendingPathComponent("demo.csv"), target = folder.appendingPathComponent("demo.xlsx")
        try Data(csv.utf8).write(to: source)
        try ExternalTool.python("""
            import csv, sys, openpyxl
            book = openpyxl.Workbook(); sheet = book.active; sheet.title = "学校"
            def cell(text):
                for kind in (int, float):
                    try: return kind(text)
                    except ValueError: pass
                return text if text != "" else None
            for row in csv.reader(open(sys.argv[1], encoding="utf-8")):
                sheet.append([cell(t) for t in row])
            book.save(sys.argv[2])
            """, arguments: [source.path, target.path])
        let read = try SchoolsReader().read([UInt8](Data(contentsOf: target)), file: "demo.xlsx")
        #expect(read.schools == schools)
    }

    @Test(.enabled(if: ExternalTool.find("soffice") != nil, "LibreOffice (soffice) is not installed"))
    func aWorkbookConvertedByLibreOfficeReadsLikeTheCSV() throws {
        let (csv, schools) = try Self.demo()
        let folder = try ExternalTool.temporaryFolder()
        let source = folder.appendingPathComponent("demo.csv")
        try Data(csv.utf8).write(to: source)
        // Filter options: comma, UTF-8 (76), from row 1; school codes are digits and become numbers.
        try ExternalTool.run("soffice", ["--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", folder.path, source.path])
        let read = try SchoolsReader().read([UInt8](Data(contentsOf: folder.appendingPathComponent("demo.xlsx"))), file: "demo.xlsx")
        #expect(read.schools == schools)
    }

    /// The report's numbers are stored exactly, with their formats, and the template's
    /// drop-downs, hidden key row and frozen header are what openpyxl sees.
    @Test(.enabled(if: ExternalTool.python(with: "openpyxl"), "python3 with openpyxl is not installed"))
    func openpyxlSeesTheReportAndTheTemplateAsWritten() throws {
        let (_, schools) = try Self.demo()
        let standard = try Standard.builtIn("quality-2017")
        let results = Evaluator(standard: standard).evaluate(schools, facts: nil)
        let folder = try ExternalTool.temporaryFolder()
        let report = folder.appendingPathComponent("report.xlsx"), template = folder.appendingPathComponent("template.xlsx")
        try Data(try EvaluationReport(standard: standard, language: .chinese).workbook(results)).write(to: report)
        try Data(try SchoolsTemplate(standard: standard).workbook()).write(to: template)

        let stage = try #require(results[0].stages.first)
        let indicator = try #require(stage.indicators.first)
        let output = try ExternalTool.python("""
            import sys, json, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            primary = book["小学"]
            row = [c for c in primary[2]]
            template = openpyxl.load_workbook(sys.argv[2])
            data = template["学校"]
            lists = sorted(v.formula1 for v in data.data_validations.dataValidation if v.type == "list")
            print(json.dumps({
                "sheets": book.sheetnames,
                "cv": row[8].value, "cv_format": row[8].number_format, "county_value": row[5].value,
                "schools": book["学校达标明细"].max_row - 1,
                "template_sheets": template.sheetnames, "freeze": data.freeze_panes,
                "key_row_hidden": data.row_dimensions[2].hidden, "first_key": data["A2"].value,
                "lists": lists,
            }, ensure_ascii=False))
            """, arguments: [report.path, template.path])
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(seen["sheets"] as? [String] == ["汇总", "小学", "初中", "学校达标明细", "未纳入学校"])
        #expect(seen["cv"] as? Double == indicator.cv)
        #expect(seen["cv_format"] as? String == "0.000")
        #expect(seen["county_value"] as? Double == indicator.countyValue)
        #expect(seen["schools"] as? Int == results[0].units.count)
        #expect(seen["template_sheets"] as? [String] == ["学校", "说明"])
        #expect(seen["freeze"] as? String == "F3")
        #expect(seen["key_row_hidden"] as? Bool == true)
        #expect(seen["first_key"] as? String == "year")
        #expect((seen["lists"] as? [String])?.count == 4)
    }

    @Test(.enabled(if: ExternalTool.find("soffice") != nil, "LibreOffice (soffice) is not installed"))
    func libreOfficeTurnsTheReportAndTheTemplateIntoPDF() throws {
        let (_, schools) = try Self.demo()
        let standard = try Standard.builtIn("quality-2017")
        let results = Evaluator(standard: standard).evaluate(schools, facts: nil)
        let folder = try ExternalTool.temporaryFolder()
        let report = folder.appendingPathComponent("report.xlsx"), template = folder.appendingPathComponent("template.xlsx")
        try Data(try EvaluationReport(standard: standard, language: .chinese).workbook(results)).write(to: report)
        try Data(try SchoolsTemplate(standard: standard).workbook()).write(to: template)
        try ExternalTool.run("soffice", ["--headless", "--convert-to", "pdf", "--outdir", folder.path, report.path, template.path])
        for name in ["report.pdf", "template.pdf"] {
            let pdf = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(pdf.starts(with: Array("%PDF".utf8)), "\(name)")
            #expect(pdf.count > 1000, "\(name)")
        }
    }
}
