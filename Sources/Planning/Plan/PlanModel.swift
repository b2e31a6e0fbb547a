import Domain

/// One county's planning problem laid out in slots (one per stage and indicator), with the
/// solved slots cached: the exception search asks for the same slot and exception set many
/// times. Used by one ``InvestmentPlanner/plan(_:)`` call, on one thread.
final class PlanModel {
    /// One stage's indicator.
    struct Slot {
        var stage: Stage
        var indicator: Int
        var resource: Resource
        /// Positions in `units`.
        var units: [Int]
        var threshold: Double?
        var floor: Double?
        var scale: Double
        var students: [Double]
        var amounts: [Double]
        /// Numerator added per unit of resource the school adds (a combined school's share).
        var steps: [Double]
        var unitCosts: [Double]
        var cvLimit: Double?
        var isWhole: Bool
    }

    /// A solved slot.
    struct Solution {
        var filling: Filling
        /// Whole units added per position, for whole resources.
        var counts: [Int]?

        /// What the school adds at `position`, in the resource's unit.
        func schoolAmount(_ position: Int, step: Double) -> Double {
            if let counts { return Double(counts[position]) }
            return step > 0 ? filling.additions[position] / step : 0
        }
    }

    private struct CacheKey: Hashable {
        var slot: Int
        var exempted: [Int]
    }

    let standard: Standard
    let costs: UnitCosts
    let units: [UnitResult]
    let schools: [String: SchoolYear]
    private(set) var slots: [Slot] = []
    /// Per unit, its slot per indicator, and its position inside that slot.
    private(set) var slotOfUnit: [[Int]] = []
    private(set) var positionInSlot: [Int] = []
    /// Per unit, the deficient indicators it may leave at the floor, best guess first.
    private(set) var choices: [[Int]] = []
    private var cache: [CacheKey: Solution] = [:]
    /// Whether every slot solved so far was solved exactly.
    private(set) var everySolveExact = true

    let everythingDivisible: Bool

    init(standard: Standard, costs: UnitCosts, units: [UnitResult], schools: [SchoolYear], everythingDivisible: Bool = false) {
        self.everythingDivisible = everythingDivisible
        self.standard = standard
        self.costs = costs
        self.units = units
        self.schools = Dictionary(schools.map { ($0.schoolCode, $0) }, uniquingKeysWith: { first, _ in first })
        layOut()
    }

    private func layOut() {
        slotOfUnit = Array(repeating: Array(repeating: -1, count: standard.indicators.count), count: units.count)
        positionInSlot = Array(repeating: 0, count: units.count)
        for stage in standard.stages {
            let members = units.indices.filter { units[$0].unit.stage == stage }
            guard !members.isEmpty else { continue }
            let limit = standard.balance.cvLimits[stage].map { $0 * (1 - FillingProblem.limitMargin) }
            for (k, indicator) in standard.indicators.enumerated() {
                let threshold = standard.schoolRule == nil ? nil : indicator.threshold(for: stage)
                var slot = Slot(
                    stage: stage, indicator: k, resource: indicator.numerator, units: members,
                    threshold: threshold, floor: threshold.flatMap { t in standard.schoolRule.map { $0.floorRatio * t } },
                    scale: indicator.scale, students: [], amounts: [], steps: [], unitCosts: [],
                    cvLimit: limit, isWhole: !everythingDivisible && indicator.numerator.isWhole)
                for (position, u) in members.enumerated() {
                    let unit = units[u].unit
                    slot.students.append(Double(unit.students))
                    slot.amounts.append(unit.numerators[k] ?? 0)
                    slot.steps.append(step(of: indicator.numerator, unit: unit))
                    slot.unitCosts.append(costs.weighedCost(of: indicator.numerator, in: schools[unit.schoolCode]?.locality ?? unit.locality))
                    slotOfUnit[u][k] = slots.count
                    positionInSlot[u] = position
                }
                slots.append(slot)
            }
        }
        choices = units.indices.map { u in
            guard standard.schoolRule != nil else { return [] }
            let deficient = units[u].met.indices.filter { units[u].met[$0] == false }
            return deficient.sorted { saving(u, $0) > saving(u, $1) || (saving(u, $0) == saving(u, $1) && $0 < $1) }
        }
    }

    /// The numerator a unit gains per unit its school adds: its share for school-wide
    /// resources, 1 for a stage's own teachers.
    private func step(of resource: Resource, unit: EvaluationUnit) -> Double {
        guard resource.isSchoolWide, let school = schools[unit.schoolCode] else { return 1 }
        return standard.splitWeights.share(of: unit.stage, in: school)
    }

    /// What unit `u` saves, ignoring the CV, by leaving indicator `k` at the floor.
    private func saving(_ u: Int, _ k: Int) -> Double {
        let slot = slots[slotOfUnit[u][k]]
        let p = positionInSlot[u]
        let amount = slot.amounts[p]
        let toThreshold = max(0, required(slot, p, exempt: false) - amount)
        let toFloor = max(0, required(slot, p, exempt: true) - amount)
        return slot.unitCosts[p] * (toThreshold - toFloor)
    }

    func slotIndex(unit: Int, indicator: Int) -> Int { slotOfUnit[unit][indicator] }

    /// The numerator a unit at `position` must reach.
    func required(_ slot: Slot, _ position: Int, exempt: Bool) -> Double {
        guard let bound = exempt ? slot.floor : slot.threshold else { return 0 }
        return bound * slot.students[position] / slot.scale
    }

    /// Slot `s` solved with `exempted` (unit positions in `units`) at their floor and the
    /// numerators in `fixed` (by position) as extra requirements.
    func solve(slot s: Int, exempted: [Int], fixed: [Double]? = nil, wholeLinePrice: Bool = false) -> Solution {
        let slot = slots[s]
        let exemptPositions = Set(exempted.map { positionInSlot[$0] })
        var required = slot.units.indices.map { self.required(slot, $0, exempt: exemptPositions.contains($0)) }
        if let fixed { for p in required.indices { required[p] = max(required[p], fixed[p]) } }
        let problem = FillingProblem(
            students: slot.students, amounts: slot.amounts, required: required,
            unitCosts: wholeLinePrice ? wholeLinePrices(slot: s) : slot.unitCosts, cvLimit: slot.cvLimit)
        if slot.isWhole {
            let (counts, filling) = WholeUnitFilling.solve(problem, steps: slot.steps)
            return Solution(filling: filling, counts: counts)
        }
        return Solution(filling: problem.solve(), counts: nil)
    }

    /// The cost of slot `s` with `exempted` at their floor, cached.
    func cost(slot s: Int, exempted: [Int]) -> Double {
        let key = CacheKey(slot: s, exempted: exempted)
        if let known = cache[key] { return known.filling.cost }
        let solution = solve(slot: s, exempted: exempted)
        if !solution.filling.isOptimal { everySolveExact = false }
        cache[key] = solution
        return solution.filling.cost
    }

    /// A lower bound on every plan: each slot with every unit that could exempt its indicator
    /// at the floor, by each slot's own lower bound.
    func relaxedBound() -> Double {
        relaxedSlotBounds().reduce(0, +)
    }

    /// Per slot, a lower bound on what any plan spends in it (its numerator additions at
    /// their unit cost): the slot solved with every unit that could exempt its indicator at
    /// the floor, by the solve's own lower bound. Requirements only fall and the CV limit
    /// stays, so every plan's additions in the slot are feasible here.
    ///
    /// With `wholeLinePrice` (``wholeLinePrices(slot:)``) the bound is on what the lines that
    /// raise the slot cost in full, not on the slot's share of it.
    func relaxedSlotBounds(wholeLinePrice: Bool = false) -> [Double] {
        var members = Array(repeating: [Int](), count: slots.count)
        for u in choices.indices { for k in choices[u] { members[slotOfUnit[u][k]].append(u) } }
        return members.indices.map { solve(slot: $0, exempted: members[$0], wholeLinePrice: wholeLinePrice).filling.lowerBound }
    }

    /// Each of `slots` solved divisibly (its KKT point) with `exempted` at their floor: the
    /// numerators per position, the reference of ``Purchases/lagrangianBound(references:)``.
    func optimalNumerators(slots chosen: Set<Int>, exempted: [Int?], wholeLinePrice: Bool = false) -> [Int: [Double]] {
        var references: [Int: [Double]] = [:]
        for s in chosen.sorted() {
            let slot = slots[s]
            let members = slot.units.filter { exempted[$0] == slot.indicator }
            let exemptPositions = Set(members.map { positionInSlot[$0] })
            let required = slot.units.indices.map { self.required(slot, $0, exempt: exemptPositions.contains($0)) }
            let problem = FillingProblem(
                students: slot.students, amounts: slot.amounts, required: required,
                unitCosts: wholeLinePrice ? wholeLinePrices(slot: s) : slot.unitCosts, cvLimit: slot.cvLimit)
            let filling = problem.solve()
            references[s] = slot.amounts.indices.map { slot.amounts[$0] + filling.additions[$0] }
        }
        return references
    }

    /// Per position of slot `s`, what one numerator unit costs when the school buys it for this
    /// stage alone: c/σ with σ the stage's split share (c for a single-stage school).
    func wholeLinePrices(slot s: Int) -> [Double] {
        let slot = slots[s]
        return slot.unitCosts.indices.map { slot.steps[$0] > 0 ? slot.unitCosts[$0] / slot.steps[$0] : slot.unitCosts[$0] }
    }

    /// Every slot solved with the chosen exceptions, combined schools' facility additions made
    /// one school-wide amount (see ``InvestmentPlanner``).
    func solveCoupled(exempted: [Int?]) -> [Solution] {
        var members = Array(repeating: [Int](), count: slots.count)
        for u in exempted.indices { if let k = exempted[u] { members[slotOfUnit[u][k]].append(u) } }
        var fixed: [[Double]?] = Array(repeating: nil, count: slots.count)
        var solutions = slots.indices.map { solve(slot: $0, exempted: members[$0]) }
        // Combined schools: the units of one school in several slots of the same resource.
        var shared: [String: [(slot: Int, position: Int)]] = [:]
        for s in slots.indices where slots[s].resource.isSchoolWide {
            for (position, u) in slots[s].units.enumerated() {
                shared["\(units[u].unit.schoolCode)/\(slots[s].resource.rawValue)", default: []].append((s, position))
            }
        }
        let coupled = shared.values.filter { $0.count > 1 }
        guard !coupled.isEmpty else { return solutions }
        for _ in 0..<100 {
            var dirty = Set<Int>()
            for places in coupled {
                let school = places.map { solutions[$0.slot].schoolAmount($0.position, step: slots[$0.slot].steps[$0.position]) }.max() ?? 0
                for place in places {
                    let slot = slots[place.slot]
                    let need = slot.amounts[place.position] + school * slot.steps[place.position]
                    let current = fixed[place.slot]?[place.position] ?? 0
                    if need > current + 1e-9 * max(1, need) {
                        if fixed[place.slot] == nil { fixed[place.slot] = Array(repeating: 0, count: slot.units.count) }
                        fixed[place.slot]![place.position] = need
                        dirty.insert(place.slot)
                    }
                }
            }
            if dirty.isEmpty { break }
            for s in dirty { solutions[s] = solve(slot: s, exempted: members[s], fixed: fixed[s]) }
        }
        return solutions
    }

    /// Every unit's shortfalls against its thresholds.
    func gaps() -> [UnitGap] {
        var gaps: [UnitGap] = []
        for u in units.indices {
            for k in standard.indicators.indices where units[u].met[k] == false {
                let slot = slots[slotOfUnit[u][k]]
                let p = positionInSlot[u]
                guard let threshold = slot.threshold else { continue }
                let step = slot.steps[p]
                func school(_ numerator: Double) -> Double {
                    let amount = max(0, numerator - slot.amounts[p]) / step
                    return slot.isWhole ? Double(WholeUnitFilling.wholeUnits(amount)) : amount
                }
                gaps.append(UnitGap(
                    schoolCode: units[u].unit.schoolCode, schoolName: units[u].unit.schoolName, stage: slot.stage,
                    indicator: k, resource: slot.resource, value: units[u].values[k] ?? 0, threshold: threshold,
                    floor: slot.floor, toThreshold: school(required(slot, p, exempt: false)),
                    toFloor: slot.floor == nil ? 0 : school(required(slot, p, exempt: true))))
            }
        }
        return gaps
    }
}
