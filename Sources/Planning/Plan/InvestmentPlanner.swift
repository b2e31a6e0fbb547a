import Domain

/// Makes the cheapest plan found for one county and year to pass the resource-allocation part
/// (资源配置) of a standard that judges each indicator's 差异系数: every unit meets the school
/// rule (2017: ≥ 6 of 7 thresholds, the rest ≥ 85 %) and every CV is within its limit, by
/// additions only.
///
/// ```swift
/// let plan = try InvestmentPlanner(standard: .quality2017, costs: .defaults).plan(countySchools)
/// ```
///
/// **Method.** Once each unit's exception is chosen, the problem falls apart into one
/// ``FillingProblem`` per stage and indicator, solved exactly by water-filling
/// (``LevelFilling``; ``WholeUnitFilling`` for teachers and classrooms) or, with prices that
/// differ by locality, by ``CostAwareFilling``. The exceptions are chosen by
/// ``ExemptionSearch``, exhaustively when few enough. A combined school's facilities are one
/// addition split with the official weights (1 : 1.1 …), which couples its stages: each stage
/// is solved as if its share could be bought alone (a relaxation: the school's cost is the sum
/// of what its stages receive), then the school adds the most any stage needs and the stages
/// are solved again with that unit fixed, until nothing moves.
///
/// The plan is ``PlanOptimality/optimal`` when the search was exhaustive, every slot was solved
/// exactly and the coupling added nothing; otherwise it carries a lower bound — the search's
/// value when that was exact, or else every deficient indicator of every unit at its floor at
/// once (both relaxations of the real problem).
public struct InvestmentPlanner: Sendable {
    /// The method planned for.
    public var standard: Standard
    /// Prices.
    public var costs: UnitCosts
    /// The most exception choices searched exhaustively.
    public var exhaustiveLimit = 20_000
    /// Plans teachers and classrooms as divisible too — the relaxation the optimality tests
    /// compare with exhaustive search.
    var everythingDivisible = false

    public init(standard: Standard, costs: UnitCosts = .defaults) {
        self.standard = standard
        self.costs = costs
    }

    /// The plan for `schools`, the rows of one county in one year.
    ///
    /// - Throws: ``PlanningError`` when the standard judges a composite CV, the rows are empty
    ///   or span several counties or years, or a value the plan needs is blank.
    public func plan(_ schools: [SchoolYear]) throws(PlanningError) -> InvestmentPlan {
        guard standard.balance.judged == .eachIndicator else { throw PlanningError(.unsupportedStandard(key: standard.key)) }
        guard let first = schools.first else { throw PlanningError(.noSchools) }
        let keys = Set(schools.map { "\($0.countyCode)/\($0.year)" })
        guard keys.count == 1 else { throw PlanningError(.severalCounties(keys.sorted())) }
        let evaluator = Evaluator(standard: standard)
        let before = evaluator.evaluateCounty(schools, facts: nil)
        guard !before.units.isEmpty else { throw PlanningError(.noSchools) }
        var missing: [PlanningError.MissingValue] = []
        for result in before.units {
            for k in standard.indicators.indices where result.values[k] == nil {
                missing.append(.init(schoolCode: result.unit.schoolCode, column: standard.indicators[k].numerator.columnKey(stage: result.unit.stage)))
            }
        }
        guard missing.isEmpty else { throw PlanningError(.missingValues(missing)) }

        let model = PlanModel(standard: standard, costs: costs, units: before.units, schools: schools, everythingDivisible: everythingDivisible)
        let search = ExemptionSearch(
            choices: model.choices, slot: { model.slotIndex(unit: $0, indicator: $1) }, slotCount: model.slots.count,
            cost: { model.cost(slot: $0, exempted: $1) })
        let chosen = search.run(limit: exhaustiveLimit)
        let relaxedBound = max(model.relaxedBound(), model.schoolRuleBound())
        let solved = model.solveCoupled(exempted: chosen.exempted)

        let items = model.items(solved, exempted: chosen.exempted)
        let cost = items.reduce(0) { $0 + $1.cost }
        let searchIsBound = chosen.isExhaustive && model.everySolveExact
        let optimal = searchIsBound && cost <= chosen.value + 1e-9 * max(1, cost)
        let lowerBound = min(cost, max(relaxedBound, searchIsBound ? chosen.value : 0))
        let after = evaluator.evaluateCounty(Whatif.apply(items, to: schools), facts: nil)
        return InvestmentPlan(
            countyCode: first.countyCode, countyName: before.countyName, year: first.year, standard: standard.key,
            gaps: model.gaps(), items: items,
            exceptions: before.units.indices.compactMap { u in
                chosen.exempted[u].map { UnitException(schoolCode: before.units[u].unit.schoolCode, stage: before.units[u].unit.stage, indicator: $0) }
            },
            cost: cost, lowerBound: optimal ? cost : lowerBound, optimality: optimal ? .optimal : .bounded,
            before: before, after: after)
    }
}
