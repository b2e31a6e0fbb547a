import Domain
import Hummingbird
import Interchange
import Reports
import UseCases

/// `POST /api/counties/{county}/rotate?year=` with the rotation form's multipart body (file
/// `teachers`, optional `sheet`, optional `rules` as JSON text or file): the county's teacher
/// rotation plan (交流轮岗方案) as `junheng plan rotate --format json` writes it, with the
/// rules used and the readers' warnings (``RotationAnswer``). With the field
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
        if upload.wantsWorkbook { return try await RotateWorkbook.response(rotation, standard: services.configuration.standard, language: l, heavy: services.heavy) }
        return try APIResponse.document(RotationAnswer(rotation))
    }
}
