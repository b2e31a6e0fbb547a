import Domain
import Foundation
import Hummingbird
import Interchange
import Storage
import UseCases

/// School rows: a county's year, one school's year, its history, and editing a year.
struct SchoolsAPI: Sendable {
    let services: WebServices

    /// `GET /api/counties/{county}/years/{year}/schools`: every row of the county's year.
    @Sendable func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter(), year = try context.yearParameter()
        try context.require(.readCounty(county))
        let rows = try await services.store.schoolYears(county: county, year: year)
        guard !rows.isEmpty else { throw WebError.notFound }
        return APIResponse.document(.object([
            ("county_code", .string(county)),
            ("year", .int(year)),
            ("locked", .bool(try await isLocked(county: county, year: year))),
            ("schools", .array(rows.map(SchoolRowJSON.object))),
        ]))
    }

    /// `GET /api/counties/{county}/schools/{school}/years/{year}`: one school's row.
    @Sendable func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter(), school = try context.textParameter("school"), year = try context.yearParameter()
        try context.require(.readSchool(county: county, school: school))
        guard let row = try await services.store.schoolYear(county: county, school: school, year: year) else { throw WebError.notFound }
        return APIResponse.document(.object([
            ("locked", .bool(try await isLocked(county: county, year: year))),
            ("school", SchoolRowJSON.object(row)),
        ]))
    }

    /// `GET /api/counties/{county}/schools/{school}/history`: the school's rows, oldest first.
    @Sendable func history(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter(), school = try context.textParameter("school")
        try context.require(.readSchool(county: county, school: school))
        let rows = try await services.store.schoolHistory(county: county, school: school)
        guard !rows.isEmpty else { throw WebError.notFound }
        return APIResponse.document(.object([
            ("county_code", .string(county)),
            ("school_code", .string(school)),
            ("years", .array(rows.map(SchoolRowJSON.object))),
        ]))
    }

    /// `PATCH /api/counties/{county}/schools/{school}/years/{year}` with
    /// `{"teaching_area": "5300", "computers": 120, …}`: applies the values under the file
    /// rules (``EditSchoolYear``) and answers `{"for_review", "changes": [{"field", "old", "new"}]}`, each
    /// change recorded in the audit trail; a school clerk's edit is saved for the county's review. 422 `invalid_data` lists every problem; 409
    /// `locked` when the year is locked.
    @Sendable func update(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter(), school = try context.textParameter("school"), year = try context.yearParameter()
        let account = try context.require(.editSchool(county: county, school: school))
        let l = context.language
        let values = try await Self.values(of: request, context: context)
        // The store refuses a locked year too; asking first answers 409 even for a value
        // that would not pass the file rules.
        if try await isLocked(county: county, year: year) { throw StoreError.locked(county: county, year: year) }
        let outcome: EditSchoolYear.Outcome
        do {
            outcome = try await EditSchoolYear(store: services.store, language: l)
                .run(values, county: county, school: school, year: year, by: account, at: services.clock())
        } catch let error as DataFileError {
            throw WebError.invalidData(l.pick("数据有误，未保存。", "Invalid values; nothing was saved."), details: error.errors.map(\.description))
        }
        let changes = outcome.changes
        return APIResponse.document(.object([
            ("for_review", .bool(outcome.forReview)),
            ("changes", .array(changes.map { change in
                .object([
                    ("field", .string(change.field.key)),
                    ("old", .string(change.old?.text)),
                    ("new", .string(change.new?.text)),
                ])
            })),
        ]))
    }

    /// The body's values by field: text as typed, numbers in plain notation, booleans as
    /// `true`/`false`, `null` as empty (not reported).
    static func values(of request: Request, context: AppRequestContext) async throws -> [SchoolField: String] {
        let l = context.language
        var request = request
        let body = try await request.collectBody(upTo: 1 << 20)
        let decoded: [String: PatchValue]
        do { decoded = try JSONDecoder().decode([String: PatchValue].self, from: Data(body.readableBytesView)) } catch {
            throw WebError.badRequest(l.pick("请求体应为 JSON 对象，如 {\"teaching_area\": \"5300\"}",
                                             "expected a JSON object such as {\"teaching_area\": \"5300\"}"))
        }
        var values: [SchoolField: String] = [:], problems: [String] = []
        for (key, value) in decoded.sorted(by: { $0.key < $1.key }) {
            guard let field = SchoolField(key: key) else {
                problems.append(l.pick("\(key): 未知字段", "\(key): unknown field"))
                continue
            }
            guard let text = value.text else {
                problems.append(l.pick("\(key): 值应为文本、数字、布尔值或 null", "\(key): the value must be text, a number, a boolean or null"))
                continue
            }
            values[field] = text
        }
        guard problems.isEmpty else {
            throw WebError.invalidData(l.pick("数据有误，未保存。", "Invalid values; nothing was saved."), details: problems)
        }
        return values
    }

    private func isLocked(county: String, year: Int) async throws -> Bool {
        try await services.store.locks(county: county).contains { $0.year == year }
    }
}

/// One value of a PATCH body, as the text a form would hold.
struct PatchValue: Decodable {
    /// `nil` for an array or object, which no field takes.
    var text: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            text = ""
        } else if let string = try? container.decode(String.self) {
            text = string
        } else if let flag = try? container.decode(Bool.self) {
            text = flag ? "true" : "false"
        } else if let number = try? container.decode(Double.self) {
            text = FieldValue.decimal(number).text
        } else {
            text = nil
        }
    }
}
