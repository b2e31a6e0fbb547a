extension InMemoryStore: AuditTrailStore {
    public func auditTrail(_ query: AuditQuery) -> AuditPage {
        let matching = trail.reversed().filter(query.matches)
        return AuditPage(entries: Array(matching.dropFirst(query.offset).prefix(query.limit)), total: matching.count)
    }
}
