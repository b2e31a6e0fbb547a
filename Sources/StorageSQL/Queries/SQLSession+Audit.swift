import Foundation
import SQLKit
import Storage

extension SQLSession {
    /// Appends `entries` in order (their ids are assigned by the database, increasing).
    func appendAudit(_ entries: [AuditEntry]) async throws {
        let rows: [[SQLValue]] = entries.map { entry in
            [
                .double(StoredTime.value(entry.at)), .text(entry.accountName), .text(entry.action.rawValue),
                .text(entry.countyCode), .integer(entry.year), SQLValue(entry.schoolCode), SQLValue(entry.field),
                SQLValue(entry.oldValue), SQLValue(entry.newValue), SQLValue(entry.note),
            ]
        }
        try await insert(into: Tables.auditEntries, columns: Tables.auditColumns, rows: rows)
    }

    /// How many entries match `query`.
    func auditCount(_ query: AuditQuery) async throws -> Int {
        let select = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total").from(Tables.auditEntries)
        let row = try await Self.filter(select, query).first()
        return try row?.decode(column: "total", as: Int.self) ?? 0
    }

    /// The page of entries `query` asks for, newest first.
    func auditEntries(_ query: AuditQuery) async throws -> [AuditEntry] {
        let select = sql.select().columns(["id"] + Tables.auditColumns).from(Tables.auditEntries)
        return try await Self.filter(select, query)
            .orderBy("id", .descending)
            .limit(query.limit).offset(query.offset)
            .all()
            .map(Self.decodeAuditEntry)
    }

    private static func filter(_ select: SQLSelectBuilder, _ query: AuditQuery) -> SQLSelectBuilder {
        var select = select
        if let counties = query.counties {
            select = select.where(SQLColumn("county_code"), .in, SQLBind.group(counties))
        }
        if let school = query.schoolCode { select = select.where(SQLColumn("school_code"), .equal, SQLBind(school)) }
        if let year = query.year { select = select.where(SQLColumn("year"), .equal, SQLBind(year)) }
        return select
    }

    private static func decodeAuditEntry(_ row: any SQLRow) throws -> AuditEntry {
        let id = try row.decode(column: "id", as: Int64.self)
        let actionCode = try row.decode(column: "action", as: String.self)
        guard let action = AuditAction(rawValue: actionCode) else {
            throw StoreError.corrupt("\(Tables.auditEntries) \(id): unknown action \(actionCode)")
        }
        return AuditEntry(
            id: id,
            at: StoredTime.date(try row.decode(column: "recorded_at", as: Double.self)),
            accountName: try row.decode(column: "account_name", as: String.self),
            action: action,
            countyCode: try row.decode(column: "county_code", as: String.self),
            year: try row.decode(column: "year", as: Int.self),
            schoolCode: try row.optional("school_code", as: String.self),
            field: try row.optional("field", as: String.self),
            oldValue: try row.optional("old_value", as: String.self),
            newValue: try row.optional("new_value", as: String.self),
            note: try row.optional("note", as: String.self)
        )
    }
}
