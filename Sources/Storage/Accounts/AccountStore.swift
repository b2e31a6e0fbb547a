import Foundation

/// Where the accounts are kept: name, role, the counties (and school) they may see, and the
/// password hash. Names are unique, in every implementation.
public protocol AccountStore: Sendable {
    /// Adds an account.
    ///
    /// - Throws: ``StoreError/isDuplicate`` when the name is taken.
    func createAccount(_ account: NewAccount, at time: Date) async throws -> Account

    /// The account called `name`.
    func account(named name: String) async throws -> Account?

    /// The account with `id`.
    func account(id: Int64) async throws -> Account?

    /// Every account, by name.
    func accounts() async throws -> [Account]

    /// Replaces an account's password hash.
    ///
    /// - Throws: ``StoreError/isNotFound`` when there is no such account.
    func setPasswordHash(_ hash: String, accountID: Int64) async throws
}
