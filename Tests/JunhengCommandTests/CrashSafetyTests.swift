import Demo
import Domain
import Foundation
import Interchange
import Logging
import SQLKit
import Storage
@testable import StorageSQL
import Testing

/// `kill -9` of `junheng serve` while it imports a large schools file through the web API,
/// at several moments — before the transaction, inside it (seen through the database's write
/// lock), and after the answer — then a restart on the same database. Whatever the moment,
/// the database opens and migrates, the batch is there whole (with its audit entries) or not
/// at all, and no audit entry names a row that does not exist. On SQLite and, when
/// configured, PostgreSQL.
@Suite("Crash safety of the server", .serialized)
struct CrashSafetyTests {
    /// When the server is killed.
    enum Moment: CustomStringConvertible {
        /// This long after the request is sent (0: before the file is even read).
        case after(milliseconds: Int)
        /// As soon as the import's write transaction is seen open, plus this long.
        case inTransaction(milliseconds: Int)
        /// After the server answered 200 (committed).
        case afterAnswer

        var description: String {
            switch self {
            case .after(let ms): "\(ms) ms after the request"
            case .inTransaction(let ms): "\(ms) ms into the write transaction"
            case .afterAnswer: "after the answer"
            }
        }
    }

    /// What a killed import left.
    enum Outcome: Equatable { case nothing, everything }

    static let password = "crash-test-pw"

    @Test(.timeLimit(.minutes(10)), arguments: E2EDatabase.kinds)
    func killDuringAWebImportLeavesAllOrNothing(kind: E2EDatabase) async throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A large valid file: 60 demo counties, ~2,600 schools.
        #expect(try CommandRunner.run(["demo", "--out", folder.path, "--counties", "60", "--year", "2025"]).status == 0)
        let csv = try Data(contentsOf: folder.appendingPathComponent("schools.csv"))
        let expected = Set(DemoGenerator(seed: 1, counties: 60, year: 2025).schools().map { RowKey($0) })
        let rowCount = String(decoding: csv, as: UTF8.self).split(whereSeparator: \.isNewline).count - 1
        try #require(rowCount == expected.count, "the demo command and the generator agree")

        // First kill after the answer, which also times the request; then the other moments.
        let (committed, requestSeconds) = try await round(kind, .afterAnswer, csv: csv, expected: expected, folder: folder)
        #expect(committed == .everything, "an answered import is durable")
        let middle = Int(requestSeconds * 500), late = Int(requestSeconds * 900)
        var outcomes: [String] = []
        for moment: Moment in [.after(milliseconds: 0), .inTransaction(milliseconds: 0), .inTransaction(milliseconds: 25), .inTransaction(milliseconds: 150),
                               .after(milliseconds: middle), .after(milliseconds: late)] {
            let (outcome, _) = try await round(kind, moment, csv: csv, expected: expected, folder: folder)
            outcomes.append("\(moment): \(outcome)")
        }
        print("crash safety (\(kind), \(rowCount) rows, request \(String(format: "%.2f", requestSeconds)) s): " + outcomes.joined(separator: "; "))
    }

    /// One fresh database, one server, one import killed at `moment`, one restart; returns
    /// what the import left and how long the request took (until the answer or the kill).
    private func round(_ kind: E2EDatabase, _ moment: Moment, csv: Data, expected: Set<RowKey>, folder: URL) async throws -> (Outcome, Double) {
        let (location, drop) = try await kind.make(in: folder)
        do {
            let result = try await round(kind, moment, csv: csv, expected: expected, folder: folder, location: location)
            try await drop()
            return result
        } catch {
            try? await drop()
            throw error
        }
    }

    private func round(_ kind: E2EDatabase, _ moment: Moment, csv: Data, expected: Set<RowKey>, folder: URL,
                       location: String) async throws -> (Outcome, Double) {
        let added = try CommandRunner.run(["user", "add", "admin", "--role", "admin", "--cost", "4", "--database", location],
                                          stdin: Self.password + "\n")
        try #require(added.status == 0, "user add: \(added.stderr)")

        let server = try await ServerProcess(database: location, folder: folder, name: "crash")
        var client = APIClient(base: server.base)
        try #require(try await client.signIn("admin", Self.password).status == 200)
        let sender = client
        let start = Date()
        let request = Task {
            try await sender.request("POST", "/api/import?kind=schools&filename=schools.csv", body: csv, contentType: "text/csv")
        }
        switch moment {
        case .after(let ms):
            try await Task.sleep(for: .milliseconds(ms))
        case .inTransaction(let ms):
            try await waitForWriteTransaction(kind, location: location, server: server)
            if ms > 0 { try await Task.sleep(for: .milliseconds(ms)) }
        case .afterAnswer:
            let answer = try await request.value
            #expect(answer.status == 200, "import answered \(answer.status): \(answer.text)")
        }
        server.kill()
        let seconds = Date().timeIntervalSince(start)
        _ = try? await request.value  // the connection dropped

        // The server starts again on the same database (opening migrates), and the session
        // made before the crash is still valid.
        let restarted = try await ServerProcess(database: location, folder: folder, name: "restart")
        let counties = try await client.on(restarted).request("GET", "/api/counties")
        #expect(counties.status == 200, "\(moment): after the restart: \(counties.status) \(restarted.logText.suffix(2000))")
        restarted.stop()

        let outcome = try await inspect(location, expected: expected, moment: moment)
        return (outcome, seconds)
    }

    /// Polls until the server's import holds the database's write lock (or fails after a minute).
    private func waitForWriteTransaction(_ kind: E2EDatabase, location: String, server: ServerProcess) async throws {
        let deadline = Date().addingTimeInterval(60)
        switch kind {
        case .sqlite:
            while Date() < deadline {
                if WriteTransactionProbe.sqliteWriterActive(location) { return }
                usleep(500)
            }
        case .postgres:
            let name = String(URLComponents(string: location)!.path.dropFirst())
            var seen = false
            try await E2EDatabase.admin(E2EDatabase.postgresURL!) { sql in
                while Date() < deadline {
                    if try await WriteTransactionProbe.postgresWriterActive(sql, database: name) { seen = true; return }
                }
            }
            if seen { return }
        }
        Issue.record("the import's write transaction was never seen open:\n\(server.logText.suffix(2000))")
        throw CancellationError()
    }

    /// Opens the database as the store does (migrating) and checks all or nothing.
    private func inspect(_ location: String, expected: Set<RowKey>, moment: Moment) async throws -> Outcome {
        let store = try await SQLStore.open(try DatabaseLocation(location))
        let rows = try await store.schoolYears(year: 2025, counties: nil)
        let trail = try await store.auditTrail(AuditQuery(limit: 1_000_000)).entries
        try await store.shutdown()
        let keys = Set(rows.map { RowKey($0) })
        let added = trail.filter { $0.action == .addRow }
        let files = trail.filter { $0.action == .importFile }
        // No entry names a row that is not there.
        for entry in trail {
            if let school = entry.schoolCode {
                #expect(keys.contains(RowKey(year: entry.year, schoolCode: school)), "\(moment): audit entry \(entry.id) names a missing row")
            }
        }
        if keys.isEmpty {
            #expect(trail.isEmpty, "\(moment): no rows but \(trail.count) audit entries")
            return .nothing
        }
        #expect(keys == expected, "\(moment): \(keys.count) of \(expected.count) rows")
        #expect(Set(added.map { RowKey(year: $0.year, schoolCode: $0.schoolCode ?? "") }) == expected && added.count == expected.count,
                "\(moment): \(added.count) add_row entries for \(expected.count) rows")
        #expect(files.count == Set(rows.map(\.countyCode)).count, "\(moment): one import entry per county and year")
        return .everything
    }
}
