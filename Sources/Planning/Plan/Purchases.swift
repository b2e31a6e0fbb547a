import Domain

/// A plan as a bureau buys it (购置): one amount per purchase line — a school's facility
/// resource, or a stage's teachers of one kind — that is a whole multiple of the resource's
/// purchase unit (``UnitCosts/purchaseUnit(of:)``), and the units each line raises.
///
/// **Robust bounds.** A unit planned to reach a bound b (a threshold, or its floor when the
/// unit leaves that indicator as its exception) must reach b·(1 + ``boundMargin``), not b:
/// an evaluation that forms A·scale/P, the split share or the sums in another order can land
/// a few units in the last place (≈ 10⁻¹⁶ relatively) away from ours, and a plan that lands
/// exactly on b (as 2 618.736 m² did) would then fail by one rounding step. 10⁻⁹ is seven
/// orders of magnitude above that noise and far below anything a bureau can see (4.5·10⁻⁹
/// m² per student). Rounding up to the purchase unit usually leaves much more margin; the
/// margin matters when the rounded amount lands exactly on b (21 teachers for 500 pupils is
/// 4.2 per hundred exactly), where one more unit is bought. A bound the unit already reaches
/// in the data (by the evaluation's own test) is not planned for and asks for nothing. The
/// CV limits keep ``FillingProblem/limitMargin``, and are checked again after rounding.
///
/// Used by one ``InvestmentPlanner/plan(_:)`` call, on one thread.
final class Purchases {
    /// The relative margin above every bound a unit is planned to reach (see above).
    static let boundMargin = 1e-9

    /// Where a line's addition lands: a unit's indicator in one slot, by the unit's share.
    struct Place {
        /// Position in the model's units.
        var unit: Int
        var indicator: Int
        var slot: Int
        /// Position inside the slot.
        var position: Int
        /// Numerator gained per unit the line buys (a combined school's split share, or 1).
        var share: Double
    }

    /// One purchase line.
    struct Line {
        var schoolCode: String
        var resource: Resource
        /// The stage for teachers; `nil` for a school's facilities.
        var stage: Stage?
        /// The step bought; 0 in the divisible relaxation.
        var purchaseUnit: Double
        /// Yuan per unit of the resource at this school.
        var unitCost: Double
        var locality: Locality
        var places: [Place]
    }

    /// A plan in purchase amounts with the exceptions it was made for.
    struct Plan {
        /// Per line, the amount bought.
        var amounts: [Double]
        /// Per unit, the indicator left at the floor.
        var exempted: [Int?]
        var cost: Double
    }

    let model: PlanModel
    private(set) var lines: [Line] = []
    /// Per unit and indicator, the line that raises it.
    private var lineOf: [[Int]] = []
    /// Per unit and indicator, the line amount that brings it to its threshold, and to its floor.
    private var toThreshold: [[Double]] = []
    private var toFloor: [[Double]] = []
    private let margin: Double

    init(model: PlanModel) {
        self.model = model
        margin = model.everythingDivisible ? 0 : Self.boundMargin
        layOut()
    }

    private func layOut() {
        let indicators = model.standard.indicators.count
        lineOf = Array(repeating: Array(repeating: -1, count: indicators), count: model.units.count)
        var index: [String: Int] = [:]
        for u in model.units.indices {
            let unit = model.units[u].unit
            let school = model.schools[unit.schoolCode]
            let locality = school?.locality ?? unit.locality
            for k in 0..<indicators {
                let s = model.slotIndex(unit: u, indicator: k)
                guard s >= 0 else { continue }
                let slot = model.slots[s]
                let stage: Stage? = slot.resource.isSchoolWide ? nil : slot.stage
                let key = [unit.schoolCode, slot.resource.rawValue, stage?.rawValue].compactMap(\.self).joined(separator: "/")
                let place = Place(unit: u, indicator: k, slot: s, position: model.positionInSlot[u], share: slot.steps[model.positionInSlot[u]])
                if let line = index[key] {
                    lines[line].places.append(place)
                    lineOf[u][k] = line
                } else {
                    index[key] = lines.count
                    lineOf[u][k] = lines.count
                    lines.append(Line(
                        schoolCode: unit.schoolCode, resource: slot.resource, stage: stage,
                        purchaseUnit: model.everythingDivisible ? 0 : model.costs.purchaseUnit(of: slot.resource),
                        unitCost: model.costs.weighedCost(of: slot.resource, in: locality), locality: locality, places: [place]))
                }
            }
        }
        toThreshold = model.units.indices.map { u in (0..<indicators).map { need(u, $0, exempt: false) } }
        toFloor = model.units.indices.map { u in (0..<indicators).map { need(u, $0, exempt: true) } }
    }

    /// The line amount unit `u` needs to reach indicator `k`'s threshold (or floor), rounded up
    /// to the purchase unit, with ``boundMargin``; 0 when the unit reaches it already or the
    /// indicator has no bound.
    private func need(_ u: Int, _ k: Int, exempt: Bool) -> Double {
        let line = lineOf[u][k]
        guard line >= 0 else { return 0 }
        let slot = model.slots[model.slotIndex(unit: u, indicator: k)]
        let p = model.positionInSlot[u]
        guard let bound = exempt ? slot.floor : slot.threshold else { return 0 }
        let have = slot.amounts[p]
        // Reached already, by the evaluation's own test (a tolerance of 10⁻¹² for binary noise).
        if have * slot.scale / slot.students[p] >= bound - abs(bound) * 1e-12 { return 0 }
        let target = bound * slot.students[p] / slot.scale * (1 + margin)
        let share = slot.steps[p]
        guard share > 0 else { return 0 }
        return amount(line, reaching: target, have: have, share: share)
    }

    /// The least multiple of the line's purchase unit that brings `have` to `target` at
    /// `share` per unit bought, checked in the arithmetic the plan is applied in.
    private func amount(_ line: Int, reaching target: Double, have: Double, share: Double) -> Double {
        guard target > have else { return 0 }
        let q = lines[line].purchaseUnit
        guard q > 0 else { return (target - have) / share }
        var n = ((target - have) / share / q).rounded(.up)
        while have + n * q * share < target { n += 1 }
        while n > 0, have + (n - 1) * q * share >= target { n -= 1 }
        return n * q
    }

    /// The least amount of `line` whose addition reaches `numerator` at every place it is asked
    /// for (rounded up to the purchase unit).
    private func amount(_ line: Int, place: Place, numerator: Double) -> Double {
        let have = model.slots[place.slot].amounts[place.position]
        return amount(line, reaching: numerator, have: have, share: place.share)
    }

    /// Per line, the least amount that meets the school rule with `exempted` at their floor.
    func minimum(exempted: [Int?]) -> [Double] {
        var amounts = Array(repeating: 0.0, count: lines.count)
        for u in model.units.indices {
            for k in lineOf[u].indices where lineOf[u][k] >= 0 {
                let need = exempted[u] == k ? toFloor[u][k] : toThreshold[u][k]
                amounts[lineOf[u][k]] = max(amounts[lineOf[u][k]], need)
            }
        }
        return amounts
    }

    func cost(_ amounts: [Double]) -> Double {
        var total = 0.0
        for line in lines.indices where amounts[line] > 0 { total += amounts[line] * lines[line].unitCost }
        return total
    }

    // MARK: The school rule's optimum

    /// The least-cost plan that meets the school rule, ignoring the CV limits: exact.
    ///
    /// **Why exact.** Without the CV limits the units of different schools share nothing, so
    /// the optimum is the sum of each school's. Within a school, fix each unit's exception
    /// (only a deficient indicator is worth leaving at the floor: exempting a met one changes
    /// no requirement, and exempting none asks at least as much). Each line's amount must then
    /// reach the largest need among the places it raises — a stage's teachers raise one unit,
    /// a combined school's facility one unit per stage by its split share — and costs rise
    /// with amounts, so the least amount of every line is that largest need rounded up to
    /// the purchase unit, computed exactly in ``need(_:_:exempt:)``. Enumerating every
    /// exception choice of the school's units (at most 7 per unit and 2–3 units per school,
    /// ≤ 343 choices) and keeping the cheapest is therefore the school's optimum, and their
    /// sum the county's. Every plan meets the school rule, so no plan costs less: this is a
    /// lower bound on the real problem, and the optimum itself when it meets every CV limit.
    func schoolRuleOptimum() -> Plan {
        schoolRuleOptimum(excluding: [])
    }

    /// The school rule's optimum with the slots in `excluded` left out: their places cost
    /// nothing, and a line that also raises an excluded slot is charged only its other places'
    /// numerator additions (c·share·need each), since the excluded slot's part is paid for
    /// elsewhere in ``combinedBound(slotBounds:binding:)``. The plan's `cost` is that charge.
    ///
    /// With `forcing`, the units it names must (`true`) or must not (`false`) leave
    /// `forcing.indicator` as their exception.
    private func schoolRuleOptimum(
        excluding excluded: Set<Int>, droppingShared: Bool = false, weights: [Int: [Double]] = [:], wholeLinePrice: Bool = false,
        wholePriced: Set<Int>? = nil, forcing: (indicator: Int, units: [Int: Bool])? = nil
    ) -> Plan {
        // Slots whose Lagrangian terms are at whole-line prices: a line touching one of them
        // (or an excluded slot without terms, when dropping) is charged nothing else.
        let whole = wholePriced ?? (wholeLinePrice ? Set(weights.keys) : [])
        var amounts = Array(repeating: 0.0, count: lines.count)
        var exempted = Array(repeating: Int?.none, count: model.units.count)
        var total = 0.0
        var unitsOfSchool: [String: [Int]] = [:]
        var schoolOrder: [String] = []
        for u in model.units.indices {
            let code = model.units[u].unit.schoolCode
            if unitsOfSchool[code] == nil { schoolOrder.append(code) }
            unitsOfSchool[code, default: []].append(u)
        }
        for code in schoolOrder {
            let members = unitsOfSchool[code]!
            let schoolLines = Array(Set(members.flatMap { u in lineOf[u].filter { $0 >= 0 } })).sorted()
            let options: [[Int?]] = members.map { u in
                var choices = model.choices[u]
                if let forcing, let must = forcing.units[u] {
                    choices = must ? [forcing.indicator] : choices.filter { $0 != forcing.indicator }
                }
                return choices.isEmpty ? [nil] : choices.map(Optional.some)
            }
            var choice = options.map { $0[0] }
            var best: (cost: Double, choice: [Int?], amounts: [Double])?
            func visit(_ i: Int) {
                if i == members.count {
                    var lineAmounts = Array(repeating: 0.0, count: schoolLines.count)
                    var cost = 0.0
                    for (j, line) in schoolLines.enumerated() {
                        var amount = 0.0
                        var charged = 0.0
                        var shared = false
                        var priced = 0.0
                        var dropped = false
                        for place in lines[line].places {
                            if excluded.contains(place.slot) && weights[place.slot] == nil {
                                shared = true
                                if droppingShared || wholeLinePrice { dropped = true }
                                continue
                            }
                            let e = choice[members.firstIndex(of: place.unit)!]
                            let need = e == place.indicator ? toFloor[place.unit][place.indicator] : toThreshold[place.unit][place.indicator]
                            if let d = weights[place.slot]?[place.position] {
                                // The slot's Lagrangian term d·ℓ − c·a for this unit (see lagrangianBound).
                                let have = model.slots[place.slot].amounts[place.position]
                                let price = whole.contains(place.slot) ? lines[line].unitCost / place.share : lines[line].unitCost
                                priced += d * (have + place.share * need) - price * have
                                shared = true
                                if whole.contains(place.slot) { dropped = true }
                                continue
                            }
                            amount = max(amount, need)
                            charged += place.share * need
                        }
                        lineAmounts[j] = amount
                        cost += (shared ? (dropped || droppingShared ? 0 : charged) : amount) * lines[line].unitCost + priced
                    }
                    if best == nil || cost < best!.cost { best = (cost, choice, lineAmounts) }
                    return
                }
                for option in options[i] {
                    choice[i] = option
                    visit(i + 1)
                }
            }
            visit(0)
            guard let best else { continue }
            total += best.cost
            for (j, line) in schoolLines.enumerated() { amounts[line] = best.amounts[j] }
            for (i, u) in members.enumerated() { exempted[u] = best.choice[i] }
        }
        return Plan(amounts: amounts, exempted: exempted, cost: excluded.isEmpty && weights.isEmpty ? cost(amounts) : total)
    }

    /// A lower bound on every plan when CV limits bind, tighter than either of its parts.
    ///
    /// **Why valid.** Charge each line's cost to the slots it raises: a place at share σ
    /// gets c·σ·n of a line buying n (the shares of a school's evaluated stages sum to at most
    /// 1, so the charges sum to at most the plan's cost). In any plan, slot s is charged at
    /// least `slotBounds[s]` (``PlanModel/relaxedSlotBounds()``: its requirements can only be
    /// higher and its CV limit holds), and at least c·σ·need for each of its places (the
    /// school rule with the plan's exceptions). So for any set B of slots, the plan costs at
    /// least Σ_{s∈B} slotBounds[s] plus the school rule's charges outside B, whose least value
    /// over every exception choice is ``schoolRuleOptimum(excluding:)`` — exact, by the same
    /// enumeration as the school rule's optimum (a line none of whose places is in B is
    /// charged its whole cost, c·n ≥ Σ c·σ·need). B = ∅ gives the school rule's optimum,
    /// B = every slot ``PlanModel/relaxedBound()``; the sets between combine the school rule
    /// where it decides the cost with the CV where it does. B starts from `binding` (the slots
    /// whose limit the school rule's optimum breaks) and each slot with a positive bound is
    /// moved in or out while that raises the bound.
    ///
    /// **Whole purchases.** A second form of the same bound charges every line that raises a
    /// slot of B nothing in the school part, and the slots of B of one resource together at
    /// least Σ slotBounds — and since what those lines cost is a whole number of purchase
    /// units at one price (when their prices agree), at least that sum rounded up to a
    /// multiple of price × purchase unit (2 rooms, not the 1.6 a divisible bound allows).
    /// The larger of the two forms is kept.
    func combinedBound(slotBounds: [Double], binding: Set<Int>) -> Double {
        var linesOfSlot = Array(repeating: [Int](), count: model.slots.count)
        for (index, line) in lines.enumerated() { for place in line.places { linesOfSlot[place.slot].append(index) } }
        func bound(_ set: Set<Int>) -> Double {
            let charged = schoolRuleOptimum(excluding: set).cost + set.reduce(0) { $0 + slotBounds[$1] }
            var byResource: [Resource: (sum: Double, lines: Set<Int>)] = [:]
            for s in set {
                let resource = model.slots[s].resource
                byResource[resource, default: (0, [])].sum += slotBounds[s]
                byResource[resource]!.lines.formUnion(linesOfSlot[s])
            }
            let whole = byResource.values.reduce(schoolRuleOptimum(excluding: set, droppingShared: true).cost) {
                $0 + wholePurchases($1.sum, lines: $1.lines)
            }
            return max(charged, whole)
        }
        var set = binding
        var best = bound(set)
        let candidates = slotBounds.indices.filter { slotBounds[$0] > 0 || binding.contains($0) }
        for _ in 0..<3 {
            var improved = false
            for s in candidates {
                var trial = set
                if trial.contains(s) { trial.remove(s) } else { trial.insert(s) }
                let value = bound(trial)
                if value > best * (1 + 1e-12) {
                    best = value
                    set = trial
                    improved = true
                }
            }
            if !improved { break }
        }
        return best
    }

    /// What `lines` spend at least when together they must spend `sum`: `sum` rounded up to a
    /// whole number of purchases when every line buys the same step (price × purchase unit) —
    /// 2 rooms, not the 1.6 a divisible bound allows — else `sum` itself. (The 10⁻⁹ keeps
    /// binary noise in `sum` from adding a purchase.)
    private func wholePurchases(_ sum: Double, lines group: Set<Int>) -> Double {
        let steps = Set(group.map { lines[$0].unitCost * lines[$0].purchaseUnit })
        guard steps.count == 1, let step = steps.first, step > 0 else { return sum }
        return (sum / step * (1 - 1e-9)).rounded(.up) * step
    }

    /// A lower bound from the Lagrangian dual of the CV limits of the slots in `binding`,
    /// with the school rule decided exactly alongside.
    ///
    /// **Why valid.** In numerators x_u of slot s (a_u what the unit has, ℓ_u(E) the least it
    /// may have under exceptions E, c_u its price, W = Σ P_u, k = 1 + κ²) the CV limit reads
    /// ‖z‖ ≤ √k·Σ x_u with z_u = √(W/P_u)·x_u. For any μ ≥ 0 and ‖y‖ ≤ 1, ‖z‖ ≥ y·z, so on every
    /// plan that meets the limit
    ///
    ///     Σ c_u(x_u − a_u) ≥ Σ c_u(x_u − a_u) + μ(y·z − √k Σ x_u) = Σ d_u x_u − Σ c_u a_u,
    ///     d_u = c_u + μ(y_u √(W/P_u) − √k).
    ///
    /// If every d_u ≥ 0, x_u ≥ ℓ_u(E) gives Σ d_u ℓ_u(E) − Σ c_u a_u: a bound on the slot's
    /// charge that is *linear in each unit's requirement*, so it joins the school rule's exact
    /// per-school enumeration (``schoolRuleOptimum(excluding:droppingShared:weights:)``) like
    /// any other per-unit cost, and the minimum over every exception choice bounds every plan.
    /// y and μ are taken from `reference` (the slot's optimal numerators for some exceptions):
    /// y = z/‖z‖ and the largest μ that keeps every d_u ≥ 0 — at a water-filling optimum that is
    /// its KKT multiplier, d_u = c·(v_u − h)/(kX̄ − h) ≥ 0 (0 for raised units), and the bound
    /// equals that optimum when E is its exceptions (strong duality of the convex slot problem).
    /// μ = 0 gives d = c, the school rule's own charge; the dual interpolates between them.
    ///
    /// With `wholeLinePrice` a line that raises a slot of `references` is charged to that slot
    /// in full — c/σ per numerator unit of a combined school's stage, which is c·n for the n
    /// bought — and its other places nothing; the relaxation's c per numerator unit
    /// undercharges a combined school's stage by 1/σ, which this form does not.
    func lagrangianWeights(references: [Int: [Double]], wholeLinePrice: Bool = false) -> [Int: [Double]] {
        var weights: [Int: [Double]] = [:]
        for (s, x) in references {
            let slot = model.slots[s]
            let prices = wholeLinePrice ? model.wholeLinePrices(slot: s) : slot.unitCosts
            guard let kappa = slot.cvLimit else { continue }
            let total = slot.students.reduce(0, +)
            let z = x.indices.map { (total / slot.students[$0]).squareRoot() * x[$0] }
            let norm = z.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0, norm.isFinite else { continue }
            let root = (1 + kappa * kappa).squareRoot()
            let e = x.indices.map { z[$0] / norm * (1 - 1e-12) * (total / slot.students[$0]).squareRoot() - root }
            var mu = Double.infinity
            for p in e.indices where e[p] < 0 { mu = min(mu, prices[p] / -e[p]) }
            guard mu.isFinite else { continue }
            mu *= 1 - 1e-9
            weights[s] = e.indices.map { max(0, prices[$0] + mu * e[$0]) }
        }
        return weights
    }

    /// ``lagrangianBound(references:wholeLinePrice:)`` without the mixing below.
    func lagrangianBound(references: [Int: [Double]], wholeLinePrice: Bool = false) -> Double {
        let weights = lagrangianWeights(references: references, wholeLinePrice: wholeLinePrice)
        guard !weights.isEmpty else { return 0 }
        return schoolRuleOptimum(excluding: Set(weights.keys), weights: weights, wholeLinePrice: wholeLinePrice).cost
    }

    /// The best of the bounds above mixed resource by resource: the slots of `binding` of one
    /// resource either by their Lagrangian terms at the relaxation's prices (`references`) or
    /// at whole-line prices (`wholeReferences`, the lines charged in full and nothing else),
    /// or by their own bounds `slotBounds` (whole-line prices, every deficient unit at its
    /// floor) summed and rounded up to whole purchases, the lines charged nothing else. The
    /// lines of one resource are in one regime only, so each line is still charged at most
    /// once, and every assignment is a valid bound; all 3ʳ are tried for r ≤ 4 resources, else
    /// the three uniform ones. Also returns the exceptions of the best assignment's
    /// enumeration: a plan made for them is worth trying (``InvestmentPlanner``).
    func mixedBound(
        binding: Set<Int>, references: [Int: [Double]], wholeReferences: [Int: [Double]], slotBounds: [Double]
    ) -> (bound: Double, exempted: [Int?]) {
        let shareWeights = lagrangianWeights(references: references)
        let wholeWeights = lagrangianWeights(references: wholeReferences, wholeLinePrice: true)
        let resources = Array(Set(binding.map { model.slots[$0].resource })).sorted { $0.rawValue < $1.rawValue }
        var linesOfSlot = Array(repeating: [Int](), count: model.slots.count)
        for (index, line) in lines.enumerated() { for place in line.places { linesOfSlot[place.slot].append(index) } }
        // Each resource in one of three regimes: 0 rounded slot bound, 1 Lagrangian at the
        // relaxation's prices, 2 Lagrangian at whole-line prices.
        var assignments: [[Int]] = []
        if resources.count <= 4 {
            var current = Array(repeating: 0, count: resources.count)
            func next(_ i: Int) {
                if i == resources.count { assignments.append(current); return }
                for regime in 0..<3 { current[i] = regime; next(i + 1) }
            }
            next(0)
        } else {
            assignments = (0..<3).map { Array(repeating: $0, count: resources.count) }
        }
        var best = 0.0
        var bestExempted = Array(repeating: Int?.none, count: model.units.count)
        for assignment in assignments {
            var lagrange: [Int: [Double]] = [:]
            var whole = Set<Int>()
            var rounded: [Resource: (sum: Double, lines: Set<Int>)] = [:]
            var excluded = Set<Int>()
            for s in binding {
                let regime = assignment[resources.firstIndex(of: model.slots[s].resource)!]
                excluded.insert(s)
                if regime == 1, let w = shareWeights[s] {
                    lagrange[s] = w
                } else if regime == 2, let w = wholeWeights[s] {
                    lagrange[s] = w
                    whole.insert(s)
                } else {
                    rounded[model.slots[s].resource, default: (0, [])].sum += slotBounds[s]
                    rounded[model.slots[s].resource]!.lines.formUnion(linesOfSlot[s])
                }
            }
            let enumerated = schoolRuleOptimum(excluding: excluded, weights: lagrange, wholeLinePrice: true, wholePriced: whole)
            let value = rounded.values.reduce(enumerated.cost) { $0 + wholePurchases($1.sum, lines: $1.lines) }
            if value > best {
                best = value
                bestExempted = enumerated.exempted
            }
        }
        return (best, bestExempted)
    }

    /// A lower bound that decides one binding slot's exceptions exactly: for a slot s of
    /// `binding` whose units that may leave its indicator at the floor are few (d ≤
    /// ``patternLimit``), every pattern P of those that do is enumerated.
    ///
    /// **Why valid.** Every plan has some pattern P on s: the units of P leave s's indicator
    /// at its floor, the others of the d reach its threshold there (a unit not among the d
    /// reaches it already). Given P, what the plan spends on s is at least s's own optimum
    /// with P at the floor and its CV limit (``PlanModel/solve(slot:exempted:fixed:wholeLinePrice:)``,
    /// by the solve's lower bound) — charged at the relaxation's prices (a line's c·σ per
    /// place, the other places of its line charged their own shares), or at whole-line
    /// prices with the line's other places charged nothing; and the rest is at least the
    /// school rule's optimum over the exception choices *consistent with P*
    /// (``schoolRuleOptimum(excluding:droppingShared:weights:wholeLinePrice:wholePriced:forcing:)``
    /// with s left out), the other binding slots either dropped (their CV limits relaxed)
    /// or by their Lagrangian terms (`references`, see ``lagrangianBound(references:wholeLinePrice:)``).
    /// The least over every P therefore bounds every plan. Unlike
    /// ``combinedBound(slotBounds:binding:)``, which lets a unit leave s's indicator at the
    /// floor *and* another at the floor elsewhere, each unit here has one exception only —
    /// the looseness that leaves a plan 1–2 % above its bound when a CV binds on a few
    /// schools. The best slot's value is returned; 0 when no slot qualifies.
    func patternBound(binding: Set<Int>, references: [Int: [Double]]) -> Double {
        patternBoundAndExceptions(binding: binding, references: references).bound
    }

    /// ``patternBound(binding:references:)`` with the exceptions of its least pattern's
    /// enumeration: a plan made for them is worth trying (``InvestmentPlanner``).
    func patternBoundAndExceptions(binding: Set<Int>, references: [Int: [Double]]) -> (bound: Double, exempted: [Int?]?) {
        var best = 0.0
        var bestExempted: [Int?]?
        for s in binding.sorted() {
            let k = model.slots[s].indicator
            let deficient = model.slots[s].units.filter { model.choices[$0].contains(k) }
            guard deficient.count <= Self.patternLimit else { continue }
            let others = binding.subtracting([s])
            let weights = lagrangianWeights(references: references.filter { others.contains($0.key) })
            var least = Double.infinity
            var leastExempted: [Int?]?
            for mask in 0..<(1 << deficient.count) {
                var forced: [Int: Bool] = [:]
                var pattern: [Int] = []
                for (i, u) in deficient.enumerated() {
                    let leaves = mask & (1 << i) != 0
                    forced[u] = leaves
                    if leaves { pattern.append(u) }
                }
                let forcing = (indicator: k, units: forced)
                let byShare = model.solve(slot: s, exempted: pattern).filling.lowerBound
                let byLine = model.solve(slot: s, exempted: pattern, wholeLinePrice: true).filling.lowerBound
                let plain = schoolRuleOptimum(excluding: [s], forcing: forcing)
                let rest = [
                    byShare + plain.cost,
                    byLine + schoolRuleOptimum(excluding: [s], droppingShared: true, forcing: forcing).cost,
                    byShare + schoolRuleOptimum(excluding: others.union([s]), weights: weights, forcing: forcing).cost,
                    byLine + schoolRuleOptimum(excluding: others.union([s]), droppingShared: true, weights: weights, forcing: forcing).cost,
                ]
                if rest.max()! < least {
                    least = rest.max()!
                    leastExempted = plain.exempted
                }
                // This slot cannot beat the best one any more.
                if least <= best { break }
            }
            if least.isFinite, least > best {
                best = least
                bestExempted = leastExempted
            }
        }
        return (best, bestExempted)
    }

    /// The most units of one slot whose exception patterns ``patternBound(binding:references:)``
    /// enumerates (2¹⁰ patterns).
    static let patternLimit = 10

    // MARK: The CV limits

    /// Each unit's numerator in slot `s` with `amounts` added.
    func numerators(slot s: Int, _ amounts: [Double]) -> [Double] {
        let slot = model.slots[s]
        return slot.units.indices.map { p in
            let line = lineOf[slot.units[p]][slot.indicator]
            return slot.amounts[p] + (line >= 0 ? amounts[line] * slot.steps[p] : 0)
        }
    }

    /// Whether slot `s` meets its CV limit (lowered by ``FillingProblem/limitMargin``).
    func withinLimit(slot s: Int, _ amounts: [Double]) -> Bool {
        guard model.slots[s].cvLimit != nil else { return true }
        let problem = fillingProblem(slot: s, amounts)
        return problem.withinLimit(problem.students.indices.map { problem.amounts[$0] / problem.students[$0] })
    }

    /// Slot `s` as a filling problem from `amounts`: what each unit has with them is both its
    /// amount and its requirement.
    ///
    /// With `wholeLinePrice` each unit is priced at what raising it really costs when nothing
    /// else needs the addition: c/σ per numerator unit for a combined school's stage (the
    /// school buys n for σ·n to reach this stage), not the c of the relaxation.
    private func fillingProblem(slot s: Int, _ amounts: [Double], wholeLinePrice: Bool = false) -> FillingProblem {
        let slot = model.slots[s]
        let now = numerators(slot: s, amounts)
        let prices = wholeLinePrice ? model.wholeLinePrices(slot: s) : slot.unitCosts
        return FillingProblem(students: slot.students, amounts: now, required: now, unitCosts: prices, cvLimit: slot.cvLimit)
    }

    /// The slots whose CV is above its limit with `amounts`.
    func failingSlots(_ amounts: [Double]) -> [Int] {
        model.slots.indices.filter { !withinLimit(slot: $0, amounts) }
    }

    /// `plan` with every failing CV brought within its limit: each failing slot is filled
    /// from where the plan leaves it (water-filling, exact for that slot given the plan's
    /// other amounts), rounded up to purchase units, then ``repaired(_:minimum:)``.
    ///
    /// Units are priced at what raising them alone costs (``PlanModel/wholeLinePrices(slot:)``),
    /// or with `sharePrices` at the relaxation's c per numerator unit — cheaper for a combined
    /// school whose other stage gains from the same addition.
    func balanced(_ plan: Plan, sharePrices: Bool = false) -> Plan {
        var amounts = plan.amounts
        for s in failingSlots(amounts) {
            let slot = model.slots[s]
            let problem = fillingProblem(slot: s, amounts, wholeLinePrice: !sharePrices)
            let additions: [Double]
            if slot.isWhole {
                let steps = slot.units.indices.map { slot.steps[$0] * max(1, lines[lineOf[slot.units[$0]][slot.indicator]].purchaseUnit) }
                additions = WholeUnitFilling.solve(problem, steps: steps).filling.additions
            } else {
                additions = problem.solve().additions
            }
            for p in slot.units.indices where additions[p] > 0 {
                let u = slot.units[p]
                let line = lineOf[u][slot.indicator]
                guard line >= 0 else { continue }
                let place = Place(unit: u, indicator: slot.indicator, slot: s, position: p, share: slot.steps[p])
                amounts[line] = max(amounts[line], amount(line, place: place, numerator: problem.amounts[p] + additions[p]))
            }
        }
        return repaired(Plan(amounts: amounts, exempted: plan.exempted, cost: 0), minimum: minimum(exempted: plan.exempted))
    }

    /// The plan of solved slots (``PlanModel/solveCoupled(exempted:)``) in purchase amounts:
    /// each line at least what its places received, and at least the school rule's minimum
    /// with the robust margin; then ``repaired(_:minimum:)``.
    func purchased(_ solutions: [PlanModel.Solution], exempted: [Int?]) -> Plan {
        let least = minimum(exempted: exempted)
        var amounts = least
        for s in model.slots.indices {
            let slot = model.slots[s]
            let solution = solutions[s]
            for p in slot.units.indices {
                let u = slot.units[p]
                let line = lineOf[u][slot.indicator]
                guard line >= 0 else { continue }
                let added = solution.counts.map { Double($0[p]) * slot.steps[p] } ?? solution.filling.additions[p]
                guard added > 0 else { continue }
                let place = Place(unit: u, indicator: slot.indicator, slot: s, position: p, share: slot.steps[p])
                amounts[line] = max(amounts[line], amount(line, place: place, numerator: slot.amounts[p] + added))
            }
        }
        return repaired(Plan(amounts: amounts, exempted: exempted, cost: 0), minimum: least)
    }

    /// `plan` with every CV within its limit again and nothing bought that is not needed:
    ///
    /// 1. while a slot fails, its lowest unit (per student) gets one more purchase unit —
    ///    raising the lowest value always lowers the CV of a sample whose mean is above it;
    /// 2. then, dearest purchase first, each line gives back what it holds above `minimum`
    ///    (the school rule's need) as far as every slot it raises stays within its limit
    ///    (the most that can go, by halving).
    func repaired(_ plan: Plan, minimum: [Double]) -> Plan {
        var amounts = plan.amounts
        for line in lines.indices { amounts[line] = max(amounts[line], minimum[line]) }
        raiseWithinLimits(&amounts, slots: Set(model.slots.indices))
        if !model.everythingDivisible {
            let order = lines.indices.sorted {
                let a = lines[$0].unitCost * lines[$0].purchaseUnit, b = lines[$1].unitCost * lines[$1].purchaseUnit
                return a > b || (a == b && $0 < $1)
            }
            lower(&amounts, lines: order, minimum: minimum)
        }
        return Plan(amounts: amounts, exempted: plan.exempted, cost: cost(amounts))
    }

    /// Step 1 of ``repaired(_:minimum:)`` over the slots in `scope` and every slot a raised
    /// line also reaches.
    private func raiseWithinLimits(_ amounts: inout [Double], slots scope: Set<Int>) {
        var pending = scope.sorted().filter { !withinLimit(slot: $0, amounts) }
        var rounds = 0
        while !pending.isEmpty, rounds < 1_000 {
            rounds += 1
            var touched = Set<Int>()
            for s in pending {
                let slot = model.slots[s]
                var guardSteps = 0
                // In the divisible relaxation there is no purchase unit: nudge by a relative
                // step that starts at the last bits (what another order of sums can move) and
                // doubles, so that a plan failing by an ulp costs an ulp more.
                var nudge = 1e-12
                while !withinLimit(slot: s, amounts), guardSteps < 1_000_000 {
                    guardSteps += 1
                    let now = numerators(slot: s, amounts)
                    var lowest = -1
                    var lowestValue = Double.infinity
                    for p in slot.units.indices where lineOf[slot.units[p]][slot.indicator] >= 0 && slot.steps[p] > 0 {
                        let value = now[p] / slot.students[p]
                        if value < lowestValue { lowestValue = value; lowest = p }
                    }
                    guard lowest >= 0 else { break }
                    let line = lineOf[slot.units[lowest]][slot.indicator]
                    let q = lines[line].purchaseUnit
                    if q > 0 {
                        amounts[line] += q
                    } else {
                        amounts[line] += max(1e-12, nudge * now[lowest] / slot.steps[lowest])
                        nudge *= 2
                    }
                    for place in lines[line].places where place.slot != s { touched.insert(place.slot) }
                }
            }
            pending = touched.sorted().filter { !withinLimit(slot: $0, amounts) }
        }
    }

    /// Step 2 of ``repaired(_:minimum:)`` for `order`'s lines, in that order.
    private func lower(_ amounts: inout [Double], lines order: [Int], minimum: [Double]) {
        for line in order where amounts[line] > minimum[line] && lines[line].purchaseUnit > 0 {
            let q = lines[line].purchaseUnit
            let slots = Set(lines[line].places.map(\.slot))
            let held = amounts[line]
            func holds(giving n: Double) -> Bool {
                amounts[line] = held - n * q
                defer { amounts[line] = held }
                return slots.allSatisfy { withinLimit(slot: $0, amounts) }
            }
            let spare = ((held - minimum[line]) / q).rounded(.down)
            guard spare >= 1 else { continue }
            if holds(giving: spare) {
                amounts[line] = held - spare * q
                continue
            }
            var low = 0.0, high = spare
            while high - low > 1 {
                let mid = ((low + high) / 2).rounded(.down)
                if holds(giving: mid) { low = mid } else { high = mid }
            }
            amounts[line] = held - low * q
        }
    }

    /// The least amount of `line` the school rule asks with `exempted` at their floor.
    private func lineMinimum(_ line: Int, exempted: [Int?]) -> Double {
        lines[line].places.reduce(0) { least, place in
            max(least, exempted[place.unit] == place.indicator ? toFloor[place.unit][place.indicator] : toThreshold[place.unit][place.indicator])
        }
    }

    /// The plan made for the exceptions `exempted`: the school rule's least amounts for them,
    /// each failing CV water-filled from there (``balanced(_:sharePrices:)``, at whole-line
    /// and at shared prices), improved one exception at a time; the cheaper of the two.
    func plan(exempted: [Int?]) -> Plan {
        let start = Plan(amounts: minimum(exempted: exempted), exempted: exempted, cost: 0)
        return [false, true].map { improvedExceptions(balanced(start, sharePrices: $0)) }.min { $0.cost < $1.cost }!
    }

    /// `plan` improved one exception at a time: a unit whose exception a CV limit has made
    /// worthless (the balancing raised that indicator anyway) can leave another indicator at
    /// the floor instead. Each move raises the old indicator's line to its threshold need,
    /// restores the limits it touches, lowers the new indicator's line as far as its limits
    /// allow, and is kept when the plan gets cheaper; passes repeat until none does. The
    /// plan stays feasible throughout (a local search, not a proof).
    func improvedExceptions(_ plan: Plan) -> Plan {
        guard !model.everythingDivisible else { return plan }
        var amounts = plan.amounts
        var exempted = plan.exempted
        var least = minimum(exempted: exempted)
        var total = cost(amounts)
        for _ in 0..<3 {
            var improved = false
            for u in model.units.indices where model.choices[u].count > 1 {
                guard let current = exempted[u] else { continue }
                for k in model.choices[u] where k != current {
                    let old = lineOf[u][current], new = lineOf[u][k]
                    guard old >= 0, new >= 0 else { continue }
                    var trialExempted = exempted
                    trialExempted[u] = k
                    var trialLeast = least
                    trialLeast[old] = lineMinimum(old, exempted: trialExempted)
                    trialLeast[new] = lineMinimum(new, exempted: trialExempted)
                    var trial = amounts
                    trial[old] = max(trial[old], trialLeast[old])
                    raiseWithinLimits(&trial, slots: Set(lines[old].places.map(\.slot)))
                    lower(&trial, lines: [new], minimum: trialLeast)
                    // Raising the old line lifts a low unit: what the CV needed of the other
                    // lines of its slots may now be given back, dearest first.
                    if trial[old] > amounts[old] {
                        let slots = Set(lines[old].places.map(\.slot))
                        let others = lines.indices.filter { $0 != old && trial[$0] > trialLeast[$0] && lines[$0].places.contains { slots.contains($0.slot) } }
                        lower(&trial, lines: others.sorted { lines[$0].unitCost * lines[$0].purchaseUnit > lines[$1].unitCost * lines[$1].purchaseUnit }, minimum: trialLeast)
                    }
                    let trialCost = cost(trial)
                    if trialCost < total - 1e-9 * max(1, total) {
                        amounts = trial
                        exempted = trialExempted
                        least = trialLeast
                        total = trialCost
                        improved = true
                        break
                    }
                }
            }
            if !improved { break }
        }
        return Plan(amounts: amounts, exempted: exempted, cost: total)
    }

    // MARK: Items

    /// The plan's items: one per line that buys something, with the reason of the weakest unit
    /// it raises.
    func items(_ plan: Plan) -> [PlanItem] {
        var items: [PlanItem] = []
        for (index, line) in lines.enumerated() where plan.amounts[index] > 0 {
            var reason = PlanReason.balance
            var attainment: Double?
            var indicators: [Int] = []
            var schoolName: String?
            for place in line.places {
                let result = model.units[place.unit]
                let slot = model.slots[place.slot]
                schoolName = schoolName ?? result.unit.schoolName
                if !indicators.contains(place.indicator) { indicators.append(place.indicator) }
                let value = result.values[place.indicator] ?? 0
                if let threshold = slot.threshold {
                    attainment = min(attainment ?? .infinity, value / threshold)
                    if result.met[place.indicator] == false {
                        let floor = slot.floor ?? threshold
                        let own: PlanReason = value < floor * (1 - 1e-12) ? .belowFloor
                            : plan.exempted[place.unit] == place.indicator ? .balance : .belowThreshold
                        reason = Self.stronger(reason, own)
                    }
                }
            }
            let amount = plan.amounts[index]
            // A line is weighed at ``UnitCosts/weighedCost(of:in:)``; the item states the price
            // itself, once or (a post's salary) every year.
            let lever = PlanLever.bought(line.resource)
            let price = model.costs.cost(of: line.resource, in: line.locality)
            items.append(PlanItem(
                schoolCode: line.schoolCode, schoolName: model.schools[line.schoolCode]?.schoolName ?? schoolName ?? line.schoolCode,
                locality: line.locality, resource: line.resource, stage: line.stage, amount: amount,
                unitCost: price, cost: lever.recurs ? 0 : amount * price, reason: reason, indicators: indicators.sorted(),
                attainment: attainment, lever: lever, yearlyCost: lever.recurs ? amount * price : 0))
        }
        let order = Dictionary(uniqueKeysWithValues: Resource.allCases.enumerated().map { ($1, $0) })
        return items.sorted {
            ($0.schoolCode, order[$0.resource]!, $0.stage.map { Stage.allCases.firstIndex(of: $0)! } ?? -1)
                < ($1.schoolCode, order[$1.resource]!, $1.stage.map { Stage.allCases.firstIndex(of: $0)! } ?? -1)
        }
    }

    private static func stronger(_ a: PlanReason, _ b: PlanReason) -> PlanReason {
        let rank: [PlanReason: Int] = [.belowFloor: 0, .belowThreshold: 1, .balance: 2]
        return rank[a]! <= rank[b]! ? a : b
    }
}
