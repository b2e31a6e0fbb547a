import Domain
import UseCases

/// A county-year's investment plan as the plan API and the workbook download both serve it.
struct ServedPlan {
    /// What the use case loaded, with the county's stored name and prices.
    var loaded: CountyPlan
    var plan: InvestmentPlan
    /// The plan over the budget years, when a budget was given.
    var schedule: BudgetSchedule?
}

extension WebServices {
    /// Plans `chosen` with the budget as typed (`nil` for none), turning the use case's refusals
    /// into the web's errors: an unreadable budget or schedule is a bad request, a plan the data
    /// cannot make (blank values) is invalid data naming each `school:column`.
    func servedPlan(_ chosen: CountyYear, budget: String?, language l: Language) async throws -> ServedPlan {
        let budgets: [YearBudget]?
        do {
            budgets = try BudgetInput.parse(budget, dataYear: chosen.year)?.budgets
        } catch {
            throw WebError.badRequest(error.message(in: l))
        }
        let loaded = try await investment.plan(chosen, budgets: budgets, store: store, work: heavy)
        let plan: InvestmentPlan
        switch loaded.plan {
        case let .success(made): plan = made
        case let .failure(error):
            throw WebError.invalidData(error.message(in: l), details: error.missingValues.map { "\($0.schoolCode):\($0.column)" })
        }
        var schedule: BudgetSchedule?
        switch loaded.schedule {
        case let .success(done)?: schedule = done
        case let .failure(error)?: throw WebError.badRequest(error.message(in: l))
        case nil: break
        }
        return ServedPlan(loaded: loaded, plan: plan, schedule: schedule)
    }
}
