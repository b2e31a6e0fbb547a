import Demo
import Domain
import Foundation
import Interchange
import Logging
import Storage
@testable import StorageSQL
import Testing

/// `junheng backup` and `junheng restore` on SQLite files: a round trip brings the data and
/// the audit trail back as they were; a backup taken while imports run holds each import
/// whole or not at all; restore refuses files that are not sound Junheng databases, a newer
/// schema, and a database in use; PostgreSQL is sent to pg_dump / pg_restore.
@Suite("backup and restore commands")
struct BackupCommandTests {
    /// The rows (all years) and the whole trail of the database at `path`.
    static func contents(_ path: String) async throws -> (rows: [SchoolYear], trail: [AuditEntry], accounts: [String]) {
        let store = try await SQLStore.open(.sqlite(path: path))
        var rows: [SchoolYear] = []
        for year in Set(try await store.counties().flatMap(\.years)).sorted() {
            rows += try await store.schoolYears(year: year, counties: nil)
        }
        let trail = try await store.auditTrail(AuditQuery(limit: 1_000_000)).entries
        let accounts = try await store.accounts().map(\.name)
        try await store.shutdown()
        return (rows, trail, accounts)
    }

    @Test func roundTripBringsBackTheDataAndTheTrail() async throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("j.sqlite").path
        let backup = folder.appendingPathComponent("backup.sqlite").path
        #expect(try CommandRunner.run(["demo", "--out", folder.path, "--counties", "3"]).status == 0)
        let schools = folder.appendingPathComponent("schools.csv").path
        #expect(try CommandRunner.run(["import", schools, "--facts", folder.appendingPathComponent("facts.csv").path,
                                       "--database", database]).status == 0)
        #expect(try CommandRunner.run(["user", "add", "planner1", "--role", "planner", "--county", "371379", "--cost", "4",
                                       "--database", database], stdin: "long-enough-pw\n").status == 0)
        let before = try await Self.contents(database)

        let copied = try CommandRunner.run(["backup", "--out", backup, "--database", database])
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(copied.text.contains("\(before.rows.count) school rows, \(before.trail.count) audit entries"))

        // Change the data after the backup: a re-import with other values, another account.
        let text = try String(contentsOfFile: schools, encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].components(separatedBy: ",")
        let column = try #require(header.firstIndex { $0 == "计算机台数" || $0 == "computers" }, "computers column in \(header)")
        for index in 1..<min(lines.count, 20) {
            var cells = lines[index].components(separatedBy: ",")
            cells[column] = String(900 + index)
            lines[index] = cells.joined(separator: ",")
        }
        let changed = try CommandRunner.write(lines.joined(separator: "\n"), to: "changed.csv", in: folder)
        let reimport = try CommandRunner.run(["import", changed, "--database", database])
        #expect(reimport.status == 0, "\(reimport.stderr)")
        #expect(try CommandRunner.run(["user", "add", "late", "--role", "admin", "--cost", "4", "--database", database],
                                      stdin: "long-enough-pw\n").status == 0)
        let after = try await Self.contents(database)
        #expect(after.rows != before.rows && after.trail.count > before.trail.count)

        let restored = try CommandRunner.run(["restore", backup, "--database", database])
        #expect(restored.status == 0, "\(restored.stderr)")
        let back = try await Self.contents(database)
        #expect(back.rows == before.rows)
        #expect(back.trail == before.trail)
        #expect(back.accounts == before.accounts)
        // The restored database is a working one: commands open it and write to it.
        #expect(try CommandRunner.run(["import", changed, "--database", database]).status == 0)
    }

    @Test func aBackupWhileImportsRunHoldsEachImportWholeOrNotAtAll() async throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("j.sqlite").path
        #expect(try CommandRunner.run(["demo", "--out", folder.path, "--counties", "12"]).status == 0)
        // One file per county, imported one after another by a separate process.
        let lines = try String(contentsOf: folder.appendingPathComponent("schools.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init)
        let byCounty = Dictionary(grouping: lines.dropFirst()) { $0.components(separatedBy: ",")[1] }
        let rows = DemoGenerator(seed: 1, counties: 12, year: 2025).schools()
        let perCounty = Dictionary(grouping: rows, by: \.countyCode).mapValues(\.count)
        try #require(Set(byCounty.keys) == Set(perCounty.keys), "column 2 is the county code")
        var files: [String] = []
        for (county, countyLines) in byCounty.sorted(by: { $0.key < $1.key }) {
            files.append(try CommandRunner.write(([lines[0]] + countyLines).joined(separator: "\n"), to: "\(county).csv", in: folder))
        }
        #expect(try CommandRunner.run(["user", "list", "--database", database]).status == 0)  // creates and migrates

        let importer = Process()
        importer.executableURL = URL(fileURLWithPath: "/bin/sh")
        importer.arguments = ["-c", files.map { "'\(CommandRunner.binary.path)' import '\($0)' --database '\(database)' >/dev/null" }
            .joined(separator: " && ")]
        try importer.run()
        var backups: [String] = []
        while importer.isRunning || backups.isEmpty {
            let backup = folder.appendingPathComponent("b\(backups.count).sqlite").path
            let copied = try CommandRunner.run(["backup", "--out", backup, "--database", database])
            #expect(copied.status == 0, "\(copied.stderr)")
            backups.append(backup)
        }
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)

        var counts: [Int] = []
        for backup in backups {
            let (stored, trail, _) = try await Self.contents(backup)
            let storedPerCounty = Dictionary(grouping: stored, by: \.countyCode).mapValues(\.count)
            for (county, count) in storedPerCounty {
                #expect(count == perCounty[county], "\(backup): \(count) of \(perCounty[county] ?? 0) rows of \(county)")
            }
            let imported = Set(trail.filter { $0.action == .importFile }.map(\.countyCode))
            #expect(imported == Set(storedPerCounty.keys), "\(backup): the trail's imports are the counties with rows")
            #expect(trail.filter { $0.action == .addRow }.count == stored.count)
            counts.append(storedPerCounty.count)
        }
        #expect(counts == counts.sorted(), "later backups hold at least the counties of earlier ones")
        print("backups while importing: counties per backup \(counts)")
    }

    @Test func restoreRefusesWhatIsNotASoundJunhengDatabase() async throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("j.sqlite").path
        let backup = folder.appendingPathComponent("backup.sqlite").path
        #expect(try CommandRunner.run(["demo", "--out", folder.path, "--counties", "2"]).status == 0)
        #expect(try CommandRunner.run(["import", folder.appendingPathComponent("schools.csv").path, "--database", database]).status == 0)
        #expect(try CommandRunner.run(["backup", "--out", backup, "--database", database]).status == 0)
        let before = try await Self.contents(database)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: backup))

        let text = try CommandRunner.write("school_code,name\n1,x\n", to: "not-a-database.sqlite", in: folder)
        let truncated = folder.appendingPathComponent("truncated.sqlite").path
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
        let newer = folder.appendingPathComponent("newer.sqlite").path
        try bytes.write(to: URL(fileURLWithPath: newer))
        let connection = try await MaintenanceConnection.open(newer, logger: Logger(label: "test"))
        try await connection.run("INSERT INTO schema_migrations (version, applied_at) VALUES (?, 0)", [.integer(Migrations.latest + 1)])
        await connection.close()
        let foreign = folder.appendingPathComponent("foreign.sqlite").path
        let other = try await MaintenanceConnection.open(foreign, logger: Logger(label: "test"))
        try await other.run("CREATE TABLE notes (body TEXT)")
        await other.close()

        for (file, message) in [(text, "not an SQLite database"), (truncated, "truncated"),
                                (newer, "newer than this program's"), (foreign, "not Junheng's")] {
            let refused = try CommandRunner.run(["restore", file, "--database", database])
            #expect(refused.status == 65, "\(file): \(refused.status) \(refused.stderr)")
            #expect(refused.stderr.contains(message), "\(file): \(refused.stderr)")
        }
        let missing = try CommandRunner.run(["restore", folder.appendingPathComponent("nope.sqlite").path, "--database", database])
        #expect(missing.status == 64 && missing.stderr.contains("no such file"))
        // Nothing was replaced, and no partial copy was left beside the database.
        #expect(try await Self.contents(database).rows == before.rows)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func restoreRefusesADatabaseInUseAndBackupRefusesPostgres() async throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("j.sqlite").path
        let backup = folder.appendingPathComponent("backup.sqlite").path
        #expect(try CommandRunner.run(["user", "list", "--database", database]).status == 0)
        #expect(try CommandRunner.run(["backup", "--out", backup, "--database", database]).status == 0)

        // Open in this process (another process to the command), as a running server holds it.
        let store = try await SQLStore.open(.sqlite(path: database))
        let refused = try CommandRunner.run(["restore", backup, "--database", database])
        #expect(refused.status == 73 && refused.stderr.contains("open in another process"), "\(refused.status) \(refused.stderr)")
        try await store.shutdown()
        #expect(try CommandRunner.run(["restore", backup, "--database", database]).status == 0)

        let unwritable = try CommandRunner.run(["backup", "--out", "/nonexistent-folder/b.sqlite", "--database", database])
        #expect(unwritable.status == 73, "\(unwritable.stderr)")
        let onto = try CommandRunner.run(["backup", "--out", database, "--database", database])
        #expect(onto.status == 64)
        let noDatabase = try CommandRunner.run(["backup", "--out", backup, "--database", folder.appendingPathComponent("none.sqlite").path])
        #expect(noDatabase.status == 64 && noDatabase.stderr.contains("no such file"))

        for command in [["backup", "--out", backup], ["restore", backup]] {
            let postgres = try CommandRunner.run(command + ["--database", "postgres://junheng:secret@db.example/junheng"])
            #expect(postgres.status == 64)
            #expect(postgres.stderr.contains("pg_dump") && postgres.stderr.contains("pg_restore") && !postgres.stderr.contains("secret"))
        }
    }
}
