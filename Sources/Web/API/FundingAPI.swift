import Domain
import Hummingbird
import Interchange
import Reports
import UseCases

/// `POST /api/counties/{county}/funding?year=` with the funding page's multipart body (optional
/// `budget`, `rules` or `rules_file`): the county's stored schools of the year funded by the
/// formula, as `junheng plan funding --format json` writes it (``FundingPlanDocument``). For
/// whoever may read the county; nothing is stored.
///
/// Refused rules answer 422 `invalid_data` with every problem in `details`; a malformed budget
/// 400 `bad_request`.
struct FundingAPI: Sendable {
    let services: WebServices

    /// `?year=`, which the form field `year` overrides.
    static let year = APIParameter(
        query: "year", "The year of the schools funded (default: the county's latest); the form field `year` wins.",
        rule: APIParameters.years)

    @Sendable func compute(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let l = context.language
        let upload = try await FundingUpload.read(request, context: context, limit: services.configuration.maxUploadSize)
        let chosen = try await services.countyYears.choose(county: county, year: try upload.year ?? request.yearQuery())
        let rules: FundingRules
        do {
            rules = try upload.fundingRules(language: l).0
        } catch let error as DataFileError {
            throw WebError.invalidData(l.pick("经费规则未通过检查。", "The funding rules were refused."), details: error.errors.map(\.description))
        }
        return try APIResponse.document(FundingPlanDocument(try await services.planFunding(chosen, rules: rules, budget: upload.budget)))
    }
}
