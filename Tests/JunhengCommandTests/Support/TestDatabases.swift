import Foundation
import Logging
import SQLKit
import Storage
@testable import StorageSQL
import Testing

/// A fresh database for an end-to-end test: an SQLite file in the test's folder, or a new
/// PostgreSQL database on the server of `JUNHENG_TEST_POSTGRES_URL` (a database, not a
/// schema: the tests look for the writers' advisory lock, which PostgreSQL keeps per database).
enum E2EDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static let urlVariable = "JUNHENG_TEST_POSTGRES_URL"
    static let requireVariable = "JUNHENG_REQUIRE_POSTGRES"

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment[urlVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The kinds this run tests: PostgreSQL when configured, or required (then a missing
    /// server fails the test instead of skipping it), as the store's own tests do.
    static var kinds: [E2EDatabase] {
        postgresURL != nil || ProcessInfo.processInfo.environment[requireVariable] == "1" ? [.sqlite, .postgres] : [.sqlite]
    }

    var testDescription: String { rawValue }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "\(E2EDatabase.requireVariable)=1 but \(E2EDatabase.urlVariable) is not set" }
    }

    /// A new empty database: its `--database` text, and how to drop it.
    func make(in folder: URL) async throws -> (location: String, drop: @Sendable () async throws -> Void) {
        switch self {
        case .sqlite:
            return (folder.appendingPathComponent("junheng-\(UUID().uuidString.prefix(8)).sqlite").path, {})
        case .postgres:
            guard let url = Self.postgresURL else { throw Missing() }
            let name = "junheng_e2e_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            try await Self.admin(url) { try await $0.raw("CREATE DATABASE \(ident: name)").run() }
            var parts = URLComponents(string: url)!
            parts.path = "/" + name
            return (parts.string!, {
                try await Self.admin(url) { try await $0.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run() }
            })
        }
    }

    /// Runs `body` on a plain connection to the test server's database.
    static func admin(_ url: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        let connections = try await PostgresConnections.open(try PostgresSettings(url: url), logger: Logger(label: "junheng.test"))
        do {
            try await connections.read { try await body($0.sql) }
        } catch {
            try? await connections.shutdown()
            throw error
        }
        try await connections.shutdown()
    }
}
