import Domain
import Hummingbird
import Interchange
import Reports
import UseCases

/// `POST /api/counties/{county}/quota?year=` with the quota page's multipart body (file
/// `quota`, optional `method`, `seed`, `group_small_schools`, `sheet`): the county's stored
/// junior schools of the year share the quality high schools' places (指标到校), as `junheng
/// plan quota --format json` writes it (``QuotaPlanDocument``). For whoever may read the
/// county; nothing is stored.
///
/// A refused quota file answers 422 `invalid_data` with every problem in `details`
/// (`FILE:ROW:COLUMN: message`); a body without a quota file, or with a bad method or seed,
/// 400 `bad_request`.
struct QuotaAPI: Sendable {
    let services: WebServices

    /// `?year=`, which the form field `year` overrides.
    static let year = APIParameter(
        query: "year", "The year whose junior schools share the places (default: the county's latest); the form field `year` wins.",
        rule: APIParameters.years)

    @Sendable func allocate(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let l = context.language
        let upload = try await QuotaUpload.read(request, context: context, limit: services.configuration.maxUploadSize)
        let file = try upload.requireQuota(language: l)
        let chosen = try await services.countyYears.choose(county: county, year: try upload.year ?? request.yearQuery())
        let made: CountyQuota
        do {
            made = try await PlanQuota(rules: upload.rules).plan(chosen, quota: file, store: services.store, work: services.heavy, language: l)
        } catch let error as DataFileError {
            throw WebError.invalidData(l.pick("文件未通过检查，未作分配。", "The file was refused; nothing was allocated."), details: error.errors.map(\.description))
        } catch let error as PlanningError {
            throw WebError.invalidData(error.message(in: l), details: [])
        }
        return try APIResponse.document(QuotaPlanDocument(made.allocations, rules: made.rules))
    }
}
