import Domain
import Hummingbird
import Storage
import UseCases

/// The county's plan page (`GET /counties/:county/plan?year=&budget=&gaps_page=&items_page=`)
/// and its workbook (`GET /counties/:county/plan.xlsx?year=&budget=`, ``PlanWorkbook``), for
/// whoever may read the county's evaluation; both cost the plan at the county's unit costs.
///
/// A plan that cannot be made (a blank value) is shown as a message with 200: the page is
/// right, the data is not ready. A budget line that cannot be read is shown in the form with
/// 400, the plan still above it. The workbook has no such page to show: it answers 422 and
/// 400 with the same sentences.
struct PlanRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/counties/:county/plan") { request, context in try await show(request, context) }
        router.get("/counties/:county/plan.xlsx") { request, context in try await workbook(request, context) }
    }

    private func workbook(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let l = context.language
        let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        let query = try PlanQuery(request: request, year: chosen.year)
        let served = try await services.servedPlan(chosen, budget: query.budget, language: l)
        return try await PlanWorkbook.response(served.plan, schedule: served.schedule, loaded: served.loaded, standard: services.configuration.standard,
                                               language: l, heavy: services.heavy)
    }

    private func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let l = context.language
        let year = try request.yearQuery()
        // The budget's years are checked against the data's year, known once the year is chosen.
        let chosen = try await services.countyYears.choose(county: county, year: year)
        let query = try PlanQuery(request: request, year: chosen.year)
        var budgetError: String?
        var budgets: [YearBudget]?
        do {
            budgets = try BudgetInput.parse(query.budget, dataYear: chosen.year)?.budgets
        } catch {
            budgetError = error.message(in: l)
        }
        let loaded = try await services.investment.plan(chosen, budgets: budgets, store: services.store, work: services.heavy)
        let page = PlanPage(loaded: loaded, query: query, budgetError: budgetError,
                            standard: services.configuration.standard, language: l)
        let refused = budgetError != nil || { if case .failure? = loaded.schedule { true } else { false } }()
        return services.pages.page(page.html, frame: PageFrame(page.heading, context: context, path: request.uri.path),
                                   status: refused ? .badRequest : .ok)
    }
}
