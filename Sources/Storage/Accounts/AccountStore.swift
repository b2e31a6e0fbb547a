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

    /// Gives account `id` another role and scope (an administrator's act); its sessions end,
    /// so that its next request is judged by the new scope.
    ///
    /// - Throws: ``StoreError/isNotFound``; ``StoreError/isInvalid`` for a scope the role
    ///   does not allow (``Account/rescoped(role:counties:schoolCode:)``).
    func setScope(accountID id: Int64, role: Role, counties: [String], schoolCode: String?) async throws -> Account

    /// Turns account `id` off (停用) or on again; turning it off ends its sessions.
    ///
    /// - Throws: ``StoreError/isNotFound``.
    func setDisabled(_ disabled: Bool, accountID id: Int64) async throws
}
