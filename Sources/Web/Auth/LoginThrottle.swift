import Foundation

/// Slows password guessing: after `perAccount` failed sign-ins for one account name, or
/// `perAddress` from one address, within `window`, further attempts are refused until the
/// oldest failure leaves the window. A success clears the account's failures.
///
/// Kept in the server's memory: with several servers over one database each counts its
/// own attempts, which multiplies the allowance by the number of servers but still bounds it.
actor LoginThrottle {
    private let perAccount: Int, perAddress: Int
    private let window: TimeInterval
    private var accountFailures: [String: [Date]] = [:]
    private var addressFailures: [String: [Date]] = [:]

    init(perAccount: Int, perAddress: Int, window: TimeInterval) {
        self.perAccount = perAccount
        self.perAddress = perAddress
        self.window = window
    }

    /// How long until `account` from `address` may try again; `nil` when it may now.
    func wait(account: String, address: String, now: Date) -> TimeInterval? {
        let waits = [
            wait(in: &accountFailures, key: account, limit: perAccount, now: now),
            wait(in: &addressFailures, key: address, limit: perAddress, now: now),
        ].compactMap { $0 }
        return waits.max()
    }

    func recordFailure(account: String, address: String, now: Date) {
        accountFailures[account, default: []].append(now)
        addressFailures[address, default: []].append(now)
    }

    func recordSuccess(account: String) {
        accountFailures[account] = nil
    }

    private func wait(in failures: inout [String: [Date]], key: String, limit: Int, now: Date) -> TimeInterval? {
        guard var times = failures[key] else { return nil }
        times.removeAll { now.timeIntervalSince($0) >= window }
        failures[key] = times.isEmpty ? nil : times
        guard times.count >= limit else { return nil }
        return window - now.timeIntervalSince(times[times.count - limit])
    }
}
