import Domain
import Hummingbird
import Reports
import UseCases

/// `GET /api/counties/{county}/plan?year=&budget=`: the county's remediation plan as
/// `junheng plan invest --format json` writes it (``InvestmentPlanDocument``) — summary, gaps,
/// items and CVs — and, with `budget` (`2026:4917093, 2027:5000000`, the grammar of ``BudgetInput``), its schedule. For
/// whoever may read the county's evaluation; money in yuan, texts in the request's language.
///
/// A plan that cannot be made answers 422 `invalid_data` with the reason (and each blank
/// value in `details`); a budget that cannot be read answers 400 `bad_request`.
struct PlanAPI: Sendable {
    let services: WebServices

    /// `?budget=`, besides the county and the year.
    static let parameters = [
        APIParameter(query: "budget", "Yearly budgets in yuan, `YEAR:AMOUNT` entries separated by commas, semicolons or line breaks (`2026:4917093, 2027:5000000`). An amount may group thousands (`4,917,093`: a comma before exactly three digits) and end in 万 or 亿 and 元 (`491.7万`); full-width digits and punctuation are read as ASCII. Read as an HTML form sends it: `+` is a space, `%2B` a plus. Years may not precede the data's year; at most 30.",
                     rule: .text(1...2000)),
    ]

    @Sendable func plan(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let l = context.language
        let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        // The budget as the page reads it (a form's `+` is a space), so that a link copied from the
        // page's address bar asks the API the same question.
        let served = try await services.servedPlan(chosen, budget: request.formQuery("budget"), language: l)
        let (loaded, plan, schedule) = (served.loaded, served.plan, served.schedule)
        var document = InvestmentPlanDocument(plan, schedule: schedule, standard: services.configuration.standard, language: l)
        // The rows name the county; a county without a name in its rows may still have one stored.
        document.countyName = document.countyName ?? loaded.countyName
        return try APIResponse.document(document)
    }
}
