import Demo
import Domain
import Foundation
@testable import Planning
import Testing

/// Plans a bureau can adopt as they are (issue 15): amounts in purchase units, every bound
/// met with a margin that survives another order of arithmetic, the school rule's optimum
/// exact and called `optimal` when the CV limits do not bind.
@Suite("Exact, robust, purchasable plans")
struct ExactPlanTests {
    /// Demo counties of `seed` whose unit count is in `sizes`, one array per county.
    private static func demoCounties(seed: UInt64, count: Int, sizes: ClosedRange<Int> = 1...10_000) -> [[SchoolYear]] {
        let schools = DemoGenerator(seed: seed, counties: count).schools()
        let evaluator = Evaluator(standard: .quality2017)
        return Dictionary(grouping: schools, by: \.countyCode).keys.sorted()
            .map { code in schools.filter { $0.countyCode == code } }
            .filter { sizes.contains(evaluator.evaluateCounty($0, facts: nil).units.count) }
    }

    // MARK: An evaluation in another order

    /// Why `schools` fail the resource part, judged apart from the engine's arithmetic: rows
    /// in reverse order, a combined school's share formed as total × own ÷ Σ (not total ×
    /// (own ÷ Σ)), values as A ÷ P × scale (not A × scale ÷ P), the CV in two passes
    /// (mean, then squared deviations) summed backwards — and every comparison strict, with
    /// no tolerance at all. A plan that passes only by luck of rounding fails here.
    static func failuresInAnotherOrder(_ schools: [SchoolYear], standard: Standard) -> [String] {
        let rows = Array(schools.reversed())
        let byCode = Dictionary(rows.map { ($0.schoolCode, $0) }, uniquingKeysWith: { first, _ in first })
        let units = Evaluator(standard: standard).evaluateCounty(rows, facts: nil).units
        var failures: [String] = []
        var samples: [String: [(value: Double, weight: Double)]] = [:]
        for result in units.reversed() {
            let unit = result.unit
            let students = Double(unit.students)
            var metCount = 0
            var belowFloor: [Int] = []
            for (k, indicator) in standard.indicators.enumerated() {
                var numerator = unit.numerators[k] ?? 0
                if indicator.numerator.isSchoolWide, unit.mergedTeachingPoints.isEmpty, let school = byCode[unit.schoolCode] {
                    let total = indicator.numerator.amount(of: school, stage: unit.stage) ?? 0
                    let weights = standard.splitWeights.weights[school.type] ?? [:]
                    var sum = 0.0
                    for stage in school.type.possibleStages.reversed() {
                        sum += Double(school.students(in: stage) ?? 0) * (weights[stage] ?? 1)
                    }
                    let own = Double(school.students(in: unit.stage) ?? 0) * (school.type.possibleStages.count > 1 ? weights[unit.stage] ?? 1 : 1)
                    numerator = school.type.possibleStages.count > 1 ? total * own / sum : total
                }
                let value = numerator / students * indicator.scale
                samples["\(unit.stage.rawValue)/\(k)", default: []].append((value, students))
                guard let rule = standard.schoolRule, let threshold = indicator.threshold(for: unit.stage) else { continue }
                if value >= threshold { metCount += 1 } else if !(value >= rule.floorRatio * threshold) { belowFloor.append(k) }
            }
            if let rule = standard.schoolRule, metCount < rule.minMet || !belowFloor.isEmpty {
                failures.append("\(unit.schoolCode)/\(unit.stage.rawValue): \(metCount) met, below floor \(belowFloor)")
            }
        }
        for (key, sample) in samples.sorted(by: { $0.key < $1.key }) {
            guard let stage = Stage(rawValue: String(key.split(separator: "/")[0])), let limit = standard.balance.cvLimits[stage] else { continue }
            var weight = 0.0, weighted = 0.0
            for entry in sample.reversed() { weight += entry.weight; weighted += entry.weight * entry.value }
            let mean = weighted / weight
            var squares = 0.0
            for entry in sample.reversed() { squares += entry.weight * (entry.value - mean) * (entry.value - mean) }
            let cv = (squares / weight).squareRoot() / mean
            if !(cv <= limit) { failures.append("CV \(key) = \(cv) > \(limit)") }
        }
        return failures
    }

    @Test("every plan passes an evaluation in another order, with no tolerance (demo counties, several seeds)", arguments: [UInt64(1), 2, 3, 4, 5])
    func plansPassInAnotherOrder(seed: UInt64) throws {
        let planner = InvestmentPlanner(standard: .quality2017)
        for county in Self.demoCounties(seed: seed, count: 4) {
            let plan = try planner.plan(county)
            let applied = Whatif.apply(plan.items, to: county)
            #expect(Self.failuresInAnotherOrder(applied, standard: .quality2017) == [], "county \(plan.countyCode), seed \(seed)")
            #expect(ResourceCheck(plan.after).passes)
        }
    }

    @Test("a unit that lands exactly on a floor fails the evaluation in another order; the check is not vacuous")
    func theCheckCanFail() throws {
        // Teaching rooms at exactly 85 % of 4.5 m² per pupil, everything else well above its
        // threshold: the engine (with its tolerance for binary noise) passes the school, but
        // for some enrollments the quotient rounds one ulp below 3.825 and a strict check fails.
        let floor = 0.85 * 4.5
        let students = try #require((100...5_000).first { (floor * Double($0)) / Double($0) < floor })
        var random = TestRandom(seed: 11)
        var school = random.primaryCounty(1)[0]
        school.primary.students = students
        school.primary.teachers = students / 10
        school.primary.qualifiedTeachers = students / 10
        school.primary.backboneTeachers = students / 20
        school.primary.peArtTeachers = students / 20
        school.facilities.teachingArea = floor * Double(students)
        school.facilities.sportsArea = 20 * Double(students)
        school.facilities.equipmentValue = 5_000 * Double(students)
        school.facilities.multimediaRooms = students / 10
        #expect(ResourceCheck(Evaluator(standard: .quality2017).evaluateCounty([school], facts: nil)).passes)
        let failures = Self.failuresInAnotherOrder([school], standard: .quality2017)
        #expect(failures.contains { $0.hasPrefix(school.schoolCode) })
    }

    // MARK: The school rule's optimum

    /// The least cost of meeting the school rule, school by school, found by trying every
    /// exception of every unit (any indicator or none, met or not) with every line at the
    /// least whole number of purchase units that reaches each bound with the plan's margin;
    /// and the data with that plan applied. Written apart from ``Purchases``.
    static func exhaustiveSchoolOptimum(_ county: [SchoolYear], costs: UnitCosts, standard: Standard) -> (cost: Double, applied: [SchoolYear]) {
        let units = Evaluator(standard: standard).evaluateCounty(county, facts: nil).units
        let rule = try! #require(standard.schoolRule)
        let byCode = Dictionary(county.map { ($0.schoolCode, $0) }, uniquingKeysWith: { first, _ in first })
        var total = 0.0
        var applied = county
        let position = Dictionary(county.enumerated().map { ($1.schoolCode, $0) }, uniquingKeysWith: { first, _ in first })
        for code in Set(units.map(\.unit.schoolCode)).sorted() {
            let members = units.filter { $0.unit.schoolCode == code }
            let school = byCode[code]!
            func share(_ resource: Resource, _ stage: Stage) -> Double {
                resource.isSchoolWide ? standard.splitWeights.share(of: stage, in: school) : 1
            }
            /// Purchase units needed by one unit for one indicator at `bound`.
            func purchaseCount(_ result: UnitResult, _ k: Int, _ bound: Double) -> Double {
                let indicator = standard.indicators[k]
                let have = result.unit.numerators[k] ?? 0
                let students = Double(result.unit.students)
                if have * indicator.scale / students >= bound - abs(bound) * 1e-12 { return 0 }
                let target = bound * students / indicator.scale * (1 + Purchases.boundMargin)
                let q = costs.purchaseUnit(of: indicator.numerator)
                let step = q * share(indicator.numerator, result.unit.stage)
                var n = 0.0
                // Count up in big strides, then back down: the least n that reaches the target.
                var stride = 1.0
                while have + (n + stride) * step < target { n += stride; stride *= 2 }
                while stride >= 1 {
                    if have + (n + stride) * step < target { n += stride }
                    stride /= 2
                }
                return n + 1
            }
            var best = Double.infinity
            var bestLines: [String: (resource: Resource, stage: Stage, amount: Double)] = [:]
            var choice = Array(repeating: Int?.none, count: members.count)
            func visit(_ i: Int) {
                if i == members.count {
                    var lines: [String: (resource: Resource, stage: Stage, amount: Double)] = [:]
                    for (j, result) in members.enumerated() {
                        for (k, indicator) in standard.indicators.enumerated() {
                            guard let threshold = indicator.threshold(for: result.unit.stage) else { continue }
                            let bound = choice[j] == k ? rule.floorRatio * threshold : threshold
                            let amount = purchaseCount(result, k, bound) * costs.purchaseUnit(of: indicator.numerator)
                            let key = indicator.numerator.isSchoolWide ? indicator.numerator.rawValue : "\(indicator.numerator.rawValue)/\(result.unit.stage.rawValue)"
                            let old = lines[key]?.amount ?? 0
                            lines[key] = (indicator.numerator, result.unit.stage, max(old, amount))
                        }
                    }
                    let cost = lines.values.reduce(0.0) { $0 + $1.amount * costs.weighedCost(of: $1.resource, in: school.locality) }
                    if cost < best { best = cost; bestLines = lines }
                    return
                }
                for option in [nil] + standard.indicators.indices.map(Optional.some) {
                    choice[i] = option
                    visit(i + 1)
                }
            }
            visit(0)
            total += best
            for line in bestLines.values where line.amount > 0 {
                Whatif.add(line.amount, of: line.resource, stage: line.stage, to: &applied[position[code]!])
            }
        }
        return (total, applied)
    }

    /// Checks one county against ``exhaustiveSchoolOptimum(_:costs:standard:)``; `true` when the
    /// CV limits do not bind there (the exact case).
    private static func checkAgainstSchoolOptimum(_ county: [SchoolYear]) throws -> Bool {
        let plan = try InvestmentPlanner(standard: .quality2017).plan(county)
        let optimum = exhaustiveSchoolOptimum(county, costs: .defaults, standard: .quality2017)
        let bind = !ResourceCheck(Evaluator(standard: .quality2017).evaluateCounty(optimum.applied, facts: nil)).passes
        if bind {
            // Every plan meets the school rule: the optimum bounds it and its lower bound.
            #expect(plan.weighedCost >= optimum.cost * (1 - 1e-12))
            #expect(plan.lowerBound >= optimum.cost * (1 - 1e-12))
        } else {
            #expect(abs(plan.weighedCost - optimum.cost) <= 1e-9 * max(1, optimum.cost), "county \(plan.countyCode): plan \(plan.weighedCost) vs \(optimum.cost)")
            #expect(plan.optimality == .optimal)
            #expect(plan.lowerBound == plan.weighedCost)
        }
        return !bind
    }

    @Test("where the CV limits do not bind, the plan costs exactly the exhaustive per-school optimum and says optimal (demo counties of 30–66 units)")
    func schoolRuleOptimumIsExact() throws {
        var exact = 0
        for seed in UInt64(1)...6 {
            for county in Self.demoCounties(seed: seed, count: 5, sizes: 30...400) where try Self.checkAgainstSchoolOptimum(county) {
                exact += 1
            }
        }
        // The exact case must occur, or this test proves nothing.
        #expect(exact >= 3, "\(exact) counties where the limits do not bind")
    }

    @Test("the same on larger counties: several demo counties planned as one (200–400 units)", arguments: [UInt64(1), 2, 3])
    func schoolRuleOptimumIsExactOnLargeCounties(seed: UInt64) throws {
        let schools = DemoGenerator(seed: seed + 100, counties: 8).schools()
        let codes = Set(schools.map(\.countyCode)).sorted()
        // Counties added one by one until the merged county has 200–400 units.
        var merged: [SchoolYear] = []
        let evaluator = Evaluator(standard: .quality2017)
        for code in codes {
            let next = merged + schools.filter { $0.countyCode == code }.map { school in
                var school = school
                school.countyCode = "999999"
                return school
            }
            if evaluator.evaluateCounty(next, facts: nil).units.count > 400 { break }
            merged = next
        }
        let units = evaluator.evaluateCounty(merged, facts: nil).units.count
        try #require((200...400).contains(units), "\(units) units")
        _ = try Self.checkAgainstSchoolOptimum(merged)
    }

    /// Measured (debug build, `junheng plan invest --format json` on `junheng demo --seed N
    /// --counties 3`): seeds 1–5 at most 0.54 % (430250, whose junior sports-area CV binds on a
    /// school that shares its ground with a senior-high stage); every other county optimal or
    /// within 0.08 %. Before ``Purchases/patternBound(binding:references:)`` and the dual bound
    /// of ``CostAwareFilling``, 430250 stood at 1.39 % and 510730 (seed 4) at 1.99 %.
    @Test("on the demo counties the gap is at most 1 %", arguments: [UInt64(1), 2, 3, 4, 5])
    func demoGaps(seed: UInt64) throws {
        let planner = InvestmentPlanner(standard: .quality2017)
        for county in Self.demoCounties(seed: seed, count: 3) {
            let plan = try planner.plan(county)
            #expect(plan.lowerBound <= plan.weighedCost)
            #expect(plan.gap <= 0.01, "county \(plan.countyCode): gap \(plan.gap)")
        }
    }

    // MARK: Purchase units

    @Test("every amount is a whole multiple of its purchase unit, with the defaults and with a costs file's", arguments: [UInt64(2), 4])
    func amountsArePurchasable(seed: UInt64) throws {
        var coarse = UnitCosts.defaults
        coarse.setPurchaseUnit(.teachingArea, to: 50)
        coarse.setPurchaseUnit(.sportsArea, to: 25)
        coarse.setPurchaseUnit(.equipmentValue, to: 10_000)
        coarse.setPurchaseUnit(.multimediaRooms, to: 2)
        for costs in [UnitCosts.defaults, coarse] {
            let planner = InvestmentPlanner(standard: .quality2017, costs: costs)
            for county in Self.demoCounties(seed: seed, count: 3) {
                let plan = try planner.plan(county)
                #expect(ResourceCheck(plan.after).passes)
                for item in plan.items {
                    let q = costs.purchaseUnit(of: item.resource)
                    let units = item.amount / q
                    #expect(units == units.rounded() && units >= 1, "\(item.id): \(item.amount) in units of \(q)")
                }
                #expect(Self.failuresInAnotherOrder(Whatif.apply(plan.items, to: county), standard: .quality2017) == [])
            }
        }
    }

    @Test("a rounded amount that lands exactly on a bound buys one more unit")
    func exactLandingBuysOneMore() throws {
        // 500 pupils need 4.2 qualified teachers per hundred: 21 reach 4.2 exactly, which an
        // evaluation in another order may put one ulp below. The plan hires 22.
        var random = TestRandom(seed: 5)
        var school = random.primaryCounty(1)[0]
        school.primary.students = 500
        school.primary.qualifiedTeachers = 15
        school.primary.teachers = 40
        school.primary.backboneTeachers = 5
        school.primary.peArtTeachers = 5
        // Teaching rooms well below their floor: leaving them at 85 % saves the most, so the
        // qualified teachers must reach the threshold itself.
        school.facilities.teachingArea = 1_700
        school.facilities.sportsArea = 3_800
        school.facilities.equipmentValue = 1_000_000
        school.facilities.multimediaRooms = 12
        // A post weighed at one year's salary (the 337.5 m² the exception saves cost more).
        var costs = UnitCosts.defaults
        costs.postYears = 1
        let plan = try InvestmentPlanner(standard: .quality2017, costs: costs).plan([school])
        let hires = try #require(plan.items.first { $0.resource == .qualifiedTeachers })
        #expect(hires.amount == 7)
        #expect(plan.optimality == .optimal)
    }

    @Test("the purchase unit API: defaults, setting, clamping")
    func purchaseUnitAPI() {
        var costs = UnitCosts.defaults
        #expect(costs.purchaseUnit(of: .teachingArea) == 1)
        #expect(costs.purchaseUnit(of: .sportsArea) == 1)
        #expect(costs.purchaseUnit(of: .equipmentValue) == 100)
        for resource in [Resource.multimediaRooms, .teachers, .backboneTeachers, .computers, .books] {
            #expect(costs.purchaseUnit(of: resource) == 1)
        }
        costs.setPurchaseUnit(.teachingArea, to: 0.5)
        #expect(costs.purchaseUnit(of: .teachingArea) == 0.5)
        costs.setPurchaseUnit(.multimediaRooms, to: 1.5)
        #expect(costs.purchaseUnit(of: .multimediaRooms) == 2)
        costs.setPurchaseUnit(.sportsArea, to: 1e12)
        #expect(costs.purchaseUnit(of: .sportsArea) == UnitCosts.maximumPurchaseUnit)
        costs.setPurchaseUnit(.teachingArea, to: 1)
        costs.setPurchaseUnit(.multimediaRooms, to: 1)
        costs.setPurchaseUnit(.sportsArea, to: 1)
        #expect(costs == .defaults)
    }
}
