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
        return try await FileDurability.replace(destination) { staging in
            let version = try await writeCopy(of: database, to: staging)
            return try await check(staging, expectedVersion: version)
        }
    }

    /// `VACUUM INTO` from one read transaction; returns the source's schema version.
    private func writeCopy(of database: String, to staging: String) async throws -> Int {
        let notSQLite = { MaintenanceError(kind: .notSQLite(database, $0)) }
        return try await MaintenanceConnection.using(database, logger: logger, openFailure: notSQLite) { source in
            let version: Int?
            do { version = try await source.junhengSchemaVersion() } catch { throw notSQLite(DatabaseFailure.describe(error)) }
            guard let version else { throw MaintenanceError(kind: .notJunheng(database)) }
            do {
                try await source.run("VACUUM INTO ?", [.text(staging)])
            } catch {
                throw MaintenanceError(kind: .cannotWrite(staging, DatabaseFailure.describe(error)))
            }
            return version
        }
    }

    /// Checks the copy and makes it one self-contained file.
    private func check(_ staging: String, expectedVersion: Int) async throws -> SQLiteCopySummary {
        try await MaintenanceConnection.using(staging, logger: logger, openFailure: { MaintenanceError(kind: .damaged(staging, [$0])) }) { copy in
            try await copy.seal(named: staging) { version in
                guard version == expectedVersion else {
                    throw MaintenanceError(kind: .damaged(staging, ["schema version \(version.map(String.init) ?? "none") in the copy, \(expectedVersion) in the database"]))
                }
                return expectedVersion
            }
        }
    }
}
