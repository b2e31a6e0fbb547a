import Foundation
import Hummingbird
import Storage

/// `GET /api/audit?county=&school=&year=&limit=&offset=`: the audit trail, newest first,
/// within the viewer's scope (``AuditScope``). Read only: no route changes the trail.
struct AuditAPI: Sendable {
    let services: WebServices

    /// The filters and the page.
    static let parameters = [
        APIParameter(query: "county", "Only this county (县区代码).", rule: .digits(6)),
        APIParameter(query: "school", "Only this school (学校标识码).", rule: .text(1...64)),
        APIParameter(query: "year", "Only this year.", rule: APIParameters.years),
        APIParameter(query: "limit", "At most this many entries (default 100, at most 1000).", rule: .integer(1...1000), default: 100),
        APIParameter(query: "offset", "Skip this many entries first.", rule: .integerFrom(0), default: 0),
    ]

    /// One entry; absent values are `null`, so that every entry has the same keys.
    struct Entry: Encodable {
        let entry: AuditEntry

        enum CodingKeys: String, CodingKey {
            case id, at, account, action, countyCode = "county_code", year, schoolCode = "school_code", field, old, new, note
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(entry.id, forKey: .id)
            try c.encode(entry.at, forKey: .at)
            try c.encode(entry.accountName, forKey: .account)
            try c.encode(entry.action.rawValue, forKey: .action)
            try c.encode(entry.countyCode, forKey: .countyCode)
            try c.encode(entry.year, forKey: .year)
            // Explicit nulls: every entry has the same keys.
            try c.encode(entry.schoolCode, forKey: .schoolCode)
            try c.encode(entry.field, forKey: .field)
            try c.encode(entry.oldValue, forKey: .old)
            try c.encode(entry.newValue, forKey: .new)
            try c.encode(entry.note, forKey: .note)
        }
    }

    struct Page: Encodable {
        var total: Int
        var entries: [Entry]
    }

    @Sendable func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let counties = try AuditScope.counties(for: context, county: request.textQuery("county"))
        let query = AuditQuery(
            counties: counties, schoolCode: request.textQuery("school"), year: try request.yearQuery(),
            limit: try request.intQuery("limit", default: 100, max: 1000), offset: try request.intQuery("offset", default: 0, max: Int(Int32.max))
        )
        let page = try await services.store.auditTrail(query).masked(for: try context.requireViewer().account)
        return try APIResponse.json(Page(total: page.total, entries: page.entries.map { Entry(entry: $0) }), context: context)
    }
}
