import Domain
import Foundation
import Hummingbird
import Interchange
import Reports
import UseCases

/// `POST /api/counties/{county}/rotate?year=` with the rotation form's multipart body (file
/// `teachers`, optional `sheet`, optional `rules` as JSON text or file): the county's teacher
/// rotation plan (交流轮岗方案) as `junheng plan rotate --format json` writes it
/// (``RotationJSON``), with the rules used and the readers' warnings. With the field
/// `format=xlsx` the answer is the workbook instead. For whoever may read the county's
/// evaluation; nothing is stored.
///
/// A refused teachers file or rules answer 422 `invalid_data`, every problem in `details`
/// (`FILE:ROW:COLUMN: message`); a body without a teachers file 400 `bad_request`.
struct RotateAPI: Sendable {
    let services: WebServices

    /// `?year=`, which the form field `year` overrides.
    static let year = APIParameter(
        query: "year", "The data's year (default: the county's latest); the form field `year` wins.", rule: APIParameters.years)

    @Sendable func plan(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let l = context.language
        let upload = try await RotationUpload.read(request, context: context, limit: services.configuration.maxUploadSize)
        let chosen = try await services.countyYears.choose(county: county, year: try upload.year ?? request.yearQuery())
        let rotation = try await PlanRotation.plan(
            chosen, teachers: try upload.requireTeachers(language: l), rules: upload.rules,
            store: services.store, work: services.heavy, language: l)
        if upload.wantsWorkbook { return try await RotateWorkbook.response(rotation, language: l, heavy: services.heavy) }
        return APIResponse.document(Self.document(rotation))
    }

    /// The plan's document, then `rules` (every key, defaults filled in) and `warnings`.
    static func document(_ rotation: CountyRotation) -> JSONValue {
        let plan = RotationJSON(schools: rotation.schools)
            .document(rotation.plan, ruralService: rotation.record, differences: rotation.differences)
        guard case var .object(members) = plan else { return plan }
        // The rows name the county; a county without a name in its rows still has its code.
        if let index = members.firstIndex(where: { $0.0 == "county_name" }), case .null = members[index].1 {
            members[index].1 = .string(rotation.countyName)
        }
        members.append(("rules", rules(rotation.rules)))
        members.append(("warnings", .array(rotation.warnings.map { .string($0) })))
        return .object(members)
    }

    /// The rules as their own JSON (``RotationRules``' coding), keys sorted.
    static func rules(_ rules: RotationRules) -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(rules), let object = try? JSONSerialization.jsonObject(with: data) else { return .null }
        return value(object)
    }

    private static func value(_ object: Any) -> JSONValue {
        switch object {
        case let dictionary as [String: Any]:
            return .object(dictionary.keys.sorted().map { ($0, value(dictionary[$0]!)) })
        case let array as [Any]:
            return .array(array.map(value))
        case let text as String:
            return .string(text)
        case let number as NSNumber:
            // Rules hold counts and ratios: a whole number is an integer key (years, ages).
            let double = number.doubleValue
            return double == double.rounded() && abs(double) < 1e15 ? .int(Int(double)) : .number(double)
        default:
            return .null
        }
    }
}
