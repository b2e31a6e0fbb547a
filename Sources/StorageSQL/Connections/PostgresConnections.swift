import Logging
import PostgresKit

/// Connections to a PostgreSQL database through PostgresNIO's pool (`PostgresClient`).
///
/// Several web servers may share the database, so writes that read before they write (an
/// import compares with the stored rows and checks the locks; an edit reads the row it
/// replaces) take one transaction-scoped advisory lock first: writers of school data, locks
/// and the audit trail run one at a time across every server, like SQLite's single writer,
/// while readers carry on under MVCC. Reads in a write run at READ COMMITTED after the lock
/// is held, so they see every write committed before it; and audit ids, drawn from the
/// identity sequence inside the lock, increase in commit order.
///
/// Why not SERIALIZABLE with retries: an import of a province touches 100,000 rows, and
/// predicate locks at that scale turn into whole-table conflicts, so imports would be retried
/// (re-read, re-compared) whenever anyone edited a school meanwhile; the writes here are
/// human-paced, and a queue is simpler to reason about than retries.
final class PostgresConnections: SQLConnections {
    let flavor = SQLFlavor.postgres
    private let client: PostgresClient
    private let running: Task<Void, Never>
    private let logger: Logger

    /// The advisory lock key of the exclusive writers ("junheng" in ASCII, so a DBA reading
    /// `pg_locks` can tell whose it is).
    static let writerLockKey: Int64 = 0x6A_75_6E_68_65_6E_67

    private init(client: PostgresClient, running: Task<Void, Never>, logger: Logger) {
        self.client = client
        self.running = running
        self.logger = logger
    }

    /// Checks that the server answers, then starts the pool.
    static func open(_ settings: PostgresSettings, logger: Logger) async throws -> PostgresConnections {
        // One plain connection first: it fails within its connect timeout with the reason
        // (refused, unknown database, bad password), where the pool would retry for a minute
        // and then report only that it gave up.
        let probe = try await PostgresConnection.connect(configuration: settings.connectionConfiguration(), id: 0, logger: logger)
        try await probe.close()

        // The pool's own log, errors only: it warns when leased before `run()` has begun,
        // which the first lease below always risks and which is harmless (the lease waits).
        var background = logger
        background.logLevel = max(logger.logLevel, .error)
        let client = PostgresClient(configuration: settings.clientConfiguration(), backgroundLogger: background)
        let running = Task { await client.run() }
        let connections = PostgresConnections(client: client, running: running, logger: logger)
        do {
            try await connections.read { try await $0.sql.raw("SELECT 1").run() }
        } catch {
            running.cancel()
            throw error
        }
        return connections
    }

    /// The session of `connection`.
    private func session(_ connection: PostgresConnection) -> SQLSession {
        SQLSession(
            sql: connection.sql(queryLogLevel: .trace, logger: logger),
            direct: PostgresDirectStatements(connection: connection, logger: logger), flavor: .postgres
        )
    }

    func read<R: Sendable>(_ body: (SQLSession) async throws -> R) async throws -> R {
        try await client.withConnection { connection in
            try await body(session(connection))
        }
    }

    func snapshot<R: Sendable>(_ body: (SQLSession) async throws -> R) async throws -> R {
        try await client.withConnection { connection in
            try await transaction(connection, begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", lock: false, body)
        }
    }

    func write<R: Sendable>(exclusive: Bool, _ body: (SQLSession) async throws -> R) async throws -> R {
        try await client.withConnection { connection in
            try await transaction(connection, begin: "BEGIN", lock: exclusive, body)
        }
    }

    /// Runs `body` in a transaction; in the caller's isolation, like PostgresClient's closure.
    private func transaction<R: Sendable>(
        _ connection: PostgresConnection, begin: String, lock: Bool,
        isolation: isolated (any Actor)? = #isolation, _ body: (SQLSession) async throws -> R
    ) async throws -> R {
        let session = session(connection)
        let sql = session.sql
        try await sql.raw(SQLQueryString(begin)).run()
        do {
            if lock {
                // Released by COMMIT or ROLLBACK, even when the connection drops.
                try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: Self.writerLockKey))").run()
            }
            let result = try await body(session)
            try await sql.raw("COMMIT").run()
            return result
        } catch {
            do {
                try await sql.raw("ROLLBACK").run()
            } catch {
                // Never hand the pool a connection still inside a transaction: closed, it is
                // replaced by a new one.
                try? await connection.close()
            }
            throw error
        }
    }

    func shutdown() async throws {
        running.cancel()
        await running.value
    }
}
