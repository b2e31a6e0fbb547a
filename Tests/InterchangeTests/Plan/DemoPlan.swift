import Demo
import Domain
import Planning
import Testing

/// A demo county that fails the resource part, its plan (ten items or more) and a schedule
/// over two yearly budgets that cannot afford everything, so some items stay unscheduled:
/// what the plan's report and document tests run on.
struct DemoPlan {
    let standard: Standard
    let schools: [SchoolYear]
    let plan: InvestmentPlan
    let schedule: BudgetSchedule

    init() throws {
        standard = try Standard.builtIn("quality-2017")
        let all = DemoGenerator(seed: 1, counties: 2, year: 2025).generate().schools
        let planner = InvestmentPlanner(standard: standard)
        var found: (schools: [SchoolYear], plan: InvestmentPlan)?
        for code in Set(all.map(\.countyCode)).sorted() {
            let county = all.filter { $0.countyCode == code }
            let plan = try planner.plan(county)
            if plan.items.count >= 10 { found = (county, plan) }
        }
        let (schools, plan) = try #require(found, "a demo county that needs a plan")
        self.schools = schools
        self.plan = plan
        let yearly = (plan.cost / 3).rounded(.up)
        schedule = try BudgetSchedule(
            plan: plan, budgets: [YearBudget(year: 2027, budget: yearly), YearBudget(year: 2026, budget: yearly)],
            standard: standard, schools: schools)
    }
}
