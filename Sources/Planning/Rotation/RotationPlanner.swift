import Domain
import Foundation

/// Makes the yearly rotation plan of one county (交流轮岗方案): which eligible teachers and
/// principals move where.
///
/// **Moves are swaps.** Two eligible teachers of the same stage at different schools change
/// places, so every school keeps its headcount: none falls below its staffing need (编制需求)
/// unless it already was, and none gains a post it has no need for. Unless a step says
/// otherwise the two teach the same subject, so every school keeps its teachers of every
/// subject. No one moves twice.
///
/// **The model, step by step** (each stage; each step takes the teachers the earlier ones left):
/// 1. **Backbone, qualified, PE/art** (骨干 / 高于规定学历 / 体育艺术). Each of the three teacher
///    indicators is a count c_i per 100 students P_i of the standard's school units (a merged
///    teaching point's teachers count for its parent and do not move in this step; schools
///    outside every unit take no part); its CV falls exactly when the weighted variance falls,
///    and at a fixed total that is Σ c_i²/P_i. Schools above the county's rate
///    give teachers with the attribute, schools below take them, each in exchange for a partner
///    without it who matches on the other two attributes — so no other indicator moves. The
///    step minimises Σ c_i²/P_i + μ·km over all such sets of swaps (``SwapPass``: a min-cost flow
///    with convex school costs; exact for the model, μ small so distance only breaks ties).
///    Backbone and qualified swaps keep the subject; a PE/art swap exchanges a PE, music or art
///    teacher for a teacher of another subject, and never takes a school's last teacher of a
///    subject. Every swap taken lowers the step's sum, so **no teacher indicator's CV rises**.
///    Among swaps equal in the model, pairs of backbone teachers are preferred (the quota
///    counts them). The backbone steps of both stages run first; the backbone share of movers
///    then caps every later step at the swaps that keep it (four other movers per backbone
///    mover at 20 %), and a capped step is optimal for at most that many swaps.
/// 2. **Title structure** (职称结构). Rural schools should have at least the town schools' share
///    of teachers of mid-level title or higher. The step makes the fewest swaps k of such a
///    town teacher for a rural teacher without (same subject and attributes) that reach it —
///    or as many as exist — minimising Σ s_i²/N_i (spreading the moves over schools, s_i the
///    titled teachers of N_i) + μ·km for exactly k swaps (``SwapPass``, exact).
/// 3. **Principals** (校长交流, made first so that step 2 sees the titles they move): eligible principals (their own years) swap with principals of
///    the same stage, qualification, backbone and PE/art status (so no teacher indicator moves;
///    the title may differ) until the share of movers is met, town–rural pairs first, then the
///    nearest (greedy). Principals of different subjects may swap where both schools keep a
///    teacher of each subject.
/// 4. **Quota** (交流比例): swaps that change no count — same stage, subject and attributes —
///    until ⌈10 %⌉ of eligible teachers move and ⌈20 %⌉ of the movers are backbone teachers
///    (the rules' shares): backbone pairs first while their share is short, town–rural pairs
///    before others, nearest first (greedy).
/// Steps 1 and 2 are optimal for their models (tested against exhaustive search); the order of
/// the steps, and steps 3 and 4, are choices, not proven optimal for any joint objective. Each
/// step's terms are reported (``RotationObjectiveTerm``).
///
/// **Two objectives** (``RotationRules/objective``). The steps above are the *equalizing* plan
/// (``RotationObjective/equalize``): every CV as low as the swaps bring it, which on generated
/// counties moved 3–4 times the quota. The default, ``RotationObjective/fewestMoves``, keeps the
/// steps and their order but asks each for the least it must do:
/// - step 1 makes, per indicator and stage, the **fewest swaps that bring the CV to the
///   standard's limit × (1 − margin)** (0.50 primary, 0.45 junior in the 2017 standard; margin
///   0.02) — none when it is there already, and when no set of swaps can reach it, the fewest
///   that reach the lowest CV (``balance(_:stage:students:candidates:roster:limit:aim:)``);
///   any school may give or take, not only those above or below the county's rate;
/// - step 2 as before (already the fewest swaps reaching parity);
/// - step 4 fills only what the earlier steps left of the quota: their movers count toward the
///   10 % and the backbone share, so without CV or title work the plan moves the required number
///   (rounded up to a whole swap: a swap moves two);
/// - the backbone share caps steps 1–2 only where too few backbone teachers are left to keep
///   it at all (the equalizing plan caps them at the backbone teachers moved so far).
///
/// What is guaranteed: each step's count is the least for its target given the teachers the
/// earlier steps left (exact, tested against exhaustive search where every teacher of a partner
/// key can pair); among the sets of that many swaps meeting the target, one that no other set
/// beats on both km and Σ c_i²/P_i (``shortest(_:pass:meets:)``). The total is then
/// max(quota, Σ steps), the steps' swaps counting toward the quota. It is not proven the least
/// over all plans: a swap that served two targets at once (a backbone teacher of mid-level
/// title moving to a rural school) is not sought, an earlier step may take a teacher a later
/// one wanted, and where partner keys part teachers a school that both gives and takes (a relay
/// k→i→j) is charged as if it did both. ``RotationRules/maxMovers`` caps the balancing steps'
/// movers in both objectives; the quota is still met.
public struct RotationPlanner: Sendable {
    public var rules: RotationRules
    /// The standard whose school units (学校单位: teaching points left out or merged, special
    /// schools left out) the three CVs are measured and lowered on; the 2017 standard by default.
    public var standard: Standard?
    /// How many nearest taking schools a giving school may swap with (keeps large cities fast).
    public var nearestSchools = 25

    public init(rules: RotationRules = .defaults, standard: Standard? = nil) {
        self.rules = rules
        self.standard = standard
    }

    /// The 2017 standard, bundled.
    private static let quality2017 = try? Standard.builtIn("quality-2017")

    /// Told each min-cost flow the exact steps (1 and 2) solve, in order, as it was before
    /// solving and with the least cost found — to check the planner against another solver
    /// (bench/rotation-flow exports them for OR-Tools) or to trace it. Called synchronously on
    /// the planning thread; `nil` (the default) spares copying each network.
    ///
    /// ```swift
    /// var planner = RotationPlanner()
    /// planner.networkObserver = { network in print(network.step, network.stage, network.cost) }
    /// let plan = planner.plan(schools: schools, teachers: teachers, year: 2025)
    /// ```
    public var networkObserver: (@Sendable (RotationNetwork) -> Void)?

    /// Whether a fewest-moves step trades variance for distance once its number of swaps is
    /// fixed (``shortest(_:pass:meets:)``).
    var tradesDistance = true

    /// The plan for `teachers` of `schools` (one county) in `year`.
    ///
    /// A fewest-moves plan is made twice, with each step's set of fewest swaps chosen for the
    /// least Σ c_i²/P_i and for the least distance that still meets the target, and the plan
    /// of fewer teacher movers, then fewer km, is kept: the teachers a step moves change what the
    /// later steps need (a backbone teacher of mid-level title leaving a rural school widens
    /// the title gap), so the shorter step does not always make the shorter or smaller plan.
    ///
    /// `shared` are the teachers already exchanged within a school cluster this year (集团内互派,
    /// ``Domain/SharedTeacher``): they count as movers (and backbone movers) in the quota
    /// check, and are not moved again.
    public func plan(schools: [SchoolYear], teachers: [Teacher], year: Int, shared: Set<String> = []) -> RotationPlan {
        let made = makePlan(schools: schools, teachers: teachers, year: year, shared: shared)
        guard rules.objective == .fewestMoves else { return made }
        var equal = self
        equal.tradesDistance = false
        let other = equal.makePlan(schools: schools, teachers: teachers, year: year, shared: shared)
        return (other.teacherMovers, other.kilometres) < (made.teacherMovers, made.kilometres) ? other : made
    }

    /// The plan, each step as ``tradesDistance`` says.
    func makePlan(schools: [SchoolYear], teachers: [Teacher], year: Int, shared: Set<String> = []) -> RotationPlan {
        let schoolByCode = Dictionary(schools.map { ($0.schoolCode, $0) }, uniquingKeysWith: { first, _ in first })
        let known = teachers.filter { schoolByCode[$0.schoolCode] != nil }
        var roster = Roster(teachers: known, schools: schoolByCode)
        let eligible = known.filter { rules.eligibility(of: $0, in: year).isEligible }
        // Teachers shared within a cluster have moved this year: counted, not moved again.
        let sharedTeachers = known.filter { shared.contains($0.id) && !$0.isPrincipal }
        let sharedCount = sharedTeachers.count, sharedBackbone = sharedTeachers.count(where: \.isBackbone)
        let allEligibleTeachers = eligible.filter { !$0.isPrincipal }
        let eligibleTeachers = allEligibleTeachers.filter { !shared.contains($0.id) }
        let eligiblePrincipals = eligible.filter(\.isPrincipal)
        var terms: [RotationObjectiveTerm] = []

        // Backbone steps first: the backbone share of movers then caps the other steps — at
        // most four other movers per backbone mover (with the default 20 %).
        // Principals first: their swaps may change titles, which the title step then sees.
        let principalsWanted = Self.share(rules.minShareOfEligible, of: eligiblePrincipals.count)
        terms.append(nearestSwaps(
            .principal, candidates: eligiblePrincipals, roster: &roster,
            signature: { "\($0.stage.rawValue)|\($0.isQualified)|\($0.isBackbone)|\($0.isPEArt)" },
            demand: { movers, _ in movers < principalsWanted ? .any : nil }))

        let basis = UnitBasis(schools: schools, standard: standard ?? Self.quality2017)
        let stages = [Stage.primary, .junior].compactMap { stage -> (Stage, UnitBasis.Stage, [Teacher])? in
            guard let units = basis.stages[stage], units.students.count > 1 else { return nil }
            return (stage, units, eligibleTeachers.filter { $0.stage == stage })
        }
        let fewest = rules.objective == .fewestMoves
        let limits = (standard ?? Self.quality2017)?.balance.cvLimits ?? [:]
        /// The CV a fewest-moves step aims at in `stage`; `nil` without a limit (no swaps then).
        func target(_ stage: Stage) -> Double? { limits[stage].map { $0 * (1 - rules.cvMargin) } }
        /// Swaps the ceiling on movers still allows (`nil` without one).
        func ceiling(_ roster: Roster) -> Int? {
            rules.maxMovers.map { max(0, $0 - roster.moves.count { !$0.isPrincipalMove }) / 2 }
        }
        func least(_ a: Int?, _ b: Int?) -> Int? { [a, b].compactMap { $0 }.min() }
        for (stage, students, candidates) in stages {
            terms.append(balance(.backbone, stage: stage, students: students, candidates: candidates, roster: &roster,
                                 limit: ceiling(roster), aim: fewest ? .fewest(under: target(stage)) : .lowest))
        }
        let isBackbone = Set(eligibleTeachers.filter(\.isBackbone).map(\.id))
        /// Swaps the backbone share still allows when each moves two teachers who are not backbone.
        /// An equalizing plan counts the backbone teachers moved so far; a fewest-moves plan makes
        /// the swaps its targets need and meets the share in the quota step (backbone pairs, then
        /// double swaps), so it counts every backbone teacher who could still move as well: the
        /// cap then binds only where too few backbone teachers are left to keep the share at all.
        func allowance(_ roster: Roster) -> Int? {
            let share = rules.minBackboneShareOfMovers
            guard share > 0 else { return nil }
            var backbone = roster.moves.count { !$0.isPrincipalMove && isBackbone.contains($0.move.teacherID) }
            if fewest { backbone += isBackbone.subtracting(roster.moved).count }
            let others = roster.moves.count { !$0.isPrincipalMove && !isBackbone.contains($0.move.teacherID) }
            return max(0, Int((Double(backbone) * (1 - share) / share + 1e-9).rounded(.down)) - others) / 2
        }
        for (stage, students, candidates) in stages {
            for indicator in [Indicator.qualified, .peArt] {
                terms.append(balance(indicator, stage: stage, students: students, candidates: candidates, roster: &roster,
                                     limit: least(allowance(roster), ceiling(roster)), aim: fewest ? .fewest(under: target(stage)) : .lowest))
            }
            terms.append(balanceTitles(stage: stage, candidates: candidates, roster: &roster, limit: least(allowance(roster), ceiling(roster))))
        }
        // Reported by stage (primary, junior, then the steps of all stages), each in the order made.
        terms = terms.enumerated().sorted { a, b in
            let rank = { (t: RotationObjectiveTerm) in t.stage.map { $0 == .primary ? 0 : 1 } ?? 2 }
            return (rank(a.element), a.offset) < (rank(b.element), b.offset)
        }.map(\.element)

        let required = Self.share(rules.minShareOfEligible, of: allEligibleTeachers.count + sharedTeachers.count { !allEligibleTeachers.contains($0) })
        let quotaDemand = { (roster: Roster) -> Demand? in
            let movers = roster.moves.count { !$0.isPrincipalMove } + sharedCount
            let backbone = roster.moves.count { !$0.isPrincipalMove && isBackbone.contains($0.move.teacherID) } + sharedBackbone
            if backbone < Self.share(rules.minBackboneShareOfMovers, of: max(movers, required)) { return .backbone }
            return movers < required ? .any : nil
        }
        let neutral = { (t: Teacher) in "\(t.stage.rawValue)|\(t.subject.key)|\(t.isQualified)|\(t.isBackbone)|\(t.isPEArt)|\(t.hasSeniorTitle)" }
        var quota = nearestSwaps(.quota, candidates: eligibleTeachers, roster: &roster, signature: neutral, demand: { quotaDemand($1) })
        if quotaDemand(roster) == .backbone {
            let doubles = backboneDoubleSwaps(candidates: eligibleTeachers, roster: &roster) { quotaDemand($0) == .backbone }
            let more = nearestSwaps(.quota, candidates: eligibleTeachers, roster: &roster, signature: neutral, demand: { quotaDemand($1) })
            quota.swaps += doubles.swaps + more.swaps
            quota.kilometres += doubles.kilometres + more.kilometres
        }
        terms.append(quota)

        let moves = roster.moves.map(\.move)
        let teacherMoves = roster.moves.filter { !$0.isPrincipalMove }
        let teacherMovers = teacherMoves.count
        return RotationPlan(
            moves: moves, eligible: allEligibleTeachers.count + sharedTeachers.count { !allEligibleTeachers.contains($0) }, requiredMovers: required,
            requiredBackboneMovers: Self.share(rules.minBackboneShareOfMovers, of: max(teacherMovers + sharedCount, required)),
            teacherMovers: teacherMovers,
            backboneMovers: teacherMoves.count { isBackbone.contains($0.move.teacherID) },
            sharedTeachers: sharedCount, sharedBackboneTeachers: sharedBackbone,
            eligiblePrincipals: eligiblePrincipals.count, requiredPrincipalMovers: principalsWanted,
            principalMovers: roster.moves.count(where: \.isPrincipalMove),
            changes: changes(basis: basis, before: known, after: roster.relocated),
            objective: terms,
            schools: counts(schools: schools, before: known, after: roster.relocated),
            titleStructure: [Stage.primary, .junior].compactMap { stage in
                let before = Self.titleShares(known, stage: stage, schools: schoolByCode)
                let after = Self.titleShares(roster.relocated, stage: stage, schools: schoolByCode)
                guard before.rural != nil || before.town != nil else { return nil }
                return TitleStructure(stage: stage, ruralBefore: before.rural, townBefore: before.town, ruralAfter: after.rural, townAfter: after.town)
            },
            kilometres: moves.compactMap(\.kilometres).reduce(0, +),
            aim: rules.objective, cvMargin: rules.cvMargin, maxMovers: rules.maxMovers)
    }

    /// ⌈share × n⌉, forgiving binary noise.
    static func share(_ share: Double, of n: Int) -> Int { RotationRules.whole(share * Double(n)) }

    // MARK: Step 1 — the three teacher indicators

    /// The three teacher indicators the balancing steps lower.
    enum Indicator: CaseIterable {
        case backbone, qualified, peArt

        func has(_ teacher: Teacher) -> Bool {
            switch self {
            case .backbone: teacher.isBackbone
            case .qualified: teacher.isQualified
            case .peArt: teacher.isPEArt
            }
        }

        /// What a partner must share so that only this indicator's counts change.
        var partnerKey: @Sendable (Teacher) -> String {
            switch self {
            case .backbone: { "\($0.subject.key)|\($0.isQualified)" }
            case .qualified: { "\($0.subject.key)|\($0.isBackbone)" }
            case .peArt: { "\($0.isQualified)|\($0.isBackbone)" }
            }
        }

        var reason: TeacherMove.Reason {
            switch self {
            case .backbone: .backbone
            case .qualified: .qualified
            case .peArt: .peArt
            }
        }

        var step: RotationObjectiveTerm.Step {
            switch self {
            case .backbone: .backbone
            case .qualified: .qualified
            case .peArt: .peArt
            }
        }
    }

    /// What a balancing step aims at.
    enum Aim {
        /// The least weighted variance the swaps reach (an equalizing plan).
        case lowest
        /// The fewest swaps that bring the CV to `under` or below, or if none can, the fewest
        /// that reach the least weighted variance; no swaps without a target.
        case fewest(under: Double?)
    }

    /// Step 1 for one indicator and stage.
    ///
    /// **Fewest swaps** (``Aim/fewest(under:)``). With the total count T and the students fixed,
    /// CV ≤ t ⟺ S² ≤ (t·X̄)², X̄ = 100·T/P, and S² = 10⁴·(Σ c_i²/P_i)/P − X̄² falls exactly when
    /// Σ c_i²/P_i does. Let f(k) be the least Σ c_i²/P_i over sets of at most k swaps: the
    /// least-cost flow of at most k units of ``SwapPass`` gives f(k) for every k (the least
    /// cost is convex in the flow value), f is nonincreasing, so the fewest swaps reaching the target is the least
    /// k with f(k) ≤ threshold, found by bisection between 0 and the unconstrained optimum k*
    /// (at which f stops falling; when f(k*) misses the target, k* swaps are made: the lowest
    /// CV reachable, with the fewest swaps that reach it). Here every school may give (its
    /// teachers with the attribute) and take (up to its candidates), not only those above or
    /// below the county's rate, since a school just above the rate may be the only taker a
    /// giver far above it has. The flow charges a school that both gives and takes for both
    /// (2/P_i more than the truth), so the swaps found are at least as good as the best set in
    /// which no school does both; when teachers of one partner key can all pair (one subject),
    /// a minimal set never has such a school (two swaps k→i→j do what one k→j does), and the
    /// count is the exhaustive minimum (tested). Distance: among the sets of the fewest swaps
    /// that meet the target, a short one (``shortest(_:pass:meets:)`` says what is guaranteed);
    /// when the target is out of reach, the lowest CV's set of least km.
    ///
    /// Example: counts 4, 0, 0 at three schools of 100 students (X̄ = 1.33, CV = 1.41), target
    /// 0.5 (S ≤ 0.667, Σ c²/P ≤ 0.0667): f(1) = (9 + 1)/100 = 0.10, f(2) = (4 + 1 + 1)/100 =
    /// 0.06 ≤ 0.0667, so two swaps (CV 0.35); the equalizing plan makes the same two here.
    func balance(
        _ indicator: Indicator, stage: Stage, students units: UnitBasis.Stage, candidates: [Teacher], roster: inout Roster,
        limit: Int? = nil, aim: Aim = .lowest
    ) -> RotationObjectiveTerm {
        let students = units.students
        let count = units.aggregate(roster.counts(stage: stage, where: indicator.has))
        let total = students.keys.reduce(0) { $0 + Double(count[$1] ?? 0) }
        let pupils = students.values.reduce(0, +)
        let before = Self.weightedVariance(count, students)
        var pass = swapPass(for: candidates, roster: roster, step: indicator.step, stage: stage)
        pass.key = indicator.partnerKey
        if indicator != .backbone { pass.preferred = \.isBackbone }
        var goal: Double?
        switch aim {
        case .lowest:
            for code in students.keys.sorted() {
                let c = Double(count[code] ?? 0), p = students[code]!
                let gap = c * pupils - total * p   // sign of c/p − total/pupils, without division
                if gap > 1e-9 * pupils {
                    pass.giverCosts[code] = Self.givingCosts(c, p)
                } else if gap < -1e-9 * pupils {
                    pass.takerCosts[code] = Self.takingCosts(c, p, room: candidates.count { $0.schoolCode == code })
                }
            }
        case let .fewest(under: target):
            let mean = 100 * total / pupils
            goal = target.map { ($0 * mean) * ($0 * mean) }
            for code in students.keys.sorted() {
                let c = Double(count[code] ?? 0), p = students[code]!
                if c > 0 { pass.giverCosts[code] = Self.givingCosts(c, p) }
                let room = candidates.count { $0.schoolCode == code }
                if room > 0 { pass.takerCosts[code] = Self.takingCosts(c, p, room: room) }
            }
        }
        pass.givers = pass.givers.filter { indicator.has($0) && pass.giverCosts[$0.schoolCode] != nil }
        pass.takers = pass.takers.filter { !indicator.has($0) && pass.takerCosts[$0.schoolCode] != nil }
        if indicator == .peArt { pass.subjectSpare = roster.subjectSpare(stage: stage) }
        pass.amount = limit
        /// S² once `swaps` are made.
        func variance(_ swaps: [SwapPass.Swap]) -> Double {
            var after = count
            for swap in swaps {
                after[swap.giver.schoolCode, default: 0] -= 1
                after[swap.taker.schoolCode, default: 0] += 1
            }
            return Self.weightedVariance(after, students) ?? 0
        }
        // A relative tolerance, so that a CV at the target is not missed by rounding.
        func meets(_ v: Double, _ goal: Double) -> Bool { v <= goal * (1 + 1e-12) + 1e-15 }
        var swaps: [SwapPass.Swap]
        var reached: Bool?
        switch aim {
        case .lowest:
            swaps = pass.solve().swaps
        case .fewest(under: nil):
            swaps = []
        case .fewest(under: .some(_)):
            let goal = goal ?? 0
            if meets(before ?? 0, goal) {
                swaps = []
                reached = true
            } else {
                swaps = pass.solve().swaps
                reached = meets(variance(swaps), goal)
                if reached == true {
                    // f(low) misses the target, f(high) meets it.
                    var low = 0, high = swaps.count
                    while high - low > 1 {
                        let middle = (low + high) / 2
                        var fewer = pass
                        fewer.amount = middle
                        let tried = fewer.solve().swaps
                        if meets(variance(tried), goal) {
                            high = middle
                            swaps = tried
                        } else {
                            low = middle
                        }
                    }
                    if tradesDistance { swaps = shortest(swaps, pass: pass, meets: { meets(variance($0), goal) }) }
                }
            }
        }
        for swap in swaps { roster.swap(swap.giver, swap.taker, reason: indicator.reason, kilometres: swap.kilometres) }
        let target: Double? = if case let .fewest(under: aimed) = aim { aimed } else { nil }
        return RotationObjectiveTerm(
            step: indicator.step, stage: stage, swaps: swaps.count, before: before,
            after: Self.weightedVariance(units.aggregate(roster.counts(stage: stage, where: indicator.has)), students),
            kilometres: swaps.compactMap(\.kilometres).reduce(0, +), optimal: true, cvTarget: target, reached: reached)
    }

    /// Then the least distance: among sets of as many swaps as `fewest` that still meet the
    /// target, a shorter one. The flow minimises Σ c_i²/P_i + μ·km over sets of exactly k swaps;
    /// as μ grows its optimum x_μ trades variance for kilometres (Σ c_i²/P_i(x_μ) never falls,
    /// km(x_μ) never rises), so the largest μ (bisected on a log scale from the tie-breaking
    /// 10⁻⁸ to 10⁴) whose optimum still `meets` the target is taken. Guaranteed (Lagrangian
    /// duality): no set of k swaps has fewer km and no more Σ c_i²/P_i than the one returned —
    /// it is the shortest among those at least as equal, though a set less equal but still
    /// under the target might be shorter (the duality gap of a discrete problem).
    func shortest(_ fewest: [SwapPass.Swap], pass: SwapPass, meets: ([SwapPass.Swap]) -> Bool) -> [SwapPass.Swap] {
        guard !fewest.isEmpty else { return fewest }
        var best = fewest
        var trading = pass
        trading.amount = fewest.count
        trading.onlyGains = false
        var low = log10(SwapPass.distanceWeight), high = 4.0
        for _ in 0..<14 {
            let middle = (low + high) / 2
            trading.kilometreWeight = pow(10, middle)
            let tried = trading.solve().swaps
            if tried.count == fewest.count && meets(tried) {
                best = tried
                low = middle
            } else {
                high = middle
            }
        }
        return best
    }

    /// A school's marginal cost of its 1st, 2nd, … unit given: (c − k − 1)² − (c − k)², over P.
    static func givingCosts(_ c: Double, _ p: Double) -> [Double] {
        (0..<Int(c)).map { k in ((c - Double(k) - 1) * (c - Double(k) - 1) - (c - Double(k)) * (c - Double(k))) / p }
    }

    /// A school's marginal cost of its 1st, 2nd, … unit taken, up to `room` units.
    static func takingCosts(_ c: Double, _ p: Double, room: Int) -> [Double] {
        (0..<room).map { k in ((c + Double(k) + 1) * (c + Double(k) + 1) - (c + Double(k)) * (c + Double(k))) / p }
    }

    /// The weighted variance of the count per 100 students (S², the CV's numerator squared).
    static func weightedVariance(_ count: [String: Int], _ students: [String: Double]) -> Double? {
        let sample = UnitBasis.Stage(students: students, unitOf: [:]).sample(count)
        guard !sample.isEmpty else { return nil }
        return sample.standardDeviation * sample.standardDeviation
    }

    // MARK: Step 2 — title structure

    /// Step 2 for one stage.
    func balanceTitles(stage: Stage, candidates: [Teacher], roster: inout Roster, limit: Int? = nil) -> RotationObjectiveTerm {
        let shares = Self.titleShares(roster.relocated, stage: stage, schools: roster.schools)
        let before = shares.town.flatMap { town in shares.rural.map { town - $0 } }
        var swaps: [SwapPass.Swap] = []
        let headcount = roster.counts(stage: stage) { _ in true }
        let titled = roster.counts(stage: stage, where: \.hasSeniorTitle)
        let schools = roster.schools
        let rural = { (code: String) in schools[code]?.locality == .rural }
        let n = headcount.reduce(into: (rural: 0, town: 0, titledRural: 0, titledTown: 0)) { sum, entry in
            if rural(entry.key) { sum.rural += entry.value; sum.titledRural += titled[entry.key] ?? 0 } else { sum.town += entry.value; sum.titledTown += titled[entry.key] ?? 0 }
        }
        // The least k with (S_r + k)/N_r ≥ (S_u − k)/N_u.
        if n.rural > 0, n.town > 0 {
            let k = RotationRules.whole(Double(n.titledTown * n.rural - n.titledRural * n.town) / Double(n.rural + n.town))
            if k > 0 {
                var pass = swapPass(for: candidates, roster: roster, step: .seniorTitle, stage: stage)
                pass.key = { "\($0.subject.key)|\($0.isQualified)|\($0.isBackbone)" }
                pass.preferred = \.isBackbone
                pass.amount = min(k, limit ?? k)
                pass.onlyGains = false
                for (code, size) in headcount.sorted(by: { $0.key < $1.key }) where size > 0 {
                    let s = Double(titled[code] ?? 0), m = Double(size)
                    if rural(code) {
                        pass.takerCosts[code] = (0..<(size - Int(s))).map { j in ((s + Double(j) + 1) * (s + Double(j) + 1) - (s + Double(j)) * (s + Double(j))) / m }
                    } else {
                        pass.giverCosts[code] = (0..<Int(s)).map { j in ((s - Double(j) - 1) * (s - Double(j) - 1) - (s - Double(j)) * (s - Double(j))) / m }
                    }
                }
                pass.givers = pass.givers.filter { $0.hasSeniorTitle && !rural($0.schoolCode) }
                pass.takers = pass.takers.filter { !$0.hasSeniorTitle && rural($0.schoolCode) }
                swaps = pass.solve().swaps
                for swap in swaps { roster.swap(swap.giver, swap.taker, reason: .seniorTitle, kilometres: swap.kilometres) }
            }
        }
        let after = Self.titleShares(roster.relocated, stage: stage, schools: roster.schools)
        return RotationObjectiveTerm(
            step: .seniorTitle, stage: stage, swaps: swaps.count, before: before,
            after: after.town.flatMap { town in after.rural.map { town - $0 } },
            kilometres: swaps.compactMap(\.kilometres).reduce(0, +), optimal: true,
            reached: after.town.flatMap { town in after.rural.map { $0 >= town - 1e-12 } })
    }

    /// The shares of teachers of mid-level title or higher in rural and in town schools.
    static func titleShares(_ teachers: [Teacher], stage: Stage, schools: [String: SchoolYear]) -> (rural: Double?, town: Double?) {
        var n = (rural: 0, town: 0, titledRural: 0, titledTown: 0)
        for t in teachers where t.stage == stage {
            guard let school = schools[t.schoolCode] else { continue }
            if school.locality == .rural {
                n.rural += 1
                if t.hasSeniorTitle { n.titledRural += 1 }
            } else {
                n.town += 1
                if t.hasSeniorTitle { n.titledTown += 1 }
            }
        }
        return (n.rural > 0 ? Double(n.titledRural) / Double(n.rural) : nil, n.town > 0 ? Double(n.titledTown) / Double(n.town) : nil)
    }

    /// A step's pass over `candidates` who have not moved, with no school costs yet.
    private func swapPass(for candidates: [Teacher], roster: Roster, step: RotationObjectiveTerm.Step, stage: Stage) -> SwapPass {
        let free = candidates.filter { !roster.moved.contains($0.id) }
        let schools = roster.schools
        var pass = SwapPass(
            givers: free, takers: free, giverCosts: [:], takerCosts: [:], key: { _ in "" }, subjectSpare: nil,
            kilometres: { Self.kilometres(schools[$0], schools[$1]) }, amount: nil, nearest: nearestSchools)
        pass.log = networkObserver.map { observe in { observe(RotationNetwork(step: step, stage: stage, flow: $0, amount: $1, onlyGains: $2, cost: $3)) } }
        return pass
    }

    // MARK: Steps 3 and 4 — principals and the quota

    /// What a greedy step still needs.
    enum Demand { case any, backbone }

    /// Adds swaps of two `candidates` with the same `signature` while `demand` asks for them:
    /// town–rural pairs before pairs on one side, then nearest first.
    func nearestSwaps(
        _ step: RotationObjectiveTerm.Step, candidates: [Teacher], roster: inout Roster,
        signature: (Teacher) -> String, demand: (_ movers: Int, _ roster: Roster) -> Demand?
    ) -> RotationObjectiveTerm {
        let reason: TeacherMove.Reason = step == .principal ? .principal : .quota
        var groups = Dictionary(grouping: candidates.filter { !roster.moved.contains($0.id) }, by: signature)
        let schools = roster.schools
        // Teachers of each subject at each school: a swap across subjects must leave both
        // schools one of each (principals of different subjects may swap).
        var subjects = roster.relocated.reduce(into: [String: Int]()) { $0[Self.subjectKey($1), default: 0] += 1 }
        func keepsSubjects(_ a: Teacher, _ b: Teacher) -> Bool {
            a.subject == b.subject || (subjects[Self.subjectKey(a), default: 0] >= 2 && subjects[Self.subjectKey(b), default: 0] >= 2)
        }
        /// The best pair among a group's first teachers: enough for a county, bounded for a city.
        func bestPair(_ list: [Teacher]) -> (i: Int, j: Int, rank: Int, km: Double)? {
            var best: (i: Int, j: Int, rank: Int, km: Double)?
            let head = list.prefix(60)
            for i in head.indices {
                for j in head.indices where j > i && head[i].schoolCode != head[j].schoolCode && keepsSubjects(head[i], head[j]) {
                    let a = schools[head[i].schoolCode], b = schools[head[j].schoolCode]
                    let rank = (a?.locality == .rural) == (b?.locality == .rural) ? 1 : 0
                    let km = Self.kilometres(a, b) ?? 0
                    if best == nil || (rank, km) < (best!.rank, best!.km) { best = (i, j, rank, km) }
                }
            }
            return best
        }
        var best = groups.mapValues(bestPair)
        var made = 0
        var kilometres = 0.0
        while let wanted = demand(made * 2, roster) {
            let choice = best.keys.sorted().compactMap { key -> (String, (i: Int, j: Int, rank: Int, km: Double))? in
                guard let pair = best[key] ?? nil, wanted == .any || groups[key]![pair.i].isBackbone else { return nil }
                return (key, pair)
            }.min { ($0.1.rank, $0.1.km) < ($1.1.rank, $1.1.km) }
            guard let (key, pair) = choice else { break }
            var list = groups[key]!
            let a = list[pair.i], b = list[pair.j]
            // An earlier swap across subjects may have used a school's spare teacher of one.
            guard keepsSubjects(a, b) else {
                best[key] = bestPair(list)
                continue
            }
            let km = Self.kilometres(schools[a.schoolCode], schools[b.schoolCode])
            roster.swap(a, b, reason: reason, kilometres: km)
            if a.subject != b.subject {
                subjects[Self.subjectKey(a)]! -= 1
                subjects[Self.subjectKey(b)]! -= 1
                subjects[Self.subjectKey(a, at: b.schoolCode), default: 0] += 1
                subjects[Self.subjectKey(b, at: a.schoolCode), default: 0] += 1
            }
            kilometres += km ?? 0
            made += 1
            list.remove(at: pair.j)
            list.remove(at: pair.i)
            groups[key] = list
            best[key] = bestPair(list)
        }
        return RotationObjectiveTerm(step: step, stage: nil, swaps: made, before: nil, after: nil, kilometres: kilometres, optimal: false)
    }

    /// "school|stage|subject" for a teacher, at their school or at `school`.
    static func subjectKey(_ t: Teacher, at school: String? = nil) -> String { "\(school ?? t.schoolCode)|\(t.stage.rawValue)|\(t.subject.key)" }

    /// When the backbone share of movers is short and no two backbone teachers alike are left to
    /// swap: two swaps between schools X and Y that together change no count — a backbone
    /// teacher a of X for b of Y alike but for being backbone, and a backbone teacher c of Y for
    /// d of X alike but for being backbone. Half of the four movers are backbone teachers.
    /// Town–rural pairs of schools first, then the nearest (greedy).
    func backboneDoubleSwaps(candidates: [Teacher], roster: inout Roster, while wanted: (Roster) -> Bool) -> (swaps: Int, kilometres: Double) {
        func alike(_ t: Teacher) -> String { "\(t.stage.rawValue)|\(t.subject.key)|\(t.isQualified)|\(t.isPEArt)|\(t.hasSeniorTitle)" }
        var pool: [String: [String: [Teacher]]] = [:]   // school → "backbone?|alike" → teachers
        for t in candidates where !roster.moved.contains(t.id) {
            pool[t.schoolCode, default: [:]]["\(t.isBackbone)|" + alike(t), default: []].append(t)
        }
        let schools = roster.schools
        let codes = pool.keys.sorted()
        var swaps = 0
        var kilometres = 0.0
        search: while wanted(roster) {
            for x in codes {
                let others = codes.filter { $0 != x }.map { y -> (String, Int, Double) in
                    ((y), (schools[x]?.locality == .rural) == (schools[y]?.locality == .rural) ? 1 : 0, Self.kilometres(schools[x], schools[y]) ?? 0)
                }.sorted { ($0.1, $0.2, $0.0) < ($1.1, $1.2, $1.0) }
                for key in (pool[x] ?? [:]).keys.sorted() where key.hasPrefix("true|") && !(pool[x]![key]!.isEmpty) {
                    let k1 = String(key.dropFirst(5))
                    for (y, _, km) in others where !(pool[y]?["false|" + k1]?.isEmpty ?? true) {
                        // c: a backbone teacher of Y whose non-backbone double is at X.
                        guard let k2 = (pool[y] ?? [:]).keys.sorted().first(where: { k in
                            k.hasPrefix("true|") && !(pool[y]![k]!.isEmpty) && !(pool[x]?["false|" + k.dropFirst(5)]?.isEmpty ?? true)
                        }) else { continue }
                        let a = pool[x]![key]!.removeFirst(), b = pool[y]!["false|" + k1]!.removeFirst()
                        let c = pool[y]![k2]!.removeFirst(), d = pool[x]!["false|" + k2.dropFirst(5)]!.removeFirst()
                        let distance = Self.kilometres(schools[x], schools[y])
                        roster.swap(a, b, reason: .quota, kilometres: distance)
                        roster.swap(c, d, reason: .quota, kilometres: distance)
                        swaps += 2
                        kilometres += 2 * km
                        continue search
                    }
                }
            }
            break
        }
        return (swaps, kilometres)
    }

    // MARK: Reporting

    /// The three teacher indicators' CVs per stage on the standard's units, before and after.
    private func changes(basis: UnitBasis, before: [Teacher], after: [Teacher]) -> [TeacherIndicatorChange] {
        var result: [TeacherIndicatorChange] = []
        for stage in [Stage.primary, .junior] {
            guard let units = basis.stages[stage] else { continue }
            for (resource, indicator) in [(Resource.qualifiedTeachers, Indicator.qualified), (.backboneTeachers, .backbone), (.peArtTeachers, .peArt)] {
                func cv(_ teachers: [Teacher]) -> Double? {
                    var count: [String: Int] = [:]
                    for t in teachers where t.stage == stage && indicator.has(t) { count[t.schoolCode, default: 0] += 1 }
                    let sample = units.sample(units.aggregate(count))
                    return sample.isEmpty ? nil : sample.coefficientOfVariation
                }
                result.append(TeacherIndicatorChange(resource: resource, stage: stage, before: cv(before), after: cv(after)))
            }
        }
        return result
    }

    /// Each school's counts per stage, before and after.
    private func counts(schools: [SchoolYear], before: [Teacher], after: [Teacher]) -> [SchoolRotationCounts] {
        let now = TeacherCounts.of(before), then = TeacherCounts.of(after)
        return schools.sorted { $0.schoolCode < $1.schoolCode }.flatMap { school in
            [Stage.primary, .junior].compactMap { stage -> SchoolRotationCounts? in
                let students = school.record(for: stage)?.students ?? 0
                let b = now[school.schoolCode]?[stage] ?? TeacherCounts(), a = then[school.schoolCode]?[stage] ?? TeacherCounts()
                guard students > 0 || b.teachers > 0 else { return nil }
                return SchoolRotationCounts(
                    schoolCode: school.schoolCode, schoolName: school.schoolName, locality: school.locality, stage: stage,
                    students: students, staffingNeed: rules.staffingNeed(of: school, stage: stage),
                    peArtNeed: rules.peArtNeed(of: school, stage: stage), before: b, after: a)
            }
        }
    }

    /// Great-circle kilometres between two schools; `nil` without coordinates.
    static func kilometres(_ a: SchoolYear?, _ b: SchoolYear?) -> Double? {
        guard let p = a?.coordinate, let q = b?.coordinate else { return nil }
        let radians = Double.pi / 180
        let dLat = (q.latitude - p.latitude) * radians, dLon = (q.longitude - p.longitude) * radians
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(p.latitude * radians) * cos(q.latitude * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 6371 * 2 * asin(min(1, h.squareRoot()))
    }
}

/// One exact step's min-cost flow as the planner solved it (``RotationPlanner/networkObserver``).
public struct RotationNetwork: Sendable {
    /// The step that solved it.
    public var step: RotationObjectiveTerm.Step
    /// The stage whose teachers it moves.
    public var stage: Stage
    /// The network before solving: node 0 is the source, node 1 the sink.
    public var flow: MinCostFlow
    /// The most flow (``SwapPass``'s pairs), `nil` for no limit.
    public var amount: Int?
    /// Whether only paths of negative cost are taken (else as much as `amount`, or all).
    public var onlyGains: Bool
    /// The least cost the planner found.
    public var cost: Double
}

/// The units the teacher CVs are measured on: per stage, each unit's students and the school
/// each school's teachers count for (its own, or a teaching point's parent).
struct UnitBasis {
    struct Stage {
        /// Unit (its school's code) → P_i.
        var students: [String: Double]
        /// School code → unit, for teaching points merged into a parent.
        var unitOf: [String: String]

        /// Counts by school summed by unit; schools outside every unit are left out.
        func aggregate(_ bySchool: [String: Int]) -> [String: Int] {
            var result: [String: Int] = [:]
            for (code, n) in bySchool {
                let unit = unitOf[code] ?? code
                if students[unit] != nil { result[unit, default: 0] += n }
            }
            return result
        }

        /// The count per 100 students of every unit, weighted by students, in code order.
        func sample(_ count: [String: Int]) -> WeightedSample {
            let codes = students.keys.sorted()
            return WeightedSample(values: codes.map { Double(count[$0] ?? 0) * 100 / students[$0]! }, weights: codes.map { students[$0]! })
        }
    }

    var stages: [Domain.Stage: Stage] = [:]

    /// The units of `standard` (every school with students in a stage when there is none).
    init(schools: [SchoolYear], standard: Standard?) {
        let units = standard?.units(of: schools).units
        for stage in [Domain.Stage.primary, .junior] {
            var students: [String: Double] = [:], unitOf: [String: String] = [:]
            if let units {
                for unit in units where unit.stage == stage && unit.students > 0 {
                    students[unit.schoolCode] = Double(unit.students)
                    for point in unit.mergedTeachingPoints { unitOf[point] = unit.schoolCode }
                }
            } else {
                for school in schools { if let n = school.record(for: stage)?.students, n > 0 { students[school.schoolCode] = Double(n) } }
            }
            if !students.isEmpty { stages[stage] = Stage(students: students, unitOf: unitOf) }
        }
    }
}

/// Where every teacher is while a plan is made, and the moves so far.
struct Roster {
    struct Entry {
        var move: TeacherMove
        var isPrincipalMove: Bool
    }

    let schools: [String: SchoolYear]
    private(set) var relocated: [Teacher]
    private var index: [String: Int]
    private(set) var moved: Set<String> = []
    private(set) var moves: [Entry] = []

    init(teachers: [Teacher], schools: [String: SchoolYear]) {
        self.schools = schools
        relocated = teachers
        index = Dictionary(teachers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Swaps `a` (moving for `reason`) and `b` (its partner).
    mutating func swap(_ a: Teacher, _ b: Teacher, reason: TeacherMove.Reason, kilometres: Double?) {
        let number = moves.count / 2
        moves.append(Entry(move: TeacherMove(teacherID: a.id, from: a.schoolCode, to: b.schoolCode, stage: a.stage, reason: reason, swap: number, kilometres: kilometres), isPrincipalMove: a.isPrincipal))
        moves.append(Entry(move: TeacherMove(teacherID: b.id, from: b.schoolCode, to: a.schoolCode, stage: b.stage, reason: reason == .quota || reason == .principal ? reason : .partner, swap: number, kilometres: kilometres), isPrincipalMove: b.isPrincipal))
        relocated[index[a.id]!].schoolCode = b.schoolCode
        relocated[index[b.id]!].schoolCode = a.schoolCode
        moved.insert(a.id)
        moved.insert(b.id)
    }

    /// Teachers of `stage` with a property, by the school they are at now.
    func counts(stage: Stage, where has: (Teacher) -> Bool) -> [String: Int] {
        var count: [String: Int] = [:]
        for t in relocated where t.stage == stage && has(t) { count[t.schoolCode, default: 0] += 1 }
        return count
    }

    /// "school|subject" → teachers of the subject a school may lose and keep one.
    func subjectSpare(stage: Stage) -> [String: Int] {
        var count: [String: Int] = [:]
        for t in relocated where t.stage == stage { count[t.schoolCode + "|" + t.subject.key, default: 0] += 1 }
        return count.mapValues { $0 - 1 }
    }
}
