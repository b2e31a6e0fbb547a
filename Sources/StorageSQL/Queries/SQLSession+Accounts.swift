import Foundation
import SQLKit
import Storage

extension SQLSession {
    static let accountColumns = ["id", "name", "role", "counties", "school_code", "password_hash", "created_at", "disabled"]

    /// Adds `account` unless its name is taken; returns its id, or `nil` when taken.
    /// (`ON CONFLICT DO NOTHING` rather than a check first: two servers may add the same
    /// name at once, and the unique index decides.)
    func insertAccount(_ account: NewAccount, at time: Date) async throws -> Int64? {
        try await sql.insert(into: Tables.accounts)
            .columns("name", "role", "counties", "school_code", "password_hash", "created_at")
            .values(
                SQLBind(account.name), SQLBind(account.role.rawValue), SQLBind(account.counties.joined(separator: ",")),
                bindOrNull(account.schoolCode), SQLBind(account.passwordHash),
                SQLBind(StoredTime.value(time))
            )
            .ignoringConflicts(with: ["name"])
            .returning("id")
            .first()?
            .decode(column: "id", as: Int64.self)
    }

    /// Accounts matching `predicate`, by name.
    func accounts(where predicate: (SQLSelectBuilder) -> SQLSelectBuilder = { $0 }) async throws -> [Account] {
        try await predicate(sql.select().columns(Self.accountColumns).from(Tables.accounts))
            .orderBy("name")
            .all()
            .map(Self.decodeAccount)
    }

    /// Replaces the password hash of account `id`; returns whether it exists.
    func updatePasswordHash(_ hash: String, accountID id: Int64) async throws -> Bool {
        try await sql.update(Tables.accounts)
            .set("password_hash", to: hash)
            .where(SQLColumn("id"), .equal, SQLBind(id))
            .returning("id")
            .first() != nil
    }

    private static func decodeAccount(_ row: any SQLRow) throws -> Account {
        let id = try row.decode(column: "id", as: Int64.self)
        let roleCode = try row.decode(column: "role", as: String.self)
        guard let role = Role(rawValue: roleCode) else {
            throw StoreError.corrupt("\(Tables.accounts) \(id): unknown role \(roleCode)")
        }
        let counties = try row.decode(column: "counties", as: String.self)
        return Account(
            id: id,
            name: try row.decode(column: "name", as: String.self),
            role: role,
            counties: counties.isEmpty ? [] : counties.split(separator: ",").map(String.init),
            schoolCode: try row.optional("school_code", as: String.self),
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            createdAt: StoredTime.date(try row.decode(column: "created_at", as: Double.self)),
            disabled: try Self.flag(row, "disabled")
        )
    }

    /// A boolean column: PostgreSQL's BOOLEAN, or SQLite's 0 and 1.
    static func flag(_ row: any SQLRow, _ column: String) throws -> Bool {
        if let value = try? row.decode(column: column, as: Bool.self) { return value }
        return try row.decode(column: column, as: Int.self) != 0
    }

    /// Ends every session of account `id` but the one whose token hash is `kept`.
    func deleteSessions(accountID id: Int64, except kept: String? = nil) async throws {
        var delete = sql.delete(from: Tables.sessions).where(SQLColumn("account_id"), .equal, SQLBind(id))
        if let kept { delete = delete.where(SQLColumn("token_hash"), .notEqual, SQLBind(kept)) }
        try await delete.run()
    }
}
