import Foundation
import SQLKit
import Storage

extension SQLStore {
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

    /// Keeps a session (replacing one with the same token hash); its account must exist.
    public func createSession(_ record: SessionRecord) async throws {
        try await writing(exclusive: false) { try await $0.upsertSession(record) }
    }

    /// The session whose token hashes to `tokenHash`.
    public func session(tokenHash: String) async throws -> SessionRecord? {
        try await reading { try await $0.session(tokenHash: tokenHash) }
    }

    /// Ends a session.
    public func deleteSession(tokenHash: String) async throws {
        try await writing(exclusive: false) { try await $0.deleteSession(tokenHash: tokenHash) }
    }

    /// Removes the sessions that expired before `time`; returns how many.
    @discardableResult
    public func deleteSessions(expiredBefore time: Date) async throws -> Int {
        try await writing(exclusive: false) { try await $0.deleteSessions(expiredBefore: time) }
    }
}
