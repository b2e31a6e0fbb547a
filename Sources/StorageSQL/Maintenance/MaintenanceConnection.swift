import Foundation
import Logging
import SQLiteNIO

/// One plain connection to an SQLite file for a backup or a restore — not the store's
/// connections: no migrations, no WAL switch, nothing written unless asked.
struct MaintenanceConnection {
    let connection: SQLiteConnection
    let path: String

    /// Opens the file at `path`, which must exist (SQLite would create it).
    static func open(_ path: String, logger: Logger) async throws -> MaintenanceConnection {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        let opened = MaintenanceConnection(connection: connection, path: path)
        do {
            // Another process's writer may hold the lock for a moment (a server importing).
            try await opened.run("PRAGMA busy_timeout = \(SQLiteConnections.busyTimeoutMilliseconds)")
        } catch {
            try? await connection.close()
            throw error
        }
        return opened
    }

    /// Opens `path`, hands the connection to `body` and closes it however `body` ends. A file
    /// that cannot be opened throws what `openFailure` makes of SQLite's message.
    static func using<T>(
        _ path: String, logger: Logger, openFailure: (String) -> MaintenanceError,
        _ body: (MaintenanceConnection) async throws -> T
    ) async throws -> T {
        let opened: MaintenanceConnection
        do {
            opened = try await open(path, logger: logger)
        } catch {
            throw openFailure(DatabaseFailure.describe(error))
        }
        do {
            let result = try await body(opened)
            await opened.close()
            return result
        } catch {
            await opened.close()
            throw error
        }
    }

    /// Seals a copy (a backup being written or restored) as one self-contained file: sound by
    /// `PRAGMA integrity_check` (else damaged, under `name`), of the schema version `version`
    /// accepts, out of WAL mode. Returns what the copy holds.
    func seal(named name: String, version: (Int?) throws -> Int) async throws -> SQLiteCopySummary {
        let problems = await integrityProblems()
        guard problems.isEmpty else { throw MaintenanceError(kind: .damaged(name, problems)) }
        let schemaVersion = try version(try await junhengSchemaVersion())
        guard try await leaveWAL() else {
            throw MaintenanceError(kind: .cannotWrite(path, "the copy could not leave WAL mode"))
        }
        return try await summary(schemaVersion: schemaVersion)
    }

    /// Runs `sql`; returns its rows.
    @discardableResult
    func run(_ sql: String, _ binds: [SQLiteData] = []) async throws -> [SQLiteRow] {
        try await connection.query(sql, binds)
    }

    func close() async {
        try? await connection.close()
    }

    /// What `PRAGMA integrity_check` finds; empty when the file is sound. A file too damaged
    /// to check is one problem, SQLite's message.
    func integrityProblems() async -> [String] {
        do {
            let rows = try await run("PRAGMA integrity_check")
            let lines = rows.compactMap { $0.columns.first?.data.string }
            return lines == ["ok"] ? [] : lines
        } catch {
            return [DatabaseFailure.describe(error)]
        }
    }

    /// The schema version recorded by the migrations, or `nil` when the file lacks any of
    /// Junheng's core tables (it is some other SQLite database).
    func junhengSchemaVersion() async throws -> Int? {
        let names = Set(try await run("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0.column("name")?.string })
        let core = [Tables.schemaMigrations, SchoolYearsTable.name, Tables.auditEntries, Tables.accounts]
        guard core.allSatisfy(names.contains) else { return nil }
        let row = try await run("SELECT MAX(version) AS version FROM \(Tables.schemaMigrations)").first
        return row?.column("version")?.integer.map { Int($0) }
    }

    /// How many rows `table` has (for the report of a backup or restore).
    func count(_ table: String) async throws -> Int {
        let row = try await run("SELECT COUNT(*) AS n FROM \(SQLSession.quoted(table))").first
        return row?.column("n")?.integer.map { Int($0) } ?? 0
    }

    /// Leaves WAL mode, so the file holds everything on its own (no `-wal` beside it).
    /// SQLite refuses while another connection has the file open: returns whether it left.
    func leaveWAL() async throws -> Bool {
        let mode = try await run("PRAGMA journal_mode = DELETE").first?.columns.first?.data.string
        return mode?.lowercased() == "delete"
    }
}

/// What a backup or a restore copied.
public struct SQLiteCopySummary: Sendable, Hashable {
    /// The schema version of the copy.
    public var schemaVersion: Int
    /// School rows (all years).
    public var schoolRows: Int
    /// Audit trail entries.
    public var auditEntries: Int
    /// The copy's size in bytes.
    public var bytes: Int
}

extension MaintenanceConnection {
    /// The summary of the file, once checked.
    func summary(schemaVersion: Int) async throws -> SQLiteCopySummary {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return SQLiteCopySummary(
            schemaVersion: schemaVersion, schoolRows: try await count(SchoolYearsTable.name),
            auditEntries: try await count(Tables.auditEntries), bytes: size
        )
    }
}
