import Foundation
import Logging
import SQLKit
@testable import StorageSQL

/// A throwaway SQL database for one test: a new SQLite file in its own temporary folder,
/// or a new schema in the PostgreSQL test database (Swift Testing runs tests in parallel,
/// so none may share tables).
struct TestDatabase: Sendable {
    /// Where the store opens it.
    let location: DatabaseLocation
    /// Removes it.
    let drop: @Sendable () async throws -> Void

    static func make(_ kind: StoreKind) async throws -> TestDatabase {
        switch kind {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("junheng-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return TestDatabase(location: .sqlite(path: folder.appendingPathComponent("store.sqlite").path)) {
                try? FileManager.default.removeItem(at: folder)
            }
        case .postgres:
            return try await PostgresTestDatabase.makeSchema()
        case .memory:
            preconditionFailure("not an SQL store")
        }
    }

    /// A second store on the same database (another server sharing it).
    func open() async throws -> SQLStore {
        try await SQLStore.open(location)
    }
}

/// The PostgreSQL server of `JUNHENG_TEST_POSTGRES_URL`.
enum PostgresTestDatabase {
    static let urlVariable = "JUNHENG_TEST_POSTGRES_URL"
    static let requireVariable = "JUNHENG_REQUIRE_POSTGRES"

    static var url: String? {
        ProcessInfo.processInfo.environment[urlVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var isRequired: Bool { ProcessInfo.processInfo.environment[requireVariable] == "1" }

    /// Whether PostgreSQL tests run (and fail without a server when required).
    static var isConfigured: Bool { url != nil || isRequired }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "\(requireVariable)=1 but \(urlVariable) is not set" }
    }

    /// A new schema, and a location whose connections use it (`options=-c search_path=…`).
    static func makeSchema() async throws -> TestDatabase {
        guard let url else { throw Missing() }
        let schema = "junheng_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await admin(url) { try await $0.raw("CREATE SCHEMA \(ident: schema)").run() }
        var parts = URLComponents(string: url)!
        parts.percentEncodedQueryItems = (parts.percentEncodedQueryItems ?? [])
            + [URLQueryItem(name: "options", value: "-c%20search_path%3D\(schema)")]
        return TestDatabase(location: .postgres(url: parts.string!)) {
            try await admin(url) { try await $0.raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
        }
    }

    /// Runs `body` on a connection to the test database's default schema.
    static func admin(_ url: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        let connections: PostgresConnections
        do {
            connections = try await PostgresConnections.open(try PostgresSettings(url: url), logger: Logger(label: "junheng.test"))
        } catch {
            throw DatabaseFailure.storeError(error, context: "test database \(PostgresSettings.redacted(url))")
        }
        do {
            try await connections.write(exclusive: false) { try await body($0.sql) }
        } catch {
            try? await connections.shutdown()
            throw DatabaseFailure.storeError(error)
        }
        try await connections.shutdown()
    }
}
