import Foundation
import Storage
import StorageSQL
import Testing

/// The stores the contract suite runs against: in memory, SQLite (a new temporary file per
/// test) and PostgreSQL (a new schema per test) when `JUNHENG_TEST_POSTGRES_URL` names a
/// throwaway database — or always when `JUNHENG_REQUIRE_POSTGRES=1`, so a missing server
/// fails the suite instead of skipping it.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory
    case sqlite
    case postgres

    static var allCases: [StoreKind] {
        [.memory] + sqlKinds
    }

    /// The SQL kinds this run tests.
    static var sqlKinds: [StoreKind] {
        PostgresTestDatabase.isConfigured ? [.sqlite, .postgres] : [.sqlite]
    }

    var testDescription: String { rawValue }

    /// A new, empty store of this kind, and what to do when the test is over.
    func makeStore() async throws -> (store: any Store & SignInFailureStore, close: @Sendable () async throws -> Void) {
        switch self {
        case .memory:
            return (InMemoryStore(), {})
        case .sqlite, .postgres:
            let database = try await TestDatabase.make(self)
            let store = try await SQLStore.open(database.location)
            return (store, {
                try await store.shutdown()
                try await database.drop()
            })
        }
    }
}
