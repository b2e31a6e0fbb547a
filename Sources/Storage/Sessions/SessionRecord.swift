import Foundation

/// A signed-in browser or API client. The cookie carries a random token; the store keeps
/// only its SHA-256 (so a leaked database does not leak sessions) and the CSRF token that
/// every form of the session must send back.
public struct SessionRecord: Sendable, Hashable {
    /// Hex SHA-256 of the cookie's token.
    public var tokenHash: String
    /// Whose session.
    public var accountID: Int64
    /// The token every form and every unsafe request must carry.
    public var csrfToken: String
    /// When it started.
    public var createdAt: Date
    /// When it ends.
    public var expiresAt: Date

    public init(tokenHash: String, accountID: Int64, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.accountID = accountID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
