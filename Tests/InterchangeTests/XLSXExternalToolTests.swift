import Foundation
@testable import Interchange
import Spreadsheet
import Testing

/// Workbooks from ``XLSXWriter`` checked by other readers: openpyxl (values, number formats,
/// frozen panes, validations, hidden rows, sheet names) and LibreOffice (renders to PDF).
/// Each test is skipped when its tool is not installed.
@Suite struct XLSXExternalToolTests {
    /// A python3 that can import openpyxl: the one on PATH, or bench/.venv's.
    static let python: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for candidate in ["python3", root.appendingPathComponent("bench/.venv/bin/python").path] {
            if (try? run(candidate, ["-c", "import openpyxl"]))?.status == 0 { return candidate }
        }
        return nil
    }()

    static let soffice: String? = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs `tool` (looked up on PATH unless absolute) and returns its exit status and output.
    static func run(_ tool: String, _ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A workbook using every layout feature.
    static func sample() throws -> [UInt8] {
        var sheet = XLSXSheetContent(name: "学校")
        let header = XLSXStyle(bold: true, fill: "DDEBF7", wrap: true, horizontal: .center)
        sheet.rows = [[.init(.text("名称"), style: header), .init(.text("比例"), style: header), .init(.text("金额"), style: header)]]
            + (1...20).map { [
                .init(.text("第\($0)小学 & <校>")), .init(.number(Double($0) / 8), style: XLSXStyle(numberFormat: "0.0%")),
                .init(.number(Double($0) * 1234.5), style: XLSXStyle(numberFormat: "#,##0.00")),
            ] }
        sheet.frozenRows = 1
        sheet.frozenColumns = 1
        sheet.hiddenRows = [4, 5]
        sheet.autoFilter = true
        sheet.fitToWidth = true
        sheet.columnWidths = [0: 30]
        sheet.validations = [
            XLSXValidation(range: "B2:B21", kind: .decimal(min: 0, max: 1), prompt: ("比例", "0–1"), error: ("错误", "须在 0 到 1 之间")),
            XLSXValidation(range: "D2:D21", kind: .list(["城区", "镇区", "乡村"])),
        ]
        var lists = XLSXSheetContent(name: "Lists")
        lists.hidden = true
        lists.rows = [[.init(.text("城区"))]]
        var writer = XLSXWriter()
        writer.add(sheet)
        writer.add(lists)
        return try writer.bytes()
    }

    static func temporaryFile(_ bytes: [UInt8]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("junheng-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("sample.xlsx")
        try Data(bytes).write(to: file)
        return file
    }

    @Test(.enabled(if: python != nil, "openpyxl not installed (python3 -c 'import openpyxl' fails; make bench/.venv)"))
    func openpyxlReadsWhatWasWritten() throws {
        let file = try Self.temporaryFile(try Self.sample())
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let script = """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["学校"]
            assert wb.sheetnames == ["学校", "Lists"], wb.sheetnames
            assert wb["Lists"].sheet_state == "hidden"
            assert ws["A1"].value == "名称" and ws["A1"].font.b
            assert ws["A2"].value == "第1小学 & <校>", ws["A2"].value
            assert ws["B3"].value == 0.25 and ws["B3"].number_format == "0.0%", (ws["B3"].value, ws["B3"].number_format)
            assert ws["C2"].number_format == "#,##0.00" and ws["C2"].value == 1234.5
            assert ws.freeze_panes == "B2", ws.freeze_panes
            assert ws.row_dimensions[4].hidden and ws.row_dimensions[5].hidden and not ws.row_dimensions[3].hidden
            assert ws.auto_filter.ref == "A1:C21", ws.auto_filter.ref
            dv = {str(v.sqref): v for v in ws.data_validations.dataValidation}
            assert dv["B2:B21"].type == "decimal" and dv["B2:B21"].formula1 == "0" and dv["B2:B21"].formula2 == "1"
            assert dv["B2:B21"].promptTitle == "比例"
            assert dv["D2:D21"].type == "list" and dv["D2:D21"].formula1 == '"城区,镇区,乡村"', dv["D2:D21"].formula1
            assert ws.page_setup.paperSize == 9 or ws.page_setup.paperSize == "9"
            print("ok")
            """
        let result = try Self.run(Self.python!, ["-", file.path], input: script)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("ok"))
    }

    @Test(.enabled(if: soffice != nil, "LibreOffice (soffice) not installed"), .timeLimit(.minutes(1)))
    func libreOfficeConvertsToPDF() throws {
        let file = try Self.temporaryFile(try Self.sample())
        let directory = file.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: directory) }
        let profile = "-env:UserInstallation=file://" + directory.appendingPathComponent("profile").path
        let result = try Self.run(Self.soffice!, [profile, "--headless", "--convert-to", "pdf", "--outdir", directory.path, file.path])
        #expect(result.status == 0, "\(result.output)")
        let pdf = directory.appendingPathComponent("sample.pdf")
        let size = (try? FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? Int) ?? 0
        #expect(size > 1000, "no PDF: \(result.output)")
    }
}
