import Foundation

extension InMemoryStore: SignInFailureStore {
    public func recordSignInFailure(account: String, address: String, at time: Date, forgettingBefore cutoff: Date) {
        signInFailureLog.forget(before: cutoff)
        signInFailureLog.times[.account, default: [:]][account, default: []].append(time)
        signInFailureLog.times[.address, default: [:]][address, default: []].append(time)
    }

    public func signInFailures(account: String, address: String, since: Date) -> SignInFailures {
        SignInFailures(
            account: signInFailureLog.times(.account, account, since: since),
            address: signInFailureLog.times(.address, address, since: since)
        )
    }

    public func clearSignInFailures(account: String) {
        signInFailureLog.times[.account]?[account] = nil
    }
}

/// The in-memory store's failed sign-ins, by kind and key.
struct SignInFailureLog: Sendable {
    var times: [SignInFailureKind: [String: [Date]]] = [:]

    /// The times of `key` at or after `since`, oldest first.
    func times(_ kind: SignInFailureKind, _ key: String, since: Date) -> [Date] {
        (times[kind]?[key] ?? []).filter { $0 >= since }.sorted()
    }

    /// Drops every time before `cutoff`, and keys left without times.
    mutating func forget(before cutoff: Date) {
        for kind in times.keys {
            times[kind] = times[kind]!.compactMapValues { dates in
                let kept = dates.filter { $0 >= cutoff }
                return kept.isEmpty ? nil : kept
            }
        }
    }

    /// How many failures are kept (tests check the pruning).
    var count: Int { times.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } } }
}
