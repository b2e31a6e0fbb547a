import Foundation
import Storage

/// Slows password guessing: after `perAccount` failed sign-ins for one account name, or
/// `perAddress` from one address, within `window`, further attempts are refused until the
/// oldest of the last `limit` failures leaves the window. A success clears the account's
/// failures (not the address's).
///
/// The failures live in the store (``Storage/SignInFailureStore``), not in this server's
/// memory, so every server sharing the database counts the same failures: N servers no
/// longer multiply the allowance by N. Recording a failure prunes those older than the
/// window, so the record never outgrows one window's failures.
///
/// Two servers checking the same account at the same instant may both let an attempt
/// through before either records its failure (the check and the record are a bcrypt
/// verification apart); the overshoot is bounded by the number of concurrent requests, as it
/// was within one server.
struct LoginThrottle: Sendable {
    let store: any SignInFailureStore
    let perAccount: Int, perAddress: Int
    let window: TimeInterval

    /// How long until `account` from `address` may try again; `nil` when it may now.
    func wait(account: String, address: String, now: Date) async throws -> TimeInterval? {
        let recent = try await store.signInFailures(account: account, address: address, since: now.addingTimeInterval(-window))
        return [
            Self.wait(failures: recent.account, limit: perAccount, window: window, now: now),
            Self.wait(failures: recent.address, limit: perAddress, window: window, now: now),
        ].compactMap { $0 }.max()
    }

    func recordFailure(account: String, address: String, now: Date) async throws {
        try await store.recordSignInFailure(account: account, address: address, at: now, forgettingBefore: now.addingTimeInterval(-window))
    }

    func recordSuccess(account: String) async throws {
        try await store.clearSignInFailures(account: account)
    }

    /// The policy: with `failures` (oldest first, all within the window) at or over `limit`,
    /// the wait until the `limit`-th most recent one leaves the window.
    static func wait(failures: [Date], limit: Int, window: TimeInterval, now: Date) -> TimeInterval? {
        guard failures.count >= max(limit, 1) else { return nil }
        let wait = window - now.timeIntervalSince(failures[failures.count - max(limit, 1)])
        return wait > 0 ? wait : nil
    }
}
