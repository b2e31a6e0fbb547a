import Domain

/// Makes the cheapest plan found for one county and year to pass the resource-allocation part
/// (资源配置) of a standard that judges each indicator's 差异系数: every unit meets the school
/// rule (2017: ≥ 6 of 7 thresholds, the rest ≥ 85 %) and every CV is within its limit, by
/// additions only, each a whole multiple of what a bureau buys (``UnitCosts/purchaseUnit(of:)``)
/// and each bound reached with a margin no re-evaluation can undo (``Purchases``).
///
/// ```swift
/// let plan = try InvestmentPlanner(standard: .quality2017, costs: .defaults).plan(countySchools)
/// ```
///
/// **Method.**
/// 1. *The school rule's optimum*, exactly: without the CV limits each school is on its own,
///    and enumerating its units' exceptions with every line rounded up to purchase units gives
///    its least cost (``Purchases/schoolRuleOptimum()``, which carries the argument). Every
///    plan meets the school rule, so this cost is a lower bound; when the optimum also meets
///    every CV limit it is the optimum of the whole problem, reported
///    ``PlanOptimality/optimal`` with lower bound = cost.
/// 2. *When a CV limit binds*, plans are made and the cheapest kept: the school-rule
///    optimum with each failing indicator water-filled from where it leaves the units
///    (``Purchases/balanced(_:)``), and the CV-aware search — once each unit's exception is
///    chosen the problem falls apart into one ``FillingProblem`` per stage and indicator,
///    solved by water-filling (``LevelFilling``; ``WholeUnitFilling`` for teachers and rooms;
///    ``CostAwareFilling`` with prices by locality), the exceptions chosen by
///    ``ExemptionSearch`` (exhaustively when few enough) and a combined school's facilities
///    made one addition split by the official weights (1 : 1.1 …) — bought in purchase
///    units (``Purchases/purchased(_:exempted:)``); and the first made again for the
///    exceptions the best lower bound's enumeration chose. Each is re-checked and repaired
///    against every CV limit after rounding and improved one exception at a time
///    (``Purchases/improvedExceptions(_:)``).
///
/// The lower bound is the largest of these valid relaxations: the school rule's optimum
/// (the CV limits dropped); ``Purchases/combinedBound(slotBounds:binding:)``, which takes the
/// school rule's exact optimum on some indicators and, on the others (those whose CV binds),
/// each slot's own bound with every deficient indicator at its floor
/// (``PlanModel/relaxedSlotBounds(wholeLinePrice:)``), rounded up to whole purchases;
/// ``Purchases/lagrangianBound(references:wholeLinePrice:)`` and
/// ``Purchases/mixedBound(binding:references:wholeReferences:slotBounds:)``, the Lagrangian
/// dual of the binding CV limits — linear in each unit's requirement, so the exception
/// choice stays inside the exact per-school enumeration;
/// ``Purchases/patternBound(binding:references:)``, which enumerates the exception patterns of
/// one binding slot whose deficient units are few, so that no unit leaves two indicators at
/// the floor at once; and the exhaustive search's value
/// when every slot was solved exactly (combined schools' stages bought separately, amounts
/// divisible — each only removes constraints).
///
/// The school rule is the 2017 one with one exception per unit (min_met = indicators − 1), as
/// the exception search has always assumed. The plan is ``PlanOptimality/optimal`` when
/// its cost reaches that bound; otherwise ``InvestmentPlan/gap`` is the true gap against it.
public struct InvestmentPlanner: Sendable {
    /// The method planned for.
    public var standard: Standard
    /// Prices.
    public var costs: UnitCosts
    /// The most exception choices searched exhaustively.
    public var exhaustiveLimit = 20_000
    /// Plans teachers and classrooms as divisible too, with no purchase units and no robust
    /// margin — the relaxation the optimality tests compare with exhaustive search.
    var everythingDivisible = false

    public init(standard: Standard, costs: UnitCosts = .defaults) {
        self.standard = standard
        self.costs = costs
    }

    /// The plan for `schools`, the rows of one county in one year, after the moves of
    /// `rotation` when given (the county's rotation plan for the year).
    ///
    /// **Teacher levers** (``PlanLever``), in the order bureaus use them: the rotation plan's
    /// moves come first, free, as items of their own (``MovedTeachers``); what is still short
    /// is planned on the rows as the moves leave them, backbone teachers by training (a
    /// one-off price per teacher) and the other teacher indicators by new posts, weighed at
    /// ``UnitCosts/postYears`` years of salary against one-off purchases. ``optimal`` then
    /// means the least weighed cost given the moves: the moves are the rotation plan's, made
    /// for its own targets (quotas, CVs, title parity), not chosen by this search.
    ///
    /// - Throws: ``PlanningError`` when the standard judges a composite CV, the rows are empty
    ///   or span several counties or years, or a value the plan needs is blank.
    public func plan(_ schools: [SchoolYear], rotation: RotationPlan? = nil) throws(PlanningError) -> InvestmentPlan {
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

        let moved = rotation.map { MovedTeachers.items($0, standard: standard) } ?? []
        let rotated = moved.isEmpty ? schools : Whatif.apply(moved, to: schools)
        let start = moved.isEmpty ? before : evaluator.evaluateCounty(rotated, facts: nil)
        let model = PlanModel(standard: standard, costs: costs, units: start.units, schools: rotated, everythingDivisible: everythingDivisible)
        let purchases = Purchases(model: model)
        let schoolRule = purchases.schoolRuleOptimum()
        let chosen: Purchases.Plan
        let lowerBound: Double
        if purchases.failingSlots(schoolRule.amounts).isEmpty {
            chosen = schoolRule
            lowerBound = schoolRule.cost
        } else {
            let search = ExemptionSearch(
                choices: model.choices, slot: { model.slotIndex(unit: $0, indicator: $1) }, slotCount: model.slots.count,
                cost: { model.cost(slot: $0, exempted: $1) })
            let searched = search.run(limit: exhaustiveLimit)
            let fromSearch = purchases.improvedExceptions(
                purchases.purchased(model.solveCoupled(exempted: searched.exempted), exempted: searched.exempted))
            let fromSchoolRule = [false, true].map { purchases.improvedExceptions(purchases.balanced(schoolRule, sharePrices: $0)) }
                .min { $0.cost < $1.cost }!
            var best = fromSchoolRule.cost <= fromSearch.cost ? fromSchoolRule : fromSearch
            let searchIsBound = searched.isExhaustive && model.everySolveExact
            let binding = Set(purchases.failingSlots(schoolRule.amounts))
            let combined = purchases.combinedBound(slotBounds: model.relaxedSlotBounds(), binding: binding)
            let wholeSlotBounds = model.relaxedSlotBounds(wholeLinePrice: true)
            var dual = 0.0
            // The dual's references come from the best plan's exceptions; the enumeration
            // behind the best bound picks exceptions of its own, and a plan made for those is
            // tried next, while that helps (at most four times; each bound is valid whatever
            // its references).
            for _ in 0..<4 {
                dual = max(dual, purchases.lagrangianBound(references: model.optimalNumerators(slots: binding, exempted: best.exempted)))
                var mixed = purchases.mixedBound(
                    binding: binding, references: model.optimalNumerators(slots: binding, exempted: best.exempted),
                    wholeReferences: model.optimalNumerators(slots: binding, exempted: best.exempted, wholeLinePrice: true),
                    slotBounds: wholeSlotBounds)
                // The plan's own numerators are a reference too: at whole-line prices the slot
                // optimum above comes from a search, and the plan may sit nearer the true one.
                let planned = Dictionary(uniqueKeysWithValues: binding.map { ($0, purchases.numerators(slot: $0, best.amounts)) })
                let fromPlan = purchases.mixedBound(binding: binding, references: planned, wholeReferences: planned, slotBounds: wholeSlotBounds)
                if fromPlan.bound > mixed.bound { mixed = fromPlan }
                dual = max(dual, mixed.bound)
                let fromDual = purchases.plan(exempted: mixed.exempted)
                guard fromDual.cost < best.cost else { break }
                best = fromDual
            }
            // One binding slot's exception patterns decided exactly (few units may leave it).
            let pattern = purchases.patternBoundAndExceptions(
                binding: binding, references: model.optimalNumerators(slots: binding, exempted: best.exempted))
            if let exempted = pattern.exempted {
                let fromPattern = purchases.plan(exempted: exempted)
                if fromPattern.cost < best.cost { best = fromPattern }
            }
            dual = max(dual, pattern.bound)
            chosen = best
            lowerBound = min(chosen.cost, max(schoolRule.cost, combined, dual, searchIsBound ? searched.value : 0))
        }
        let items = moved + purchases.items(chosen)
        let weighed = items.reduce(0) { $0 + $1.weighedCost(postYears: costs.postYears) }
        let optimal = weighed <= lowerBound + 1e-9 * max(1, weighed)
        let after = evaluator.evaluateCounty(Whatif.apply(items, to: schools), facts: nil)
        // The gaps are the county's as it is, before any lever; the model's are after the moves.
        let gaps = moved.isEmpty ? model.gaps()
            : PlanModel(standard: standard, costs: costs, units: before.units, schools: schools, everythingDivisible: everythingDivisible).gaps()
        return InvestmentPlan(
            countyCode: first.countyCode, countyName: before.countyName, year: first.year, standard: standard.key,
            gaps: gaps, items: items,
            exceptions: start.units.indices.compactMap { u in
                chosen.exempted[u].map { UnitException(schoolCode: start.units[u].unit.schoolCode, stage: start.units[u].unit.stage, indicator: $0) }
            },
            cost: items.reduce(0) { $0 + $1.cost }, yearlyCost: items.reduce(0) { $0 + $1.yearlyCost }, postYears: costs.postYears,
            yearlyCapacities: costs.yearlyCapacities,
            lowerBound: optimal ? weighed : min(weighed, lowerBound), optimality: optimal ? .optimal : .bounded,
            rotation: rotation, before: before, after: after)
    }
}
