import Foundation
import Spreadsheet
import Testing

/// `junheng plan whatif`: edits to a copy of one county's data, evaluated again.
@Suite("junheng plan whatif, end to end")
struct WhatifCommandTests {
    private func demo() throws -> (schools: String, school: String, folder: URL) {
        let folder = try CommandRunner.temporaryFolder()
        let made = try CommandRunner.run(["demo", "--out", folder.path, "--counties", "1", "--seed", "1"])
        #expect(made.status == 0, "\(made.stderr)")
        let schools = folder.appendingPathComponent("schools.csv").path
        let first = try String(contentsOfFile: schools, encoding: .utf8).split(whereSeparator: \.isNewline)[1]
        return (schools, String(first.split(separator: ",")[3]), folder)
    }

    /// The cells of the terminal table's line that starts with `first` (and `second`).
    private func row(_ text: String, _ first: String, _ second: String? = nil) -> [String] {
        let line = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            .first { $0.count > 1 && $0[0] == first && (second == nil || $0[1] == second) }
        return line ?? []
    }

    @Test func anEditMovesTheVerdictAndTheFileIsUntouched() throws {
        let (schools, school, _) = try demo()
        let before = try Data(contentsOf: URL(fileURLWithPath: schools))
        // 99 999 m² of teaching rooms in one primary school breaks the area's CV.
        let run = try CommandRunner.run(["plan", "whatif", schools, "--set", "\(school):teaching_area=99999"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.text.contains("\n修改前资源配置：达标（") && run.text.contains("\n修改后资源配置：未达标（"))
        // Stage, indicator, CV before and after, limit, outcomes, and the mark of a moved CV.
        #expect(row(run.text, "小学", "生均教学及辅助用房面积") == ["小学", "生均教学及辅助用房面积", "0.174", "1.184", "0.500", "达标", "未达标", "*"])
        #expect(row(run.text, "初中", "生均教学及辅助用房面积").last == "达标", "an unmoved CV carries no mark")
        // The edit itself, old value and new.
        let edit = row(run.text, school)
        #expect(edit.count == 5 && edit[2] == "教学及辅助用房面积" && edit[4] == "99999")
        #expect(try Data(contentsOf: URL(fileURLWithPath: schools)) == before)

        let chinese = try CommandRunner.run(["plan", "whatif", schools, "--set", "\(school):教学及辅助用房面积=99999", "--lang", "en"])
        #expect(chinese.text.contains("\nResources before: pass (") && chinese.text.contains("\nResources after: fail ("))
    }

    @Test func csvJsonAndTheWorkbook() throws {
        let (schools, school, folder) = try demo()
        let edit = ["plan", "whatif", schools, "--set", "\(school):teaching_area=99999"]
        let csv = try CommandRunner.run(edit + ["--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.text.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.first == "stage,indicator,cv_before,cv_after,limit,before,after,moved")
        let area = lines.filter { $0.hasPrefix("primary,teaching_area_per_student,") }
        #expect(area.count == 1 && area.first?.hasSuffix(",0.5,pass,fail,yes") == true)
        #expect(lines.dropFirst().filter { $0.hasSuffix(",yes") }.count == 1)

        let out = folder.appendingPathComponent("whatif.xlsx").path
        let json = try CommandRunner.run(edit + ["--format", "json", "--out", out])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect((object["before"] as? [String: Any])?["verdict"] as? String == "pass")
        #expect((object["after"] as? [String: Any])?["verdict"] as? String == "fail")
        let edits = try #require(object["edits"] as? [[String: Any]])
        #expect(edits.count == 1 && edits[0]["school_code"] as? String == school)
        #expect(edits[0]["field"] as? String == "teaching_area" && edits[0]["new"] as? String == "99999")
        #expect((object["cv"] as? [Any])?.count == lines.count - 1)
        let book = try XLSXWorkbook(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: out))), file: out)
        #expect(book.sheetNames == ["汇总", "修改", "差异系数"])
        #expect(try book.sheet(named: "差异系数").rows.count == lines.count)

        let unwritable = try CommandRunner.run(edit + ["--out", "/nonexistent/folder/whatif.xlsx"])
        #expect(unwritable.status == 73 && unwritable.stdout.isEmpty)
    }

    @Test func badEditsAreRefused() throws {
        let (schools, school, _) = try demo()
        let negative = try CommandRunner.run(["plan", "whatif", schools, "--set", "\(school):teaching_area=-5"])
        #expect(negative.status == 65)
        #expect(negative.stderr.contains("teaching_area") || negative.stderr.contains("教学及辅助用房面积"))
        #expect(negative.stdout.isEmpty)
        let unknown = try CommandRunner.run(["plan", "whatif", schools, "--set", "\(school):nonsense=1"])
        #expect(unknown.status == 64)
        let noSchool = try CommandRunner.run(["plan", "whatif", schools, "--set", "0000000000:teaching_area=1"])
        #expect(noSchool.status == 64)
        let identity = try CommandRunner.run(["plan", "whatif", schools, "--set", "\(school):school_code=1"])
        #expect(identity.status == 64)
        let none = try CommandRunner.run(["plan", "whatif", schools])
        #expect(none.status == 64)
        let malformed = try CommandRunner.run(["plan", "whatif", schools, "--set", "\(school)-teaching_area-1"])
        #expect(malformed.status == 64)
    }
}
