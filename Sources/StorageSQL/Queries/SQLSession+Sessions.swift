import Foundation
import SQLKit
import Storage

extension SQLSession {
    private static let sessionColumns = ["token_hash", "account_id", "csrf_token", "created_at", "expires_at"]

    /// Keeps `session`, replacing one with the same token hash.
    func upsertSession(_ session: SessionRecord) async throws {
        try await insert(
            into: Tables.sessions, columns: Self.sessionColumns,
            rows: [[
                .text(session.tokenHash), .integer(Int(session.accountID)), .text(session.csrfToken),
                .double(StoredTime.value(session.createdAt)), .double(StoredTime.value(session.expiresAt)),
            ]],
            replacingOn: ["token_hash"]
        )
    }

    /// The session whose token hashes to `tokenHash`.
    func session(tokenHash: String) async throws -> SessionRecord? {
        guard let row = try await sql.select().columns(Self.sessionColumns).from(Tables.sessions)
            .where(SQLColumn("token_hash"), .equal, SQLBind(tokenHash))
            .first()
        else { return nil }
        return SessionRecord(
            tokenHash: try row.decode(column: "token_hash", as: String.self),
            accountID: try row.decode(column: "account_id", as: Int64.self),
            csrfToken: try row.decode(column: "csrf_token", as: String.self),
            createdAt: StoredTime.date(try row.decode(column: "created_at", as: Double.self)),
            expiresAt: StoredTime.date(try row.decode(column: "expires_at", as: Double.self))
        )
    }

    /// Removes the session whose token hashes to `tokenHash`, if any.
    func deleteSession(tokenHash: String) async throws {
        try await sql.delete(from: Tables.sessions).where(SQLColumn("token_hash"), .equal, SQLBind(tokenHash)).run()
    }

    /// Removes the sessions that expired before `time`; returns how many.
    func deleteSessions(expiredBefore time: Date) async throws -> Int {
        try await sql.delete(from: Tables.sessions)
            .where(SQLColumn("expires_at"), .lessThan, SQLBind(StoredTime.value(time)))
            .returning("token_hash")
            .all()
            .count
    }
}
