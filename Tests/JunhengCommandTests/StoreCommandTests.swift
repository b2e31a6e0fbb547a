import Foundation
import Testing

/// `junheng import` and `junheng user` against a SQLite file, as a clerk of the bureau runs them.
@Suite("import and user commands")
struct StoreCommandTests {
    @Test func importIsAllOrNothingAndReimportCountsChanges() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("j.sqlite").path
        #expect(try CommandRunner.run(["demo", "--out", folder.path, "--counties", "2"]).status == 0)
        let schools = folder.appendingPathComponent("schools.csv").path
        let facts = folder.appendingPathComponent("facts.csv").path
        let rowCount = try String(contentsOfFile: schools, encoding: .utf8).split(whereSeparator: \.isNewline).count - 1

        let first = try CommandRunner.run(["import", schools, "--facts", facts, "--database", database])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.text.contains("新增 \(rowCount) 所学校"))
        let again = try CommandRunner.run(["import", schools, "--database", database, "--lang", "en"])
        #expect(again.text.contains("0 schools added, 0 changed, \(rowCount) unchanged"))

        // One bad cell refuses the whole file: exit 65, the error names row and column, nothing written.
        var lines = try String(contentsOfFile: schools, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        var cells = lines[1].components(separatedBy: ",")
        cells[cells.count - 10] = "很多"
        lines[1] = cells.joined(separator: ",")
        lines[2] = lines[2].replacingOccurrences(of: "乡村", with: "城区")
        let bad = try CommandRunner.write(lines.joined(separator: "\r\n"), to: "bad.csv", in: folder)
        let refused = try CommandRunner.run(["import", bad, "--database", database])
        #expect(refused.status == 65)
        #expect(refused.errorLines.contains { $0.hasPrefix("\(bad):2:") })
        let after = try CommandRunner.run(["import", schools, "--database", database, "--lang", "en"])
        #expect(after.text.contains("0 changed, \(rowCount) unchanged"))
    }

    @Test func userAddReadsThePasswordAndChecksTheRolesScope() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("j.sqlite").path
        let added = try CommandRunner.run(["user", "add", "王督学", "--role", "supervisor", "--county", "320281", "--county", "320282",
                                           "--cost", "4", "--database", database], stdin: "long-enough-pw\n")
        #expect(added.status == 0, "\(added.stderr)")
        let short = try CommandRunner.run(["user", "add", "x", "--role", "admin", "--cost", "4", "--database", database], stdin: "short\n")
        #expect(short.status == 64 && short.stderr.contains("at least 8"))
        let duplicate = try CommandRunner.run(["user", "add", "王督学", "--role", "admin", "--cost", "4", "--database", database], stdin: "long-enough-pw\n")
        #expect(duplicate.status == 64 && duplicate.stderr.contains("exists"))
        let noCounty = try CommandRunner.run(["user", "add", "p", "--role", "planner", "--cost", "4", "--database", database], stdin: "long-enough-pw\n")
        #expect(noCounty.status != 0 && noCounty.stderr.contains("planner needs exactly one county"))
        let list = try CommandRunner.run(["user", "list", "--database", database])
        #expect(list.text == "王督学\tsupervisor\t320281,320282\n")
    }

    @Test func importUnderAnAccountChecksItsScope() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("j.sqlite").path
        #expect(try CommandRunner.run(["demo", "--out", folder.path, "--counties", "2"]).status == 0)
        let schools = folder.appendingPathComponent("schools.csv").path
        _ = try CommandRunner.run(["user", "add", "p", "--role", "planner", "--county", "110101", "--cost", "4", "--database", database],
                                  stdin: "long-enough-pw\n")
        let refused = try CommandRunner.run(["import", schools, "--user", "p", "--database", database])
        #expect(refused.status == 64 && refused.stderr.contains("无权向县区"))
        let unknown = try CommandRunner.run(["import", schools, "--user", "nobody", "--database", database])
        #expect(unknown.status == 64)
    }
}
