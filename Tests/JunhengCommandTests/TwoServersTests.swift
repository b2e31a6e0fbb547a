import Demo
import Domain
import Foundation
import Interchange
import Storage
import StorageSQL
import Testing

/// Two `junheng serve` processes over one database serving the same county, as a province
/// runs them behind a load balancer: a session made on one is valid on the other, concurrent
/// edits of one school through both are serialised (none lost, the audit trail a chain), and
/// the sign-in throttle counts the failures of both. On SQLite and, when configured, PostgreSQL.
@Suite("Two servers over one database", .serialized)
struct TwoServersTests {
    static let password = "two-servers-pw"

    @Test(.timeLimit(.minutes(5)), arguments: E2EDatabase.kinds)
    func sessionsWritesAndTheThrottleAreShared(kind: E2EDatabase) async throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (location, drop) = try await kind.make(in: folder)
        do {
            try await check(location: location, folder: folder)
        } catch {
            try? await drop()
            throw error
        }
        try await drop()
    }

    private func check(location: String, folder: URL) async throws {
        #expect(try CommandRunner.run(["demo", "--out", folder.path, "--counties", "2", "--year", "2025"]).status == 0)
        let imported = try CommandRunner.run(["import", folder.appendingPathComponent("schools.csv").path, "--database", location])
        try #require(imported.status == 0, "import: \(imported.stderr)")
        let added = try CommandRunner.run(["user", "add", "admin", "--role", "admin", "--cost", "4", "--database", location],
                                          stdin: Self.password + "\n")
        try #require(added.status == 0, "user add: \(added.stderr)")
        let school = try #require(DemoGenerator(seed: 1, counties: 2, year: 2025).schools().first { $0.type == .primary })

        let a = try await ServerProcess(database: location, folder: folder, name: "a")
        let b = try await ServerProcess(database: location, folder: folder, name: "b")
        defer { a.stop(); b.stop() }

        // Sessions: signed in on A, used on B; signed out on B, gone on A.
        var onA = APIClient(base: a.base)
        try #require(try await onA.signIn("admin", Self.password).status == 200)
        let onB = onA.on(b)
        #expect(try await onB.request("GET", "/api/counties").status == 200)
        #expect(try await onB.request("POST", "/api/logout").status == 204)
        #expect(try await onA.request("GET", "/api/counties").status == 401)

        // Writes: 24 edits of one field of one school, half through each server, at once.
        try #require(try await onA.signIn("admin", Self.password).status == 200)
        let clients = [onA, onA.on(b)]
        let path = "/api/counties/\(school.countyCode)/schools/\(school.schoolCode)/years/2025"
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 1...24 {
                group.addTask {
                    let body = Data(#"{"computers": \#(5_000 + i)}"#.utf8)
                    return try await clients[i % 2].request("PATCH", path, body: body, contentType: "application/json").status
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: 24))
        let store = try await SQLStore.open(try DatabaseLocation(location))
        let entries = try await store.auditTrail(AuditQuery(schoolCode: school.schoolCode, limit: 1_000)).entries
            .filter { $0.field == "computers" }.reversed()
        let stored = try await store.schoolYear(county: school.countyCode, school: school.schoolCode, year: 2025)
        try await store.shutdown()
        // Every edit applied once, each on top of the one before: a chain, no lost update.
        #expect(entries.count == 24)
        var value = school.facilities.computers.map(String.init)
        for entry in entries {
            #expect(entry.oldValue == value, "entry \(entry.id) starts from \(entry.oldValue ?? "nil"), not \(value ?? "nil")")
            value = entry.newValue
        }
        #expect(stored?.facilities.computers.map(String.init) == value)
        #expect(Set(entries.compactMap(\.newValue)) == Set((1...24).map { String(5_000 + $0) }))

        // The throttle: 3 failures on A and 2 on B use up the 5 allowed for the account;
        // then even the right password is refused on both.
        for (server, times) in [(a, 3), (b, 2)] {
            var client = APIClient(base: server.base)
            for _ in 0..<times { #expect(try await client.signIn("admin", "wrong-password").status == 401) }
        }
        for server in [a, b] {
            var client = APIClient(base: server.base)
            let refused = try await client.signIn("admin", Self.password)
            #expect(refused.status == 429, "\(server.base): \(refused.status) \(refused.text)")
        }
    }
}
