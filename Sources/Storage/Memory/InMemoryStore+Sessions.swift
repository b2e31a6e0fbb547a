import Foundation

extension InMemoryStore: SessionStore {
    public func createSession(_ session: SessionRecord) { sessions[session.tokenHash] = session }

    public func session(tokenHash: String) -> SessionRecord? { sessions[tokenHash] }

    public func deleteSession(tokenHash: String) { sessions[tokenHash] = nil }

    public func deleteSessions(expiredBefore time: Date) -> Int {
        let expired = sessions.values.filter { $0.expiresAt < time }.map(\.tokenHash)
        expired.forEach { sessions[$0] = nil }
        return expired.count
    }

    public func deleteSessions(accountID id: Int64, except kept: String?) {
        sessions = sessions.filter { $0.value.accountID != id || $0.key == kept }
    }
}
