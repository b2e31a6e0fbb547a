import Demo
import Domain
import Interchange
@testable import Planning
import Testing

@Suite("Investment planner")
struct PlannerTests {
    /// The demo counties of one seed, one array per county.
    private static func demoCounties(seed: UInt64, count: Int) -> [[SchoolYear]] {
        let schools = DemoGenerator(seed: seed, counties: count).schools()
        return Dictionary(grouping: schools, by: \.countyCode).keys.sorted().map { code in schools.filter { $0.countyCode == code } }
    }

    @Test("the plan applied to the data passes the resource part (demo counties, default prices)", arguments: [UInt64(1), 2, 3])
    func appliedPlanPasses(seed: UInt64) throws {
        let planner = InvestmentPlanner(standard: .quality2017)
        for county in Self.demoCounties(seed: seed, count: 6) {
            let plan = try planner.plan(county)
            #expect(ResourceCheck(plan.after).passes, "county \(plan.countyCode): \(plan.after.findings)")
            #expect(plan.lowerBound <= plan.weighedCost * (1 + 1e-12))
            #expect(plan.items.allSatisfy { $0.amount > 0 && $0.cost >= 0 && $0.yearlyCost >= 0 })
            // A post's price recurs, training and purchases are paid once.
            for item in plan.items {
                #expect(item.lever == PlanLever.bought(item.resource))
                #expect(item.lever.recurs ? item.cost == 0 && item.yearlyCost == item.amount * item.unitCost
                                          : item.yearlyCost == 0 && item.cost == item.amount * item.unitCost)
            }
            // Whole resources come in whole numbers.
            for item in plan.items where item.resource.isWhole { #expect(item.amount == item.amount.rounded()) }
            // Re-applying the items the plan reports gives the evaluation it reports.
            let after = Evaluator(standard: .quality2017).evaluateCounty(Whatif.apply(plan.items, to: county), facts: nil)
            #expect(after.verdict == plan.after.verdict)
            #expect(plan.items.isEmpty == ResourceCheck(plan.before).passes)
        }
    }

    @Test("with prices by locality the plan still passes and is priced by locality", arguments: [UInt64(4), 5])
    func localityPrices(seed: UInt64) throws {
        var costs = UnitCosts.defaults
        costs.set(.teachingArea, to: 2_800, in: .rural)
        costs.set(.sportsArea, to: 380, in: .urban)
        costs.set(.backboneTeachers, to: 80_000, in: .rural)
        let planner = InvestmentPlanner(standard: .quality2017, costs: costs)
        for county in Self.demoCounties(seed: seed, count: 4) {
            let plan = try planner.plan(county)
            #expect(ResourceCheck(plan.after).passes)
            for item in plan.items { #expect(item.unitCost == costs.cost(of: item.resource, in: item.locality)) }
            #expect(abs(plan.weighedCost - plan.items.reduce(0) { $0 + $1.amount * costs.weighedCost(of: $1.resource, in: $1.locality) })
                        <= 1e-6 * max(1, plan.weighedCost))
        }
    }

    @Test("generated counties of every size pass after the plan", arguments: 0..<40)
    func generatedCountiesPass(seed: Int) throws {
        var random = TestRandom(seed: 500 + seed)
        let county = random.primaryCounty(random.int(1, 60))
        let plan = try InvestmentPlanner(standard: .quality2017).plan(county)
        #expect(ResourceCheck(plan.after).passes)
    }

    /// Every exception choice of `county`: each unit exempts nothing or one of its deficient
    /// indicators (exempting a met one changes nothing), costed slot by slot exactly.
    private func exhaustiveOptimum(_ county: [SchoolYear], divisible: Bool, standard: Standard = .quality2017) -> Double {
        let units = Evaluator(standard: standard).evaluateCounty(county, facts: nil).units
        let model = PlanModel(standard: standard, costs: .defaults, units: units, schools: county, everythingDivisible: divisible)
        let options: [[Int?]] = units.map { unit in [nil] + unit.met.indices.filter { unit.met[$0] == false }.map(Optional.some) }
        var choice = Array(repeating: Int?.none, count: units.count)
        var best = Double.infinity
        func visit(_ u: Int) {
            if u == units.count {
                var members = Array(repeating: [Int](), count: model.slots.count)
                for v in choice.indices { if let k = choice[v] { members[model.slotIndex(unit: v, indicator: k)].append(v) } }
                let total = members.indices.reduce(0.0) { $0 + model.solve(slot: $1, exempted: members[$1]).filling.cost }
                best = min(best, total)
                return
            }
            for option in options[u] {
                choice[u] = option
                visit(u + 1)
            }
        }
        visit(0)
        return best
    }

    @Test("divisible resources: the plan's cost equals exhaustive search (≤ 8 units)", arguments: 0..<30)
    func optimalDivisible(seed: Int) throws {
        var random = TestRandom(seed: 700 + seed)
        let county = random.primaryCounty(random.int(1, 8))
        var planner = InvestmentPlanner(standard: .quality2017)
        planner.everythingDivisible = true
        let plan = try planner.plan(county)
        let optimum = exhaustiveOptimum(county, divisible: true)
        #expect(abs(plan.weighedCost - optimum) <= 1e-7 * max(1, optimum), "plan \(plan.weighedCost) vs exhaustive \(optimum)")
        #expect(plan.optimality == .optimal)
    }

    @Test("the pattern bound never exceeds the exhaustive optimum (divisible, ≤ 6 units, strict CV limits that bind)", arguments: 0..<24)
    func patternBoundIsValid(seed: Int) throws {
        var random = TestRandom(seed: 1900 + seed)
        let county = random.primaryCounty(random.int(3, 6))
        // Limits strict enough to bind after the school rule on these counties.
        var standard = Standard.quality2017
        standard.balance.cvLimits = [.primary: 0.12, .junior: 0.12]
        let units = Evaluator(standard: standard).evaluateCounty(county, facts: nil).units
        let model = PlanModel(standard: standard, costs: .defaults, units: units, schools: county, everythingDivisible: true)
        let purchases = Purchases(model: model)
        let schoolRule = purchases.schoolRuleOptimum()
        let binding = Set(purchases.failingSlots(schoolRule.amounts))
        try #require(!binding.isEmpty)
        let references = model.optimalNumerators(slots: binding, exempted: schoolRule.exempted)
        let bound = purchases.patternBound(binding: binding, references: references)
        let optimum = exhaustiveOptimum(county, divisible: true, standard: standard)
        #expect(bound <= optimum * (1 + 1e-9) + 1e-6, "pattern bound \(bound) vs exhaustive \(optimum)")
        // It decides at least the school rule and the binding slot's own optimum.
        #expect(bound >= schoolRule.cost * (1 - 1e-9) - 1e-6)
    }

    @Test("whole teachers and classrooms: within 2 % of the exhaustive integer optimum (≤ 8 units)", arguments: 0..<30)
    func nearOptimalWhole(seed: Int) throws {
        var random = TestRandom(seed: 900 + seed)
        let county = random.primaryCounty(random.int(1, 8))
        let plan = try InvestmentPlanner(standard: .quality2017).plan(county)
        let optimum = exhaustiveOptimum(county, divisible: false)
        #expect(plan.weighedCost <= optimum * 1.02 + 1e-6, "plan \(plan.weighedCost) vs exhaustive \(optimum)")
        #expect(plan.weighedCost >= optimum * (1 - 1e-9) - 1e-6)
        #expect(ResourceCheck(plan.after).passes)
    }

    @Test("gaps are measured in the resource's own units")
    func gapsInNaturalUnits() throws {
        // 400 students and 1 440 m² of teaching rooms: 3.6 m² per student against 4.5 m² is
        // 360 m² short of the threshold; the floor, 3.825 m², is 90 m² away.
        var random = TestRandom(seed: 1)
        var school = random.primaryCounty(1)[0]
        school.primary.students = 400
        school.facilities.teachingArea = 1_440
        let plan = try InvestmentPlanner(standard: .quality2017).plan([school])
        let gap = try #require(plan.gaps.first { $0.resource == .teachingArea })
        #expect(abs(gap.toThreshold - 360) < 1e-9)
        #expect(abs(gap.toFloor - 90) < 1e-9)
    }

    @Test("clear refusals: composite standards, blank values, several counties, nothing to plan")
    func refusals() throws {
        var random = TestRandom(seed: 3)
        let county = random.primaryCounty(5)
        #expect(throws: PlanningError.self) { try InvestmentPlanner(standard: try Standard.builtIn("basic-2012")).plan(county) }
        #expect(throws: PlanningError.self) { try InvestmentPlanner(standard: .quality2017).plan([]) }
        let other = random.primaryCounty(2, code: "130103")
        do {
            _ = try InvestmentPlanner(standard: .quality2017).plan(county + other)
            Issue.record("several counties were planned")
        } catch {
            #expect(error.message(in: .english).contains("130102/2025"))
        }
        var blank = county
        blank[2].facilities.sportsArea = nil
        do {
            _ = try InvestmentPlanner(standard: .quality2017).plan(blank)
            Issue.record("a blank value was planned over")
        } catch {
            #expect(error.missingValues == [.init(schoolCode: blank[2].schoolCode, column: "sports_area")])
        }
    }
}
