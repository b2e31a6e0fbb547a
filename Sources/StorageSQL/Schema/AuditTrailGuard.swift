/// Triggers that make `audit_entries` append-only in the database itself, so not even a
/// hand-written `UPDATE` or `DELETE` (a script, a console session) can rewrite the trail.
/// Changing it takes dropping the triggers first — a deliberate act by the database's owner.
enum AuditTrailGuard {
    /// The message of the refusal.
    static let message = "audit_entries is append-only"

    static func statements(_ flavor: SQLFlavor) -> [String] {
        let table = Tables.auditEntries
        switch flavor {
        case .sqlite:
            // SQLite has no TRUNCATE: an unqualified DELETE runs the DELETE trigger.
            return ["UPDATE", "DELETE"].map { operation in
                """
                CREATE TRIGGER \(table)_no_\(operation.lowercased()) BEFORE \(operation) ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(message): \(operation) refused'); END
                """
            }
        case .postgres:
            return [
                """
                CREATE FUNCTION \(table)_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION '\(message): % refused', TG_OP USING ERRCODE = 'restrict_violation';
                END
                $$
                """,
                """
                CREATE TRIGGER \(table)_no_update_delete BEFORE UPDATE OR DELETE ON \(table)
                FOR EACH ROW EXECUTE FUNCTION \(table)_refuse_change()
                """,
                """
                CREATE TRIGGER \(table)_no_truncate BEFORE TRUNCATE ON \(table)
                FOR EACH STATEMENT EXECUTE FUNCTION \(table)_refuse_change()
                """,
            ]
        }
    }
}
