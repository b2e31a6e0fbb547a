import Foundation
import Testing

/// `junheng plan rotate` on the demo's schools and teachers.
@Suite("junheng plan rotate, end to end")
struct RotateCommandTests {
    @Test func demoCountyPlanMeetsTheQuotaInEveryFormat() throws {
        let folder = try CommandRunner.temporaryFolder()
        let made = try CommandRunner.run(["demo", "--out", folder.path, "--counties", "1", "--seed", "1"])
        #expect(made.status == 0, "\(made.stderr)")
        let schools = folder.appendingPathComponent("schools.csv").path
        let teachers = folder.appendingPathComponent("teachers.csv").path

        let table = try CommandRunner.run(["plan", "rotate", schools, teachers])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.text.contains("达到比例要求"))
        #expect(table.text.contains("县级以上骨干教师: 0.377 → 0.273"))

        let json = try CommandRunner.run(["plan", "rotate", schools, teachers, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect(object["meets_quota"] as? Bool == true)
        #expect((object["count_differences"] as? [Any])?.isEmpty == true)
        let movers = try #require(object["movers"] as? Int)

        let csv = try CommandRunner.run(["plan", "rotate", schools, teachers, "--format", "csv"])
        #expect(csv.text.split(separator: "\r\n").count == 1 + movers)

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
    }
}
