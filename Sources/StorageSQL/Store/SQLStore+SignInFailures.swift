import Foundation
import Storage

extension SQLStore: SignInFailureStore {
    /// Records the failure and prunes the old ones in one transaction. Not exclusive: a
    /// sign-in need not wait for an import of school data.
    public func recordSignInFailure(account: String, address: String, at time: Date, forgettingBefore cutoff: Date) async throws {
        try await writing(exclusive: false) { session in
            try await session.deleteSignInFailures(before: cutoff)
            try await session.insertSignInFailure(account: account, address: address, at: time)
        }
    }

    /// Both counts from one snapshot.
    public func signInFailures(account: String, address: String, since: Date) async throws -> SignInFailures {
        try await snapshot { session in
            SignInFailures(
                account: try await session.signInFailureTimes(.account, key: account, since: since),
                address: try await session.signInFailureTimes(.address, key: address, since: since)
            )
        }
    }

    /// Forgets the account's failures; its addresses' failures stay.
    public func clearSignInFailures(account: String) async throws {
        try await writing(exclusive: false) { try await $0.deleteSignInFailures(.account, key: account) }
    }
}
