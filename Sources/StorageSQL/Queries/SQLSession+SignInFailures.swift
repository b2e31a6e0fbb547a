import Foundation
import SQLKit
import Storage

extension SQLSession {
    /// Records one failure under both kinds.
    func insertSignInFailure(account: String, address: String, at time: Date) async throws {
        let at = SQLValue.double(StoredTime.value(time))
        try await insert(
            into: Tables.signInFailures, columns: ["kind", "subject", "failed_at"],
            rows: [
                [.text(SignInFailureKind.account.rawValue), .text(account), at],
                [.text(SignInFailureKind.address.rawValue), .text(address), at],
            ]
        )
    }

    /// Removes every failure before `cutoff`.
    func deleteSignInFailures(before cutoff: Date) async throws {
        try await sql.delete(from: Tables.signInFailures)
            .where(SQLColumn("failed_at"), .lessThan, SQLBind(StoredTime.value(cutoff)))
            .run()
    }

    /// Removes every failure of `key` of `kind`.
    func deleteSignInFailures(_ kind: SignInFailureKind, key: String) async throws {
        try await sql.delete(from: Tables.signInFailures)
            .where(SQLColumn("kind"), .equal, SQLBind(kind.rawValue))
            .where(SQLColumn("subject"), .equal, SQLBind(key))
            .run()
    }

    /// The times of `key`'s failures of `kind` at or after `since`, oldest first.
    func signInFailureTimes(_ kind: SignInFailureKind, key: String, since: Date) async throws -> [Date] {
        try await sql.select().column("failed_at").from(Tables.signInFailures)
            .where(SQLColumn("kind"), .equal, SQLBind(kind.rawValue))
            .where(SQLColumn("subject"), .equal, SQLBind(key))
            .where(SQLColumn("failed_at"), .greaterThanOrEqual, SQLBind(StoredTime.value(since)))
            .orderBy("failed_at")
            .all()
            .map { StoredTime.date(try $0.decode(column: "failed_at", as: Double.self)) }
    }
}
