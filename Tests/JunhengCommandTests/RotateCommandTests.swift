import Domain
import Foundation
import Interchange
import Spreadsheet
import Testing

/// `junheng plan rotate` on the demo's schools and teachers.
@Suite("junheng plan rotate, end to end")
struct RotateCommandTests {
    /// A demo county's schools and teachers files.
    static func demo() throws -> (folder: URL, schools: String, teachers: String) {
        let folder = try CommandRunner.temporaryFolder()
        let made = try CommandRunner.run(["demo", "--out", folder.path, "--counties", "1", "--seed", "1"])
        #expect(made.status == 0, "\(made.stderr)")
        return (folder, folder.appendingPathComponent("schools.csv").path, folder.appendingPathComponent("teachers.csv").path)
    }

    @Test func demoCountyPlanMeetsTheQuotaInEveryFormat() throws {
        let (folder, schools, teachers) = try Self.demo()

        let json = try CommandRunner.run(["plan", "rotate", schools, teachers, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect(object["meets_quota"] as? Bool == true)
        #expect((object["count_differences"] as? [Any])?.isEmpty == true)
        for key in ["eligible_principals", "principal_movers", "kilometres", "cvs", "objective", "title_structure", "schools", "rural_service"] {
            #expect(object[key] != nil, "\(key)")
        }
        let movers = try #require(object["movers"] as? Int)
        let moves = try #require(object["moves"] as? [[String: Any]])
        #expect(moves.allSatisfy { TeacherMoveReasons.keys.contains($0["reason"] as? String ?? "") })
        let cv = try #require((object["cvs"] as? [[String: Any]])?.first { $0["resource"] as? String == "backbone_teachers" && $0["stage"] as? String == "primary" })

        let table = try CommandRunner.run(["plan", "rotate", schools, teachers])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.text.hasPrefix("交流轮岗方案\n"))
        #expect(!table.text.contains("第一版"))
        #expect(table.text.contains("\n交流比例核查\n教师和校长交流比例均达到要求。\n"))
        #expect(table.text.contains("交流名单：\(moves.count) 人次"))
        let cvLine = table.text.split(separator: "\n").first { $0.contains("县级以上骨干教师") && $0.contains("小学") }
        #expect(cvLine?.contains(Decimals.three(cv["before"] as? Double ?? .nan)) == true, "\(String(describing: cvLine))")

        let english = try CommandRunner.run(["plan", "rotate", schools, teachers, "--lang", "en"])
        #expect(english.text.hasPrefix("Teacher rotation plan\n"))

        let csv = try CommandRunner.run(["plan", "rotate", schools, teachers, "--format", "csv"])
        let lines = csv.text.split(separator: "\r\n")
        #expect(lines.count == 1 + moves.count)
        #expect(lines.first == "county_code,data_year,teacher_id,from_school,from_school_name,to_school,to_school_name,stage,reason,swap,kilometres")

        // A stricter quota from a rules file moves more teachers.
        let rules = folder.appendingPathComponent("rules.json")
        try Data(#"{"min_share_of_eligible": 0.3}"#.utf8).write(to: rules)
        let strict = try CommandRunner.run(["plan", "rotate", schools, teachers, "--rules", rules.path, "--format", "json"])
        let strictObject = try #require(try JSONSerialization.jsonObject(with: strict.stdout) as? [String: Any])
        #expect((strictObject["movers"] as? Int ?? 0) >= (strictObject["required_movers"] as? Int ?? .max))
        #expect((strictObject["required_movers"] as? Int ?? 0) > movers / 2)

        try Data(#"{"min_share_of_eligible": 12}"#.utf8).write(to: rules)
        let refused = try CommandRunner.run(["plan", "rotate", schools, teachers, "--rules", rules.path])
        #expect(refused.status == 65)
        #expect(refused.stdout.isEmpty)
    }

    @Test func objectiveFromTheOptionOrTheRulesFile() throws {
        let (folder, schools, teachers) = try Self.demo()
        func plan(_ extra: [String]) throws -> [String: Any] {
            let run = try CommandRunner.run(["plan", "rotate", schools, teachers, "--format", "json"] + extra)
            #expect(run.status == 0, "\(run.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        }
        let fewest = try plan([]), equalized = try plan(["--objective", "equalize"])
        #expect(fewest["plan_objective"] as? String == "fewest_moves" && equalized["plan_objective"] as? String == "equalize")
        let movers = try #require(fewest["movers"] as? Int), required = try #require(fewest["required_movers"] as? Int)
        #expect(movers <= (equalized["movers"] as? Int ?? 0))
        #expect(fewest["extra_movers"] as? Int == max(0, movers - required))
        #expect(fewest["cv_margin"] as? Double == 0.02)
        let terms = try #require(fewest["objective"] as? [[String: Any]])
        #expect(terms.reduce(0) { $0 + ($1["movers"] as? Int ?? 0) } == movers + (fewest["principal_movers"] as? Int ?? 0))

        let rules = try CommandRunner.write(#"{"objective": "equalize", "max_movers": 40}"#, to: "rules.json", in: folder)
        let fromFile = try plan(["--rules", rules])
        #expect(fromFile["plan_objective"] as? String == "equalize" && fromFile["max_movers"] as? Int == 40)
        #expect(try plan(["--rules", rules, "--objective", "fewest-moves"])["plan_objective"] as? String == "fewest_moves")

        let table = try CommandRunner.run(["plan", "rotate", schools, teachers])
        #expect(table.text.contains("\n交流人数与应交流人数\n方案目标：交流人数最少"))

        let bad = try CommandRunner.write(#"{"objective": "most"}"#, to: "bad.json", in: folder)
        let refused = try CommandRunner.run(["plan", "rotate", schools, teachers, "--rules", bad])
        #expect(refused.status == 65 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("bad.json: objective:"), "\(refused.stderr)")
        #expect(try CommandRunner.run(["plan", "rotate", schools, teachers, "--objective", "most"]).status == 64)
    }

    @Test func outWritesTheWorkbookBesideTheJSON() throws {
        let (folder, schools, teachers) = try Self.demo()
        let out = folder.appendingPathComponent("rotation.xlsx").path
        let result = try CommandRunner.run(["plan", "rotate", schools, teachers, "--out", out, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let moves = try #require(object["moves"] as? [[String: Any]])
        let book = try XLSXWorkbook(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: out))), file: out)
        #expect(book.sheetNames.first == "汇总" && ["差异系数", "方案目标", "职称结构", "交流名单", "学校前后对比", "农村任教经历"].allSatisfy(book.sheetNames.contains))
        let sheet = try book.sheet(named: "交流名单")
        #expect(sheet.rows.count == 1 + moves.count)
        // The first move as the JSON has it: teacher, (subject,) from and to school codes.
        let first = try #require(sheet.rows.dropFirst().first).cells
        #expect(first.first?.value == .text(moves[0]["teacher_id"] as? String ?? ""))
        #expect(first.first { $0.column == 2 }?.value == .text(moves[0]["from_school"] as? String ?? ""))
        #expect(first.first { $0.column == 4 }?.value == .text(moves[0]["to_school"] as? String ?? ""))
        #expect(try book.sheet(named: "学校前后对比").rows.count == 1 + ((object["schools"] as? [Any])?.count ?? 0))

        let english = folder.appendingPathComponent("rotation-en.xlsx").path
        #expect(try CommandRunner.run(["plan", "rotate", schools, teachers, "--out", english, "--lang", "en"]).status == 0)
        #expect(try XLSXWorkbook(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: english))), file: english).sheetNames.first == "Summary")
    }

    @Test func badInputWritesNothing() throws {
        let (folder, schools, teachers) = try Self.demo()
        let badOut = try CommandRunner.run(["plan", "rotate", schools, teachers, "--out", "rotation.pdf"])
        #expect(badOut.status == 64)

        let unwritable = try CommandRunner.run(["plan", "rotate", schools, teachers, "--out", "/nonexistent/folder/rotation.xlsx"])
        #expect(unwritable.status == 73)
        #expect(unwritable.stdout.isEmpty)

        // A refused teachers file: status 65, no workbook and nothing on stdout.
        let broken = try CommandRunner.write("教师编号,学校标识码\nT1,\n", to: "broken.csv", in: folder)
        let out = folder.appendingPathComponent("never.xlsx").path
        let refused = try CommandRunner.run(["plan", "rotate", schools, broken, "--out", out])
        #expect(refused.status == 65)
        #expect(refused.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out))

        let rules = try CommandRunner.write(#"{"min_share_of_eligible": "lots"}"#, to: "rules.json", in: folder)
        let badRules = try CommandRunner.run(["plan", "rotate", schools, teachers, "--rules", rules, "--out", out])
        #expect(badRules.status == 65)
        #expect(badRules.stderr.contains("rules.json"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

/// The reasons' machine keys the JSON and CSV promise.
private enum TeacherMoveReasons {
    static let keys: Set<String> = ["backbone", "qualified", "pe_art", "senior_title", "principal", "partner", "quota"]
}
