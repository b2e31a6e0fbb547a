import Foundation
import Logging
import SQLiteNIO

/// Replaces an SQLite database with a backup, for `junheng restore`.
///
/// ```swift
/// let summary = try await SQLiteRestore(logger: logger).replace(database: "junheng.sqlite", with: "2025-06-30.sqlite")
/// ```
///
/// The backup is checked on a copy beside the database, never in place: an SQLite header
/// and a length that matches it, `PRAGMA integrity_check`, Junheng's tables, and a schema
/// version this program knows (an older one is migrated when the database is next opened).
/// Then the database, if any, is checkpointed and taken out of WAL mode — which SQLite
/// refuses while another connection has it open — and the checked copy is renamed onto it:
/// a crash at any point leaves the old database or the new one, whole.
///
/// No server may use the database while it is replaced: a running server would keep
/// writing into the replaced file's inode, and its WAL would be read against the new one.
/// Restoring refuses when another process has the database open (``SQLiteOpenCheck``, and
/// SQLite's own refusal to leave WAL mode); servers must be stopped first and started after.
public struct SQLiteRestore: Sendable {
    let logger: Logger

    public init(logger: Logger = Logger(label: "junheng.restore")) {
        self.logger = logger
    }

    /// Replaces the database at `database` (created when missing) with the backup at `backup`.
    ///
    /// - Throws: ``MaintenanceError``: usage (no backup file, the backup is the database),
    ///   bad input (not a sound Junheng database, or a newer schema), cannot write (the
    ///   database is in use, or its folder refuses the copy).
    public func replace(database: String, with backup: String) async throws -> SQLiteCopySummary {
        try SQLiteFileHeader.check(backup)
        if FileDurability.canonical(backup) == FileDurability.canonical(database) {
            throw MaintenanceError(kind: .samePath(database))
        }
        let exists = FileManager.default.fileExists(atPath: database)
        if exists, let pid = SQLiteOpenCheck.holder(of: database) {
            throw MaintenanceError(kind: .inUse(database, pid: pid > 0 ? pid : nil))
        }
        return try await FileDurability.replace(database) { staging in
            do {
                try FileManager.default.copyItem(atPath: backup, toPath: staging)
            } catch {
                throw MaintenanceError(kind: .cannotWrite(database, "cannot copy the backup beside it: \(error.localizedDescription)"))
            }
            let summary = try await check(staging, named: backup)
            if exists { try await retire(database) }
            return summary
        }
    }

    /// Checks the staged copy of `backup` and makes it one self-contained file; any failure
    /// that is not already a maintenance error is the backup's damage.
    private func check(_ staging: String, named backup: String) async throws -> SQLiteCopySummary {
        do {
            return try await MaintenanceConnection.using(
                staging, logger: logger, openFailure: { MaintenanceError(kind: .notSQLite(backup, $0)) }
            ) { copy in
                try await copy.seal(named: backup) { version in
                    guard let version else { throw MaintenanceError(kind: .notJunheng(backup)) }
                    guard version <= Migrations.latest else {
                        throw MaintenanceError(kind: .newerSchema(backup, database: version, program: Migrations.latest))
                    }
                    return version
                }
            }
        } catch let error as MaintenanceError {
            throw error
        } catch {
            throw MaintenanceError(kind: .damaged(backup, [DatabaseFailure.describe(error)]))
        }
    }

    /// Folds the database's WAL into it and leaves WAL mode, so no `-wal` of the old
    /// database outlives the rename (SQLite would replay it onto the new file). SQLite
    /// refuses while any other connection is open: that is the in-use check that holds.
    private func retire(_ database: String) async throws {
        let left = try await MaintenanceConnection.using(
            database, logger: logger,
            openFailure: { MaintenanceError(kind: .cannotWrite(database, "cannot open the database to replace: \($0)")) }
        ) { old in
            do {
                try await old.run("PRAGMA wal_checkpoint(TRUNCATE)")
                return try await old.leaveWAL()
            } catch {
                throw MaintenanceError(kind: .cannotWrite(database, "the database to replace is not a usable SQLite file (\(DatabaseFailure.describe(error))); remove it first"))
            }
        }
        guard left else { throw MaintenanceError(kind: .inUse(database, pid: nil)) }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
    }
}
