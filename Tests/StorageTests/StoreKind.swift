import Foundation
import Storage

/// The stores the contract suite runs against. The SQL kinds are added by StorageSQL's
/// tests; PostgreSQL runs when `JUNHENG_TEST_POSTGRES_URL` names a throwaway database.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory

    var testDescription: String { rawValue }

    /// A new, empty store of this kind, and what to do when the test is over.
    func makeStore() async throws -> (store: any Store, close: @Sendable () async throws -> Void) {
        switch self {
        case .memory: (InMemoryStore(), {})
        }
    }
}

import Testing
