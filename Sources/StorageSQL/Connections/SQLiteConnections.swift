import Logging
import SQLiteKit

/// Connections to one SQLite file: one writer and a few readers.
///
/// WAL mode lets the readers read while the writer writes. Writes in this process queue for
/// their turn (``SQLiteWriteTurns``, shared by every store on the file) so they never spin
/// in SQLite's busy handler on the shared thread pool; `BEGIN IMMEDIATE` takes the file's
/// write lock at the start of the transaction, and the busy timeout makes another process's
/// writer (a `junheng import` next to `junheng serve`) wait for it instead of failing at once.
final class SQLiteConnections: SQLConnections {
    let flavor = SQLFlavor.sqlite
    private let writer: SQLiteConnection
    private let readers: Lender<SQLiteConnection>
    private let turns: Lender<SQLiteWriteTurns.Turn>

    /// How long a statement waits for another process's write lock before it fails: longer
    /// than a province's import holds it.
    static let busyTimeoutMilliseconds = 30_000
    /// Readers beside the writer: enough for a web server's concurrent pages.
    static let readerCount = 4

    private init(writer: SQLiteConnection, readers: [SQLiteConnection], turns: Lender<SQLiteWriteTurns.Turn>) {
        self.writer = writer
        self.readers = Lender(readers)
        self.turns = turns
    }

    /// Opens the file (creating it when missing) and sets every connection up.
    static func open(path: String, logger: Logger) async throws -> SQLiteConnections {
        var opened: [SQLiteConnection] = []
        do {
            let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            opened.append(writer)
            // WAL is a property of the file: set once by the writer, kept across opens.
            try await writer.sql().raw("PRAGMA journal_mode = WAL").run()
            try await configure(writer, readOnly: false)
            var readers: [SQLiteConnection] = []
            for _ in 0..<readerCount {
                let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                opened.append(reader)
                try await configure(reader, readOnly: true)
                readers.append(reader)
            }
            return SQLiteConnections(writer: writer, readers: readers, turns: SQLiteWriteTurns.queue(path: path))
        } catch {
            for connection in opened { try? await connection.close() }
            throw error
        }
    }

    private static func configure(_ connection: SQLiteConnection, readOnly: Bool) async throws {
        let sql = connection.sql()
        try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeoutMilliseconds))").run()
        try await sql.raw("PRAGMA foreign_keys = ON").run()
        // NORMAL is durable in WAL mode except for the last transactions before a power cut,
        // and spares an fsync per commit.
        try await sql.raw("PRAGMA synchronous = NORMAL").run()
        if readOnly { try await sql.raw("PRAGMA query_only = ON").run() }
    }

    /// The session of `connection`.
    private static func session(_ connection: SQLiteConnection) -> SQLSession {
        SQLSession(sql: connection.sql(queryLogLevel: .trace), direct: SQLiteDirectStatements(connection: connection), flavor: .sqlite)
    }

    func read<R: Sendable>(_ body: (SQLSession) async throws -> R) async throws -> R {
        try await readers.with { try await body(Self.session($0)) }
    }

    func snapshot<R: Sendable>(_ body: (SQLSession) async throws -> R) async throws -> R {
        try await readers.with { connection in
            try await Self.transaction(Self.session(connection), begin: "BEGIN", body)
        }
    }

    func write<R: Sendable>(exclusive: Bool, _ body: (SQLSession) async throws -> R) async throws -> R {
        // SQLite has one writer at a time anyway: `exclusive` changes nothing here.
        try await turns.with { _ in
            try await Self.transaction(Self.session(writer), begin: "BEGIN IMMEDIATE", body)
        }
    }

    private static func transaction<R: Sendable>(
        _ session: SQLSession, begin: String, _ body: (SQLSession) async throws -> R
    ) async throws -> R {
        let sql = session.sql
        try await sql.raw(SQLQueryString(begin)).run()
        do {
            let result = try await body(session)
            try await sql.raw("COMMIT").run()
            return result
        } catch {
            try? await sql.raw("ROLLBACK").run()
            throw error
        }
    }

    deinit {
        // A store dropped without `shutdown()`: close the files anyway (each close holds its
        // connection until done) rather than leak them.
        for connection in [writer] + readers.items where !connection.isClosed {
            _ = connection.close()
        }
    }

    func shutdown() async throws {
        for connection in [writer] + readers.items where !connection.isClosed {
            try await connection.close()
        }
    }
}
