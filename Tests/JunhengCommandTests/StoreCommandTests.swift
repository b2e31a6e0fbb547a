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
        #expect(try CommandRunner.run(["demo", "--out", folder.path, "--counties", "3"]).status == 0)
        #expect(try CommandRunner.run(["import", folder.appendingPathComponent("schools.csv").path, "--database", database]).status == 0)
        // A county or school the database does not have is refused: an account scoped to nothing.
        let unknown = try CommandRunner.run(["user", "add", "王督学", "--role", "supervisor", "--county", "371379", "--county", "320282",
                                             "--cost", "4", "--database", database], stdin: "long-enough-pw\n")
        #expect(unknown.status == 64 && unknown.stderr.contains("county 320282 has no data"))
        let otherSchool = try CommandRunner.run(["user", "add", "c", "--role", "clerk", "--county", "371379", "--school", "9999999999",
                                                 "--cost", "4", "--database", database], stdin: "long-enough-pw\n")
        #expect(otherSchool.status == 64 && otherSchool.stderr.contains("school 9999999999 is not a school of county 371379"))
        let added = try CommandRunner.run(["user", "add", "王督学", "--role", "supervisor", "--county", "371379", "--county", "430250",
                                           "--cost", "4", "--database", database], stdin: "long-enough-pw\n")
        #expect(added.status == 0, "\(added.stderr)")
        let short = try CommandRunner.run(["user", "add", "x", "--role", "admin", "--cost", "4", "--database", database], stdin: "short\n")
        #expect(short.status == 64 && short.stderr.contains("at least 8"))
        let duplicate = try CommandRunner.run(["user", "add", "王督学", "--role", "admin", "--cost", "4", "--database", database], stdin: "long-enough-pw\n")
        #expect(duplicate.status == 64 && duplicate.stderr.contains("exists"))
        let noCounty = try CommandRunner.run(["user", "add", "p", "--role", "planner", "--cost", "4", "--database", database], stdin: "long-enough-pw\n")
        #expect(noCounty.status != 0 && noCounty.stderr.contains("planner needs exactly one county"))
        let list = try CommandRunner.run(["user", "list", "--database", database])
        #expect(list.text == "王督学\tsupervisor\t371379,430250\n")
    }

    /// Without `--database`, `junheng user add` writes where the web server of the folder
    /// reads: ./junheng.sqlite, or the demo server's ./junheng-demo.sqlite when only it exists.
    @Test func userAddFindsTheDemoServersDatabase() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CommandRunner.run(["demo", "--out", folder.path, "--counties", "2"]).status == 0)
        let demo = folder.appendingPathComponent("junheng-demo.sqlite").path
        #expect(try CommandRunner.run(["import", folder.appendingPathComponent("schools.csv").path, "--database", demo]).status == 0)
        let added = try CommandRunner.run(["user", "add", "李规划", "--role", "planner", "--county", "451044", "--cost", "4"],
                                          stdin: "long-enough-pw\n", in: folder)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stderr.contains("junheng-demo.sqlite"))
        #expect(try CommandRunner.run(["user", "list", "--database", demo]).text == "李规划\tplanner\t451044\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("junheng.sqlite").path))
    }

    @Test func importUnderAnAccountChecksItsScope() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("j.sqlite").path
        #expect(try CommandRunner.run(["demo", "--out", folder.path, "--counties", "2"]).status == 0)
        let schools = folder.appendingPathComponent("schools.csv").path
        #expect(try CommandRunner.run(["import", schools, "--database", database]).status == 0)
        // A planner of one county may not import a file with another county's rows.
        _ = try CommandRunner.run(["user", "add", "p", "--role", "planner", "--county", "451044", "--cost", "4", "--database", database],
                                  stdin: "long-enough-pw\n")
        let refused = try CommandRunner.run(["import", schools, "--user", "p", "--database", database])
        #expect(refused.status == 64 && refused.stderr.contains("无权向县区"))
        let unknown = try CommandRunner.run(["import", schools, "--user", "nobody", "--database", database])
        #expect(unknown.status == 64)
    }
}
