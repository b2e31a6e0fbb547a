import Foundation
import SQLKit
import Storage

extension SQLStore: AccountStore {
    /// Adds an account; the unique index on the name refuses a duplicate, even from another server.
    public func createAccount(_ account: NewAccount, at time: Date) async throws -> Account {
        // Not exclusive: accounts and sessions need not wait for an import of school data.
        try await writing(exclusive: false) { session in
            guard let id = try await session.insertAccount(account, at: time) else {
                throw StoreError.duplicate("account \(account.name)")
            }
            return Account(
                id: id, name: account.name, role: account.role, counties: account.counties,
                schoolCode: account.schoolCode, passwordHash: account.passwordHash, createdAt: time
            )
        }
    }

    /// The account called `name`.
    public func account(named name: String) async throws -> Account? {
        try await reading { try await $0.accounts { $0.where(SQLColumn("name"), .equal, SQLBind(name)) }.first }
    }

    /// The account with `id`.
    public func account(id: Int64) async throws -> Account? {
        try await reading { try await $0.accounts { $0.where(SQLColumn("id"), .equal, SQLBind(id)) }.first }
    }

    /// Every account, by name (code point order).
    public func accounts() async throws -> [Account] {
        try await reading { try await $0.accounts() }
    }

    /// Replaces an account's password hash.
    public func setPasswordHash(_ hash: String, accountID: Int64) async throws {
        try await writing(exclusive: false) { session in
            guard try await session.updatePasswordHash(hash, accountID: accountID) else {
                throw StoreError.notFound("account \(accountID)")
            }
        }
    }

    public func setScope(accountID id: Int64, role: Role, counties: [String], schoolCode: String?) async throws -> Account {
        try await writing(exclusive: false) { session in
            guard let account = try await session.accounts(where: { $0.where(SQLColumn("id"), .equal, SQLBind(id)) }).first else {
                throw StoreError.notFound("account \(id)")
            }
            let next = try account.rescoped(role: role, counties: counties, schoolCode: schoolCode)
            try await session.sql.update(Tables.accounts)
                .set("role", to: SQLBind(next.role.rawValue)).set("counties", to: SQLBind(next.counties.joined(separator: ",")))
                .set("school_code", to: bindOrNull(next.schoolCode))
                .where(SQLColumn("id"), .equal, SQLBind(id)).run()
            try await session.deleteSessions(accountID: id)
            return next
        }
    }

    public func setDisabled(_ disabled: Bool, accountID id: Int64) async throws {
        try await writing(exclusive: false) { session in
            guard try await session.sql.update(Tables.accounts).set("disabled", to: SQLBind(disabled))
                .where(SQLColumn("id"), .equal, SQLBind(id)).returning("id").first() != nil
            else { throw StoreError.notFound("account \(id)") }
            if disabled { try await session.deleteSessions(accountID: id) }
        }
    }
}
