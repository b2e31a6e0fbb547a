import Foundation
import Logging
import SQLKit
import Storage

/// The ``Storage/Store`` over SQL: SQLite (one file, embedded — the default) or PostgreSQL
/// (one database shared by several web servers), through one SQLKit implementation.
///
/// ```swift
/// let store = try await SQLStore.open(try DatabaseLocation("junheng.sqlite"))
/// defer { Task { try await store.shutdown() } }
/// let receipt = try await store.importData(batch, by: account, at: .now)
/// ```
///
/// Opening migrates the schema (see ``SchemaVersionError`` for a database newer than the
/// program). Every write is one transaction, its lock checks inside it; writes of school
/// data, locks and the trail run one at a time across every process using the database
/// (SQLite's write lock, or a PostgreSQL advisory lock), so what an import compared with is
/// still what it replaces. Errors are ``Storage/StoreError``s. Each aggregate's methods are in
/// `SQLStore+<Aggregate>.swift`.
public final class SQLStore: Store, Sendable {
    /// The database's connections.
    let connections: any SQLConnections
    let logger: Logger

    private init(connections: any SQLConnections, logger: Logger) {
        self.connections = connections
        self.logger = logger
    }

    /// Connects to the database at `location` — creating an SQLite file when missing — and
    /// applies the pending migrations.
    ///
    /// - Throws: ``SchemaVersionError`` when the database was migrated by a newer program;
    ///   ``Storage/StoreError/unavailable(_:)`` when it cannot be reached or opened.
    public static func open(_ location: DatabaseLocation, logger: Logger = Logger(label: "junheng.storage")) async throws -> SQLStore {
        let connections: any SQLConnections
        do {
            switch location {
            case .sqlite(let path):
                connections = try await SQLiteConnections.open(path: path, logger: logger)
            case .postgres(let url):
                let settings: PostgresSettings
                do { settings = try PostgresSettings(url: url) } catch {
                    throw StoreError.unavailable("not a PostgreSQL URL: \(location)")
                }
                connections = try await PostgresConnections.open(settings, logger: logger)
            }
        } catch {
            throw DatabaseFailure.storeError(error, context: "cannot open \(location)")
        }
        do {
            try await Migrator(logger: logger).migrate(connections)
        } catch {
            try? await connections.shutdown()
            throw DatabaseFailure.storeError(error, context: "cannot migrate \(location)")
        }
        logger.debug("database open", metadata: ["location": "\(location)", "schema": "\(Migrations.latest)"])
        return SQLStore(connections: connections, logger: logger)
    }

    /// Closes every connection. The store must not be used afterwards.
    public func shutdown() async throws {
        try await connections.shutdown()
    }

    // MARK: Running statements

    /// Runs `body` on a connection, statement by statement.
    func reading<R: Sendable>(_ body: (SQLSession) async throws -> R) async throws -> R {
        do {
            return try await connections.read(body)
        } catch {
            throw DatabaseFailure.storeError(error)
        }
    }

    /// Runs `body` in a read-only transaction (one state of the data).
    func snapshot<R: Sendable>(_ body: (SQLSession) async throws -> R) async throws -> R {
        do {
            return try await connections.snapshot(body)
        } catch {
            throw DatabaseFailure.storeError(error)
        }
    }

    /// Runs `body` in a write transaction; see ``SQLConnections/write(exclusive:_:)``.
    func writing<R: Sendable>(exclusive: Bool = true, _ body: (SQLSession) async throws -> R) async throws -> R {
        do {
            return try await connections.write(exclusive: exclusive, body)
        } catch {
            throw DatabaseFailure.storeError(error)
        }
    }
}
