import Logging
import PostgresNIO
import SQLiteNIO
import Synchronization

/// Runs SQL text with positional values on the session's connection, through the driver,
/// and returns the rows as positional values: the two hot paths of a province — writing
/// rows in bulk and reading them back — skip SQLKit's Codable binds and by-name row decoding.
///
/// Measured on 130,000 school rows (39 columns, release build): reading them back through
/// `SQLRow.decode(column:as:)` took 7 s on SQLite and 10 s on PostgreSQL, 80 % of it
/// decoding (a dynamic cast and a column-name lookup per cell; postgres-kit also builds a
/// coding path per cell) — 1.9 s and 2.5 s by position; and serializing a bulk INSERT
/// through SQLKit's builders cost more than SQLite spent executing it (a province's import
/// into SQLite: 9.6 s before, 4.9 s after). The statements' text is still SQLKit's where a
/// builder makes it (``SQLSession/rows(_:)``); only bulk INSERTs are written out here.
protocol DirectStatements: Sendable {
    /// Runs `sql` with `values` bound to its placeholders in order; returns its rows.
    func run(_ sql: String, _ values: [SQLValue]) async throws -> [[SQLValue]]
}

/// ``DirectStatements`` on an SQLite connection.
struct SQLiteDirectStatements: DirectStatements {
    let connection: SQLiteConnection

    func run(_ sql: String, _ values: [SQLValue]) async throws -> [[SQLValue]] {
        let binds: [SQLiteData] = values.map {
            switch $0 {
            case .null: .null
            case .integer(let n): .integer(n)
            case .double(let x): .float(x)
            case .text(let s): .text(s)
            case .bool(let b): .integer(b ? 1 : 0)
            }
        }
        let rows = RowCollector()
        try await connection.query(sql, binds) { row in
            rows.append(row.columns.map {
                switch $0.data {
                case .null: .null
                case .integer(let n): .integer(n)
                case .float(let x): .double(x)
                case .text(let s): .text(s)
                case .blob(let bytes): .text(String(decoding: bytes.readableBytesView, as: UTF8.self))
                }
            })
        }
        return rows.all
    }

    /// Rows handed over by the driver's callback (on its thread) to the awaiting task.
    private final class RowCollector: Sendable {
        private let rows = Mutex<[[SQLValue]]>([])
        func append(_ row: [SQLValue]) { rows.withLock { $0.append(row) } }
        var all: [[SQLValue]] { rows.withLock { $0 } }
    }
}

/// ``DirectStatements`` on a PostgreSQL connection.
struct PostgresDirectStatements: DirectStatements {
    let connection: PostgresConnection
    let logger: Logger

    func run(_ sql: String, _ values: [SQLValue]) async throws -> [[SQLValue]] {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: bindings.appendNull()
            case .integer(let n): bindings.append(n)
            case .double(let x): bindings.append(x)
            case .text(let s): bindings.append(s)
            case .bool(let b): bindings.append(b)
            }
        }
        var rows: [[SQLValue]] = []
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger) {
            var values: [SQLValue] = []
            for cell in row { values.append(try Self.value(of: cell)) }
            rows.append(values)
        }
        return rows
    }

    private static func value(of cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        return switch cell.dataType {
        case .int2, .int4, .int8: .integer(try cell.decode(Int.self))
        case .float4, .float8: .double(try cell.decode(Double.self))
        case .bool: .bool(try cell.decode(Bool.self))
        default: .text(try cell.decode(String.self))
        }
    }
}
