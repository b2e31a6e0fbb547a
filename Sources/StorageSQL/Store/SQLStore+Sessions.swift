import Foundation
import Storage

extension SQLStore: SessionStore {
    /// Keeps a session (replacing one with the same token hash); its account must exist.
    public func createSession(_ record: SessionRecord) async throws {
        try await writing(exclusive: false) { try await $0.upsertSession(record) }
    }

    /// The session whose token hashes to `tokenHash`.
    public func session(tokenHash: String) async throws -> SessionRecord? {
        try await reading { try await $0.session(tokenHash: tokenHash) }
    }

    /// Ends a session.
    public func deleteSession(tokenHash: String) async throws {
        try await writing(exclusive: false) { try await $0.deleteSession(tokenHash: tokenHash) }
    }

    public func deleteSessions(accountID id: Int64, except kept: String?) async throws {
        try await writing(exclusive: false) { try await $0.deleteSessions(accountID: id, except: kept) }
    }

    /// Removes the sessions that expired before `time`; returns how many.
    @discardableResult
    public func deleteSessions(expiredBefore time: Date) async throws -> Int {
        try await writing(exclusive: false) { try await $0.deleteSessions(expiredBefore: time) }
    }
}
