/// The audit trail: who changed which county's data, when, and from what to what. Entries
/// are appended by the writes of ``SchoolDataStore`` and ``YearLockStore``, in their own
/// transactions. The trail can only grow: no method changes or deletes an entry, and the SQL
/// store's triggers refuse it too.
public protocol AuditTrailStore: Sendable {
    /// Entries matching `query`, newest first, and how many match in all.
    func auditTrail(_ query: AuditQuery) async throws -> AuditPage
}
