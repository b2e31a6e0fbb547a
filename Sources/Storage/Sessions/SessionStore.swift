import Foundation

/// Where signed-in sessions are kept, by the hash of their token (never the token itself),
/// so every server sharing the database knows every session.
public protocol SessionStore: Sendable {
    /// Keeps a new session.
    func createSession(_ session: SessionRecord) async throws

    /// The session whose token hashes to `tokenHash`, if it exists (expired or not).
    func session(tokenHash: String) async throws -> SessionRecord?

    /// Ends a session.
    func deleteSession(tokenHash: String) async throws

    /// Removes sessions that expired before `time`; returns how many.
    @discardableResult
    func deleteSessions(expiredBefore time: Date) async throws -> Int

    /// Ends every session of account `id` but the one whose token hash is `kept`.
    func deleteSessions(accountID id: Int64, except kept: String?) async throws
}
