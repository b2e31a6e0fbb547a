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

    /// One entry; absent values are `null`.
    struct Entry: Encodable {
        var id: Int64
        var at: Date
        var account: String
        var action: String
        var countyCode: String
        var year: Int
        var schoolCode: String?
        var field: String?
        var old: String?
        var new: String?
        var note: String?

        enum CodingKeys: String, CodingKey {
            case id, at, account, action, countyCode = "county_code", year, schoolCode = "school_code", field, old, new, note
        }

        init(_ entry: AuditEntry) {
            id = entry.id
            at = entry.at
            account = entry.accountName
            action = entry.action.rawValue
            countyCode = entry.countyCode
            year = entry.year
            schoolCode = entry.schoolCode
            field = entry.field
            old = entry.oldValue
            new = entry.newValue
            note = entry.note
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(at, forKey: .at)
            try c.encode(account, forKey: .account)
            try c.encode(action, forKey: .action)
            try c.encode(countyCode, forKey: .countyCode)
            try c.encode(year, forKey: .year)
            // Explicit nulls: every entry has the same keys.
            try c.encode(schoolCode, forKey: .schoolCode)
            try c.encode(field, forKey: .field)
            try c.encode(old, forKey: .old)
            try c.encode(new, forKey: .new)
            try c.encode(note, forKey: .note)
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
        let page = try await services.store.auditTrail(query)
        return try APIResponse.json(Page(total: page.total, entries: page.entries.map(Entry.init)), context: context)
    }
}
