import Storage

extension SQLStore: AuditTrailStore {
    /// A page of the trail, newest first, and the total, read from one snapshot.
    public func auditTrail(_ query: AuditQuery) async throws -> AuditPage {
        if query.counties?.isEmpty == true { return AuditPage(entries: [], total: 0) }
        // One snapshot, so the total counts the entries the page was cut from.
        return try await snapshot { session in
            AuditPage(entries: try await session.auditEntries(query), total: try await session.auditCount(query))
        }
    }
}
