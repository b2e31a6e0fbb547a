import Domain

/// Draws one county's facts: one value per fact item of the standard. Items that can be read
/// off the county's school rows agree with them; the others mostly pass.
struct DemoFactsBuilder {
    let county: DemoCounty
    let year: Int
    let standard: Standard
    private var rng: SeededGenerator
    private let policies: DemoPolicies

    init(county: DemoCounty, year: Int, standard: Standard) {
        self.county = county
        self.year = year
        self.standard = standard
        var schoolStream = SeededGenerator(seed: county.streamSeed)
        policies = DemoPolicies(county, &schoolStream)  // the same draws as the school builder's
        rng = SeededGenerator(seed: county.streamSeed, stream: 1)
    }

    func facts(for schools: [SchoolYear]) -> [CountyFact] {
        var builder = self
        return builder.build(schools)
    }

    private mutating func build(_ schools: [SchoolYear]) -> [CountyFact] {
        let rules = standard.facts
        let derived = derivedValues(schools)

        // Which of the other items fail (0–3 of them, fewer in developed counties), and a rare veto.
        let ordinary = rules.indices.filter { rules[$0].check != .vetoWhenTrue && derived[rules[$0].key] == nil }
        let failing = [0, 1, 2, 3][rng.weightedIndex([0.55 + 0.35 * county.development, 0.25, 0.12, 0.04])]
        var failed = Set<Int>()
        while failed.count < min(failing, ordinary.count) {
            failed.insert(rng.pick(ordinary))
        }
        let vetoes = rules.indices.filter { rules[$0].check == .vetoWhenTrue }
        let veto = !vetoes.isEmpty && rng.chance(0.025) ? rng.pick(vetoes) : nil

        var result: [CountyFact] = []
        result.reserveCapacity(rules.count)
        for (index, rule) in rules.enumerated() {
            let value: CountyFact.Value
            if let known = derived[rule.key] {
                value = known
            } else {
                switch rule.check {
                case .mustBeTrue: value = failed.contains(index) ? .no : .yes
                case .vetoWhenTrue: value = index == veto ? .yes : .no
                case let .compare(op, bound):
                    value = .number(compared(op, bound, percent: rule.unit == "percent", pass: !failed.contains(index)))
                }
            }
            result.append(CountyFact(year: year, countyCode: county.code, item: rule.key, value: value,
                                     evidence: evidence(for: rule)))
        }
        return result
    }

    /// Values of the items the school rows decide, by the quality-2017 item keys; an item is
    /// only derived when the standard has it with a matching check.
    private mutating func derivedValues(_ schools: [SchoolYear]) -> [String: CountyFact.Value] {
        var values: [String: CountyFact.Value] = [:]
        func yesNo(_ key: String, _ holds: Bool) {
            if standard.fact(key)?.check == .mustBeTrue { values[key] = holds ? .yes : .no }
        }
        let regular = schools.filter { $0.type != .special && $0.type != .teachingPoint }

        yesNo("gov_03_music_art_rooms", regular.allSatisfy { school in
            let classes = (school.primary.classes ?? 0) + (school.junior.classes ?? 0)
            let needed = (classes + 11) / 12
            return (school.facilities.musicRooms ?? 0) >= needed && (school.facilities.artRooms ?? 0) >= needed
        })
        yesNo("gov_04_school_size", regular.allSatisfy { school in
            let primary = school.primary.students ?? 0
            let junior = school.junior.students ?? 0
            switch school.type {
            case .nineYear, .twelveYear: return primary + junior <= 2500
            default: return primary <= 2000 && junior <= 2000
            }
        })
        yesNo("gov_05_class_size", schools.allSatisfy { school in
            school.type == .special
                || ((school.primary.largestClass ?? 0) <= 45 && (school.junior.largestClass ?? 0) <= 50)
        })
        let hasSmall = schools.contains { school in
            school.type != .special && (school.primary.students ?? 0) + (school.junior.students ?? 0) < 100
        }
        yesNo("gov_06_small_school_funding", !hasSmall || policies.smallSchoolFloor)
        yesNo("quality_04_training_funds", schools.allSatisfy { school in
            guard let funds = school.publicFunds, let training = school.trainingFunds else { return true }
            return training >= funds * 0.05
        })
        if let rule = standard.fact("gov_07_special_funding"), case .compare = rule.check {
            let special = schools.first { $0.type == .special }
            if let special, let funds = special.publicFunds {
                let pupils = (special.primary.students ?? 0) + (special.junior.students ?? 0)
                values[rule.key] = .number((funds / Double(max(pupils, 1))).rounded())
            } else {
                values[rule.key] = .number(policies.specialFunding ? rng.uniform(6000, 8000).rounded()
                                                                   : rng.uniform(4500, 5900).rounded())
            }
        }
        return values
    }

    /// A value that passes (or fails) `value op bound`, rounded as such values are written:
    /// percentages to 0.1, amounts of 1000 or more to 1, fractions below 1 to 0.001.
    private mutating func compared(_ op: FactRule.Comparison, _ bound: Double, percent: Bool, pass: Bool) -> Double {
        func rounded(_ x: Double) -> Double {
            if percent { return min((x * 10).rounded() / 10, 100) }
            if abs(bound) >= 1000 { return x.rounded() }
            if abs(bound) < 1 { return (x * 1000).rounded() / 1000 }
            return (x * 10).rounded() / 10
        }
        var value: Double
        switch (op, pass) {
        case (.atLeast, true), (.above, true): value = bound * rng.uniform(1.02, 1.5)
        case (.atLeast, false), (.above, false): value = bound * rng.uniform(0.8, 0.98)
        case (.atMost, true), (.below, true): value = bound * rng.uniform(0.3, 0.95)
        case (.atMost, false), (.below, false): value = bound * rng.uniform(1.02, 1.6)
        case (.equal, true): value = bound
        case (.equal, false): value = bound == 0 ? 1 : bound * 0.9
        }
        if bound < 0 && op != .equal { value = 2 * bound - value }  // mirror the margins below zero
        value = rounded(value)
        // Rounding or the 100 % cap may have crossed the bound: step until the verdict is right.
        let step = percent ? 0.1 : abs(bound) >= 1000 ? 1 : abs(bound) < 1 ? 0.001 : 0.1
        var guardSteps = 0
        while op.holds(value, bound) != pass && guardSteps < 1000 {
            switch op {
            case .atLeast, .above: value += pass ? step : -step
            case .atMost, .below: value += pass ? -step : step
            case .equal: value = pass ? bound : bound + step
            }
            value = percent ? (value * 10).rounded() / 10 : value
            guardSteps += 1
        }
        return value
    }

    private mutating func evidence(for rule: FactRule) -> String {
        switch rule.part {
        case .government:
            let number = String(rng.integer(in: 3...68))
            return (rng.chance(0.5) ? governmentPrefix : bureauPrefix) + number + "号文"
        case .quality:
            return rng.chance(0.5) ? qualityReport : monitoringReport
        case .recognition:
            return recognitionPrefix + String(rng.integer(in: 800...3000)) + "份）"
        case .veto:
            return vetoRecord
        case .precondition:
            return county.provinceName + "义务教育学校办学基本标准达标验收报告"
        }
    }

    // Evidence texts, built once per county.
    private var governmentPrefix: String { "\(county.name)人民政府〔\(year)〕" }
    private var bureauPrefix: String { "\(county.name)教育局〔\(year)〕" }
    private var qualityReport: String { "\(county.name)教育局\(year)年教育质量报告" }
    private var monitoringReport: String { "国家义务教育质量监测\(county.name)报告（\(year - 1)年）" }
    private var recognitionPrefix: String { "\(year)年\(county.name)社会认可度调查报告（有效问卷" }
    private var vetoRecord: String { "\(county.provinceName)人民政府教育督导室\(year)年核查记录" }
}
