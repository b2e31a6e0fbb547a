import SQLKit

/// The store's statements on one connection (inside a transaction when the store asked
/// for one). Grouped by table in `SQLSession+*.swift`.
struct SQLSession {
    /// The connection, for statements SQLKit builds and runs.
    let sql: any SQLDatabase
    /// The same connection, for the bulk paths (``DirectStatements``).
    let direct: any DirectStatements
    /// Its SQL, where SQLite and PostgreSQL differ.
    let flavor: SQLFlavor

    /// The most rows one INSERT of `columns` columns may carry: within the bind limit, and
    /// at most 1,000 — longer statements stop paying off and cost memory to build.
    func rowsPerStatement(columns: Int) -> Int {
        max(1, min(1_000, flavor.bindLimit / max(1, columns)))
    }

    /// The most values one `IN (…)` list may bind, leaving room for the other binds.
    var valuesPerList: Int { min(5_000, flavor.bindLimit - 16) }

    /// Inserts `rows` into `table` with as few multi-row statements as the bind limit
    /// allows; `conflictKey` makes it an upsert: a row whose key exists replaces its other
    /// columns (`ON CONFLICT … DO UPDATE`, the same in SQLite and PostgreSQL).
    ///
    /// The text is written here rather than by SQLInsertBuilder, whose per-value expressions
    /// and Codable binds cost more than the database's work for a province (see
    /// ``DirectStatements``). Names are the store's own constants; values are all bound,
    /// NULL written as a literal.
    func insert(into table: String, columns: [String], rows: [[SQLValue]], replacingOn conflictKey: [String]? = nil) async throws {
        guard !rows.isEmpty else { return }
        let head = "INSERT INTO \(Self.quoted(table)) (\(columns.map(Self.quoted).joined(separator: ", "))) VALUES "
        var tail = ""
        if let conflictKey {
            let updates = columns.filter { !conflictKey.contains($0) }.map { "\(Self.quoted($0)) = excluded.\(Self.quoted($0))" }
            tail = " ON CONFLICT (\(conflictKey.map(Self.quoted).joined(separator: ", "))) DO UPDATE SET "
                + updates.joined(separator: ", ")
        }
        let chunk = rowsPerStatement(columns: columns.count)
        var start = 0
        while start < rows.count {
            let end = min(start + chunk, rows.count)
            var text = head
            var values: [SQLValue] = []
            values.reserveCapacity((end - start) * columns.count)
            for index in start..<end {
                text += index == start ? "(" : ", ("
                for (position, value) in rows[index].enumerated() {
                    if position > 0 { text += ", " }
                    if value == .null {
                        text += "NULL"
                    } else {
                        values.append(value)
                        text += flavor.placeholder(values.count)
                    }
                }
                text += ")"
            }
            _ = try await direct.run(text + tail, values)
            start = end
        }
    }

    /// The rows of a query built with SQLKit, by position (the order of its columns), read
    /// through ``direct``.
    func rows(_ query: any SQLExpression) async throws -> [[SQLValue]] {
        let (text, binds) = sql.serialize(query)
        return try await direct.run(text, try binds.map { try SQLValue(bind: $0) })
    }

    /// `name` as an identifier (both databases quote with double quotes).
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
