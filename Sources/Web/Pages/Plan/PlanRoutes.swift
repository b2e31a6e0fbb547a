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
        router.post("/counties/:county/plan/adopt") { request, context in try await adopt(request, context) }
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
        var adopt = PageContent()
        let viewer = try context.requireViewer()
        if !refused, viewer.account.may(.adoptPlan(county: county)), case let .success(plan) = loaded.plan, !plan.items.isEmpty {
            let versions = try await services.store.adoptedPlans(county: county).filter { $0.kind == .investment && $0.year == chosen.year }
            adopt.section("adopt") { section in
                section.subheading(l.pick("采纳方案", "Adopt the plan"))
                section.paragraph(l.pick(
                    "采纳后方案存档为第 \((versions.last?.version ?? 0) + 1) 版，其各项可列入整改台账。" + (versions.last.map { "已采纳至第 \($0.version) 版（\($0.adoptedBy)，\(FigureText.time($0.adoptedAt))）。" } ?? ""),
                    "Adopted, the plan is kept as version \((versions.last?.version ?? 0) + 1), its items ready for the remediation ledger."
                        + (versions.last.map { " Version \($0.version) was adopted by \($0.adoptedBy), \(FigureText.time($0.adoptedAt))." } ?? "")), class: "muted")
                var action = "/counties/\(county)/plan/adopt?year=\(chosen.year)"
                if let budget = query.budget, let encoded = budget.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { action += "&budget=\(encoded)" }
                section.form(action: action, stacked: false, csrf: viewer.session.csrfToken) { $0.buttons([(l.pick("采纳此方案", "Adopt this plan"), nil, nil)]) }
            }
        }
        return services.pages.page(page.html + adopt.text, frame: PageFrame(page.heading, context: context, path: request.uri.path),
                                   status: refused ? .badRequest : .ok)
    }

    /// Adopts the plan the page shows (same year and budget) as the next version: each item
    /// kept with its school and what it buys, ready for the remediation ledger.
    private func adopt(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let account = try context.require(.adoptPlan(county: county))
        let l = context.language
        let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        let query = try PlanQuery(request: request, year: chosen.year)
        let budgets: [YearBudget]?
        do {
            budgets = try BudgetInput.parse(query.budget, dataYear: chosen.year)?.budgets
        } catch {
            throw WebError.invalidData(error.message(in: l), details: [])
        }
        let loaded = try await services.investment.plan(chosen, budgets: budgets, store: services.store, work: services.heavy)
        guard case let .success(plan) = loaded.plan, !plan.items.isEmpty else {
            throw WebError.conflict(l.pick("没有可采纳的方案：本县无需投入或方案无法生成。", "There is no plan to adopt: nothing to add, or no plan can be made."))
        }
        let items = plan.items.map { item in
            AdoptedPlan.Item(key: item.id, text: l.pick(
                "\(item.schoolName)：\(item.resource.chineseName) \(FieldValue.decimal(item.amount).text) \(item.resource.unit)，\(FieldValue.decimal((item.cost / 100).rounded() / 100).text) 万元",
                "\(item.schoolName): \(item.resource.englishName) \(FieldValue.decimal(item.amount).text) \(item.resource.unit), \(FieldValue.decimal(item.cost.rounded()).text) yuan"),
                schoolCode: item.schoolCode)
        }
        let total = plan.items.reduce(0) { $0 + $1.cost }
        let title = l.pick("\(chosen.year) 年度资源配置达标投入方案：\(items.count) 项，合计 \(FieldValue.decimal((total / 100).rounded() / 100).text) 万元",
                           "\(chosen.year) investment plan: \(items.count) items, \(FieldValue.decimal(total.rounded()).text) yuan")
        let adopted = try await services.store.adoptPlan(
            AdoptedPlan(countyCode: county, year: chosen.year, kind: .investment, version: 0, title: title, adoptedBy: account.name,
                        adoptedAt: services.clock(), items: items), by: account)
        return .redirect(to: "/counties/\(county)/ledger?year=\(chosen.year)&adopted=\(adopted.version)", type: .normal)
    }
}
