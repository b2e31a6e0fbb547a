import Foundation
import SQLKit
import Testing

/// Whether a server is inside a write transaction on its database — so a test can kill it
/// exactly then, rather than after a guessed delay.
///
/// SQLite (WAL mode): a writer holds a POSIX lock on byte 120 of the `-shm` file (the WAL
/// write lock of the unix VFS) from `BEGIN IMMEDIATE` to `COMMIT`; F_GETLK asks whether
/// another process holds it without taking it. PostgreSQL: the store's exclusive writers
/// hold a transaction-scoped advisory lock, visible in `pg_locks` for that database.
enum WriteTransactionProbe {
    /// Whether another process holds the WAL write lock of the SQLite file at `path`.
    static func sqliteWriterActive(_ path: String) -> Bool {
        let descriptor = open(path + "-shm", O_RDWR)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 120
        lock.l_len = 1
        guard fcntl(descriptor, F_GETLK, &lock) == 0 else { return false }
        return lock.l_type != Int16(F_UNLCK)
    }

    /// Whether an advisory lock is granted in the PostgreSQL database `name`.
    static func postgresWriterActive(_ sql: any SQLDatabase, database name: String) async throws -> Bool {
        let row = try await sql.raw("""
            SELECT COUNT(*) AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
            WHERE d.datname = \(bind: name) AND l.locktype = 'advisory' AND l.granted
            """).first()
        return try (row?.decode(column: "n", as: Int.self) ?? 0) > 0
    }
}
