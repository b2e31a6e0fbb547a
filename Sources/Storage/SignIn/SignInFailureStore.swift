import Foundation

/// Where failed sign-ins are remembered, so the sign-in throttle holds across every server
/// that shares the database: failures on one server count on the others.
///
/// A failure is kept twice, under the account name tried and under the client's address, so
/// a success can forget the account's failures while the address keeps its own (the same
/// policy the throttle had in one server's memory). Entries older than the throttle's window
/// are of no use: ``recordSignInFailure(account:address:at:forgettingBefore:)`` prunes them in
/// the same write, so the record stays as small as the failures of one window.
///
/// ```swift
/// try await store.recordSignInFailure(account: "admin", address: "10.0.0.7", at: now,
///                                     forgettingBefore: now - 15 * 60)
/// let recent = try await store.signInFailures(account: "admin", address: "10.0.0.7", since: now - 15 * 60)
/// recent.account.count  // 1
/// ```
public protocol SignInFailureStore: Sendable {
    /// Records one failed sign-in of `account` from `address` at `time`, and forgets every
    /// failure (of any account or address) from before `cutoff`.
    func recordSignInFailure(account: String, address: String, at time: Date, forgettingBefore cutoff: Date) async throws

    /// The failures of `account` and of `address` at or after `since`, oldest first.
    func signInFailures(account: String, address: String, since: Date) async throws -> SignInFailures

    /// Forgets the failures of `account` (after a successful sign-in); the address's stay.
    func clearSignInFailures(account: String) async throws
}

/// The recent failed sign-ins the throttle decides on.
public struct SignInFailures: Sendable, Hashable {
    /// When sign-in as the account failed, oldest first.
    public var account: [Date]
    /// When sign-in from the address failed, oldest first.
    public var address: [Date]

    public init(account: [Date] = [], address: [Date] = []) {
        self.account = account
        self.address = address
    }
}

/// Which count a remembered failure belongs to: the same failure is kept under both.
public enum SignInFailureKind: String, Sendable, Hashable, CaseIterable {
    /// Keyed by the account name tried (whether or not it exists).
    case account
    /// Keyed by the client's address.
    case address
}
