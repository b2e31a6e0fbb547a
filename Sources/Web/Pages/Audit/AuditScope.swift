import Storage

/// Whose audit trail a viewer may read, for the audit page and `GET /api/audit` alike:
/// an administrator every county, a planner their county, a supervisor their counties, a
/// clerk none. Asking for one county outside that scope is refused, not silently emptied.
enum AuditScope {
    /// The counties to query (`nil`: all), for `county` if one is asked for.
    ///
    /// - Throws: ``WebError/unauthenticated`` when anonymous, ``WebError/forbidden`` when the
    ///   viewer reads no trail or not the county asked for, ``WebError/notFound`` for a
    ///   malformed county code.
    static func counties(for context: AppRequestContext, county: String?) throws(WebError) -> [String]? {
        let account = try context.requireViewer().account
        if let county {
            guard county.count == 6, county.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw WebError.notFound }
            guard account.may(.readAudit(county: county)) else { throw WebError.forbidden }
            return [county]
        }
        if account.role == .admin { return nil }
        let readable = account.counties.filter { account.may(.readAudit(county: $0)) }
        guard !readable.isEmpty else { throw WebError.forbidden }
        return readable
    }
}
