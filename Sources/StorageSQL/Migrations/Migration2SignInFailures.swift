extension Migration {
    /// Version 2: failed sign-ins (``Storage/SignInFailureStore``), so the throttle counts the
    /// failures of every server sharing the database.
    ///
    /// One row per failure and kind: `kind` is `account` (subject: the name tried) or `address`
    /// (subject: the client's address). The first index answers the throttle's question (a
    /// subject's failures since a time), the second the pruning (every failure before a time).
    static let signInFailures = Migration(version: 2, summary: "sign-in failures shared by every server") { flavor in
        let text = flavor.text, double = flavor.double
        return [
            """
            CREATE TABLE \(Tables.signInFailures) (
              kind \(text) NOT NULL CHECK (kind IN ('account', 'address')),
              subject \(text) NOT NULL,
              failed_at \(double) NOT NULL
            )
            """,
            "CREATE INDEX sign_in_failures_key ON \(Tables.signInFailures) (kind, subject, failed_at)",
            "CREATE INDEX sign_in_failures_failed_at ON \(Tables.signInFailures) (failed_at)",
        ]
    }
}
