import Foundation
import Logging
import SQLiteNIO

/// A consistent copy of a live SQLite database, for `junheng backup`.
///
/// ```swift
/// let summary = try await SQLiteBackup(logger: logger).copy(database: "junheng.sqlite", to: "2025-06-30.sqlite")
/// ```
///
/// `VACUUM INTO` writes the copy from one read transaction: in WAL mode a server keeps
/// writing meanwhile and the copy holds the database exactly as it was when the copy began —
/// every import whole or not at all. The copy is written beside the destination under a
/// temporary name, checked (`PRAGMA integrity_check`, the same schema version as the
/// source), taken out of WAL mode so it is one self-contained file, flushed to disk, and only
/// then renamed onto the destination: a failed or interrupted backup never leaves a file
/// under the destination's name, nor replaces an earlier backup there.
public struct SQLiteBackup: Sendable {
    let logger: Logger

    public init(logger: Logger = Logger(label: "junheng.backup")) {
        self.logger = logger
    }

    /// Copies the Junheng database at `database` to `destination` (replacing a file there).
    ///
    /// - Throws: ``MaintenanceError``: usage (no database, destination is the database), bad
    ///   input (not a sound Junheng database), cannot write (the destination's folder).
    public func copy(database: String, to destination: String) async throws -> SQLiteCopySummary {
        try SQLiteFileHeader.check(database, length: false)
        let source = FileDurability.canonical(database)
        if ["", "-wal", "-shm", "-journal"].contains(where: { source + $0 == FileDurability.canonical(destination) }) {
            throw MaintenanceError(kind: .samePath(destination))
        }
        let staging = FileDurability.stagingPath(beside: destination)
        do {
            let version = try await writeCopy(of: database, to: staging)
            let summary = try await check(staging, expectedVersion: version)
            try FileDurability.replace(destination, with: staging)
            return summary
        } catch {
            FileDurability.removeDatabase(staging)
            throw error
        }
    }

    /// `VACUUM INTO` from one read transaction; returns the source's schema version.
    private func writeCopy(of database: String, to staging: String) async throws -> Int {
        let source: MaintenanceConnection
        do {
            source = try await MaintenanceConnection.open(database, logger: logger)
        } catch {
            throw MaintenanceError(kind: .notSQLite(database, DatabaseFailure.describe(error)))
        }
        do {
            let version: Int?
            do { version = try await source.junhengSchemaVersion() } catch {
                throw MaintenanceError(kind: .notSQLite(database, DatabaseFailure.describe(error)))
            }
            guard let version else { throw MaintenanceError(kind: .notJunheng(database)) }
            do {
                try await source.run("VACUUM INTO ?", [.text(staging)])
            } catch {
                throw MaintenanceError(kind: .cannotWrite(staging, DatabaseFailure.describe(error)))
            }
            await source.close()
            return version
        } catch {
            await source.close()
            throw error
        }
    }

    /// Checks the copy and makes it one self-contained file.
    private func check(_ staging: String, expectedVersion: Int) async throws -> SQLiteCopySummary {
        let copy = try await MaintenanceConnection.open(staging, logger: logger)
        do {
            let problems = await copy.integrityProblems()
            guard problems.isEmpty else { throw MaintenanceError(kind: .damaged(staging, problems)) }
            let version = try await copy.junhengSchemaVersion()
            guard version == expectedVersion else {
                throw MaintenanceError(kind: .damaged(staging, ["schema version \(version.map(String.init) ?? "none") in the copy, \(expectedVersion) in the database"]))
            }
            guard try await copy.leaveWAL() else {
                throw MaintenanceError(kind: .cannotWrite(staging, "the copy could not leave WAL mode"))
            }
            let summary = try await copy.summary(schemaVersion: expectedVersion)
            await copy.close()
            return summary
        } catch {
            await copy.close()
            throw error
        }
    }
}
