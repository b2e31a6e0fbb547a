import Foundation
import Storage
import Testing

/// What every ``SignInFailureStore`` promises (memory, SQLite, PostgreSQL): failures count
/// per account and per address, a success clears only the account's, old failures are
/// pruned, and a second store on the same database sees the first one's failures.
@Suite("Sign-in failure store contract")
struct SignInFailureContractTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    func withStore(_ kind: StoreKind, _ body: (any Store & SignInFailureStore) async throws -> Void) async throws {
        let (store, close) = try await kind.makeStore()
        do { try await body(store) } catch {
            try await close()
            throw error
        }
        try await close()
    }

    func at(_ seconds: TimeInterval) -> Date { Self.t0.addingTimeInterval(seconds) }

    @Test(arguments: StoreKind.allCases)
    func failuresCountPerAccountAndPerAddress(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.recordSignInFailure(account: "admin", address: "10.0.0.1", at: at(1), forgettingBefore: at(-900))
            try await store.recordSignInFailure(account: "admin", address: "10.0.0.2", at: at(2), forgettingBefore: at(-900))
            try await store.recordSignInFailure(account: "李规划", address: "10.0.0.1", at: at(3), forgettingBefore: at(-900))
            let admin1 = try await store.signInFailures(account: "admin", address: "10.0.0.1", since: at(0))
            #expect(admin1 == SignInFailures(account: [at(1), at(2)], address: [at(1), at(3)]))
            let planner2 = try await store.signInFailures(account: "李规划", address: "10.0.0.2", since: at(0))
            #expect(planner2 == SignInFailures(account: [at(3)], address: [at(2)]))
            // `since` is inclusive and cuts the older ones.
            #expect(try await store.signInFailures(account: "admin", address: "10.0.0.9", since: at(2))
                == SignInFailures(account: [at(2)], address: []))
            #expect(try await store.signInFailures(account: "nobody", address: "10.0.0.9", since: at(0)) == SignInFailures())
        }
    }

    @Test(arguments: StoreKind.allCases)
    func successClearsTheAccountButNotTheAddress(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            for i in 1...3 {
                try await store.recordSignInFailure(account: "admin", address: "10.0.0.1", at: at(Double(i)), forgettingBefore: at(-900))
            }
            try await store.recordSignInFailure(account: "other", address: "10.0.0.1", at: at(4), forgettingBefore: at(-900))
            try await store.clearSignInFailures(account: "admin")
            let recent = try await store.signInFailures(account: "admin", address: "10.0.0.1", since: at(0))
            #expect(recent.account.isEmpty)
            #expect(recent.address == [at(1), at(2), at(3), at(4)])
            #expect(try await store.signInFailures(account: "other", address: "x", since: at(0)).account == [at(4)])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func recordingPrunesFailuresBeforeTheCutoff(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.recordSignInFailure(account: "a", address: "10.0.0.1", at: at(0), forgettingBefore: at(-900))
            try await store.recordSignInFailure(account: "b", address: "10.0.0.2", at: at(100), forgettingBefore: at(-800))
            // A failure 20 minutes later, with a 15-minute window: the first one goes, of
            // every account and address — not only those of the new failure.
            try await store.recordSignInFailure(account: "c", address: "10.0.0.3", at: at(1_200), forgettingBefore: at(300))
            let a = try await store.signInFailures(account: "a", address: "10.0.0.2", since: .distantPast)
            #expect(a.account.isEmpty && a.address.isEmpty)
            let c = try await store.signInFailures(account: "c", address: "10.0.0.3", since: .distantPast)
            #expect(c == SignInFailures(account: [at(1_200)], address: [at(1_200)]))
        }
    }

    @Test(arguments: StoreKind.sqlKinds)
    func aSecondServerSeesTheFirstServersFailures(kind: StoreKind) async throws {
        let database = try await TestDatabase.make(kind)
        let first = try await database.open()
        let second = try await database.open()
        do {
            try await first.recordSignInFailure(account: "admin", address: "10.0.0.1", at: at(1), forgettingBefore: at(-900))
            try await second.recordSignInFailure(account: "admin", address: "10.0.0.1", at: at(2), forgettingBefore: at(-900))
            #expect(try await second.signInFailures(account: "admin", address: "10.0.0.1", since: at(0)).account == [at(1), at(2)])
            try await first.clearSignInFailures(account: "admin")
            #expect(try await second.signInFailures(account: "admin", address: "10.0.0.1", since: at(0)).account.isEmpty)
        } catch {
            try? await first.shutdown()
            try? await second.shutdown()
            try? await database.drop()
            throw error
        }
        try await first.shutdown()
        try await second.shutdown()
        try await database.drop()
    }
}
