import Domain
import Testing
@testable import Planning

@Suite("Budget schedule")
struct ScheduleTests {
    @Test("never over a year's budget, never an item twice, every item accounted for", arguments: 0..<25)
    func budgetsHold(seed: Int) throws {
        var random = TestRandom(seed: 1200 + seed)
        let county = random.primaryCounty(random.int(3, 40))
        let plan = try InvestmentPlanner(standard: .quality2017).plan(county)
        let years = random.int(1, 6)
        let firstYear = plan.cost + plan.yearlyCost
        let budgets = (0..<years).map { YearBudget(year: 2026 + $0, budget: firstYear * random.uniform(0.05, 0.6) + 1) }
        let schedule = try BudgetSchedule(plan: plan, budgets: budgets, standard: .quality2017, schools: county)
        var seen = Set<String>()
        var salaries = 0.0
        for (year, budget) in zip(schedule.years, budgets) {
            #expect(year.year == budget.year)
            #expect(year.spent <= budget.budget * (1 + 1e-12))
            // A year pays its items once and every post filled so far, this year's included.
            salaries += year.items.reduce(0) { $0 + $1.yearlyCost }
            #expect(abs(year.recurring - salaries) <= 1e-6)
            #expect(abs(year.spent - year.recurring - year.items.reduce(0) { $0 + $1.cost }) <= 1e-6)
            for item in year.items { #expect(seen.insert(item.id).inserted, "\(item.id) scheduled twice") }
        }
        // A post is filled only while every later year can still pay the salaries.
        for (i, year) in schedule.years.enumerated() {
            #expect(year.recurring <= budgets[i...].map(\.budget).min()! * (1 + 1e-12))
        }
        for item in schedule.unscheduled { #expect(seen.insert(item.id).inserted) }
        #expect(seen == Set(plan.items.map(\.id)))
        // When everything is done, the county passes in the year the last item is done.
        if schedule.unscheduled.isEmpty {
            #expect(schedule.firstPassingYear != nil)
            #expect(schedule.years.last?.check.passes == true)
        } else {
            #expect(schedule.shortfall > 0)
        }
    }

    @Test("a budget as large as the plan does it in the first year")
    func oneYearIsEnough() throws {
        var random = TestRandom(seed: 77)
        let county = random.primaryCounty(20)
        let plan = try InvestmentPlanner(standard: .quality2017).plan(county)
        let schedule = try BudgetSchedule(plan: plan, budgets: [YearBudget(year: 2026, budget: plan.cost + plan.yearlyCost + 1)], standard: .quality2017, schools: county)
        #expect(schedule.unscheduled.isEmpty)
        #expect(schedule.firstPassingYear == 2026)
        #expect(schedule.years[0].check.passes)
    }

    @Test("most deficient first")
    func order() {
        func item(_ code: String, attainment: Double?, cost: Double, reason: PlanReason) -> PlanItem {
            PlanItem(schoolCode: code, schoolName: code, locality: .rural, resource: .teachingArea, stage: nil, amount: 1,
                     unitCost: cost, cost: cost, reason: reason, indicators: [3], attainment: attainment)
        }
        let ordered = BudgetSchedule.priorityOrder([
            item("a", attainment: 0.95, cost: 1, reason: .balance),
            item("b", attainment: 0.90, cost: 5, reason: .belowThreshold),
            item("c", attainment: 0.60, cost: 9, reason: .belowFloor),
            item("d", attainment: 0.90, cost: 2, reason: .belowThreshold),
        ])
        #expect(ordered.map(\.schoolCode) == ["c", "d", "b", "a"])
    }

    @Test("bad budgets are refused with the reason")
    func refusals() throws {
        var random = TestRandom(seed: 78)
        let county = random.primaryCounty(5)
        let plan = try InvestmentPlanner(standard: .quality2017).plan(county)
        func refusal(_ budgets: [YearBudget]) -> String? {
            do {
                _ = try BudgetSchedule(plan: plan, budgets: budgets, standard: .quality2017, schools: county)
                return nil
            } catch {
                return error.message(in: .english)
            }
        }
        #expect(refusal([])?.contains("no year") == true)
        #expect(refusal([YearBudget(year: 2026, budget: 0)])?.contains("not positive") == true)
        #expect(refusal([YearBudget(year: 2026, budget: 5), YearBudget(year: 2026, budget: 6)])?.contains("twice") == true)
    }
}

@Suite("Teacher levers in the plan and the schedule")
struct TeacherLeverTests {
    /// One school of 500 pupils short of qualified (needs 21), backbone (needs 5) and PE/art
    /// (needs 5) teachers, every facility above its threshold.
    private static func shortOfTeachers() -> SchoolYear {
        var random = TestRandom(seed: 5)
        var school = random.primaryCounty(1)[0]
        school.primary.students = 500
        school.primary.teachers = 40
        school.primary.qualifiedTeachers = 15
        school.primary.backboneTeachers = 2
        school.primary.peArtTeachers = 3
        school.facilities.teachingArea = 5_000
        school.facilities.sportsArea = 5_000
        school.facilities.equipmentValue = 2_000_000
        school.facilities.multimediaRooms = 20
        return school
    }

    @Test("backbone teachers are trained once, other teachers are posts paid every year, and neither is double-counted as a teacher")
    func leversAndCosts() throws {
        let school = Self.shortOfTeachers()
        let plan = try InvestmentPlanner(standard: .quality2017).plan([school])
        let trained = try #require(plan.items.first { $0.resource == .backboneTeachers })
        #expect(trained.lever == .training && trained.unitCost == 10_000 && trained.cost == trained.amount * 10_000 && trained.yearlyCost == 0)
        for post in plan.items where post.resource == .qualifiedTeachers || post.resource == .peArtTeachers {
            #expect(post.lever == .post && post.cost == 0 && post.yearlyCost == post.amount * 100_000)
        }
        #expect(plan.cost == plan.items.reduce(0) { $0 + $1.cost })
        #expect(plan.yearlyCost == plan.items.reduce(0) { $0 + $1.yearlyCost })
        #expect(plan.weighedCost == plan.cost + 5 * plan.yearlyCost)
        // Trained teachers were there already: only posts add full-time teachers.
        let applied = Whatif.apply(plan.items, to: [school])[0]
        let posts = plan.items.filter { $0.lever == .post }.reduce(0) { $0 + Int($1.amount) }
        #expect(applied.primary.teachers == 40 + posts)
        #expect(applied.primary.backboneTeachers == 2 + Int(trained.amount))
        #expect(ResourceCheck(plan.after).passes)
        // Every gap says which lever closes it.
        for gap in plan.gaps where gap.toFloor > 0 {
            #expect(plan.levers(closing: gap) == [PlanLever.bought(gap.resource)])
        }
    }

    @Test("the schedule pays each post's salary in its year and every later one, and keeps a yearly capacity")
    func recurringAndCapacity() throws {
        let school = Self.shortOfTeachers()
        var costs = UnitCosts.defaults
        costs.setYearlyCapacity(.backboneTeachers, to: 1)
        let plan = try InvestmentPlanner(standard: .quality2017, costs: costs).plan([school])
        let trainees = try #require(plan.items.first { $0.lever == .training }).amount
        #expect(trainees >= 2)
        let salaries = plan.yearlyCost
        #expect(salaries > 0)
        let budgets = (2026..<2026 + Int(trainees)).map { YearBudget(year: $0, budget: salaries + 50_000) }
        let schedule = try BudgetSchedule(plan: plan, budgets: budgets, standard: .quality2017, schools: [school])
        #expect(schedule.unscheduled.isEmpty)
        for year in schedule.years {
            // One trainee a year; the posts filled in the first year are paid in every year.
            #expect(year.items.filter { $0.lever == .training }.reduce(0) { $0 + $1.amount } == 1)
            #expect(year.recurring == salaries)
            #expect(year.spent == salaries + 10_000)
        }
        #expect(schedule.firstPassingYear != nil)
        // A year that could not pay the salaries later fills no post.
        let tight = [YearBudget(year: 2026, budget: salaries + 50_000), YearBudget(year: 2027, budget: 20_000)]
        let held = try BudgetSchedule(plan: plan, budgets: tight, standard: .quality2017, schools: [school])
        #expect(held.years.allSatisfy { $0.items.allSatisfy { $0.lever != .post } && $0.recurring == 0 })
        #expect(held.unscheduled.contains { $0.lever == .post })
    }
}
