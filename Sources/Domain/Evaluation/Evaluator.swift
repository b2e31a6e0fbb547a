/// The official evaluation (督导评估) of counties under one ``Standard``: per unit the
/// indicator values and the school rule; per county, year and stage the enrollment-weighted
/// 差异系数 of every indicator against its limit, the composite, and the other measures of
/// inequality; the county-fact items; and a verdict with every reason.
public struct Evaluator: Sendable {
    /// The method applied.
    public let standard: Standard
    /// Per stage (indexed by ``stageIndex(_:)``), each indicator's
    /// threshold and floor, looked up once instead of per unit.
    private let thresholds: [[Double?]]
    private let floors: [[Double?]]

    public init(standard: Standard) {
        self.standard = standard
        thresholds = Stage.allCases.map { stage in standard.indicators.map { $0.threshold(for: stage) } }
        floors = thresholds.map { stage in
            stage.map { threshold in standard.schoolRule.flatMap { rule in threshold.map { rule.floorRatio * $0 } } }
        }
    }

    /// Evaluates every county and year found in `schools`, sorted by county code then year.
    /// `facts` is `nil` when no facts file was given (the county-fact parts are then
    /// reported as missing). Counties are independent, so they are evaluated on every core;
    /// the result does not depend on how the work is shared out.
    public func evaluate(_ schools: [SchoolYear], facts: [CountyFact]?) -> [CountyResult] {
        struct Key: Hashable, Comparable {
            var county: String
            var year: Int
            static func < (a: Key, b: Key) -> Bool { (a.county, a.year) < (b.county, b.year) }
        }
        let positionsByCounty = Dictionary(grouping: schools.indices) { Key(county: schools[$0].countyCode, year: schools[$0].year) }
        let factsByCounty = facts.map { Dictionary(grouping: $0) { Key(county: $0.countyCode, year: $0.year) } }
        let keys = positionsByCounty.keys.sorted()
        return ParallelMap.map(count: keys.count) { i in
            evaluateCounty(schools, at: positionsByCounty[keys[i]]!, facts: factsByCounty.map { $0[keys[i]] ?? [] })
        }
    }

    /// Evaluates one county in one year; every school must have the same county code and
    /// year, and `schools` must not be empty.
    public func evaluateCounty(_ schools: [SchoolYear], facts: [CountyFact]?) -> CountyResult {
        evaluateCounty(schools, at: Array(schools.indices), facts: facts)
    }

    /// Evaluates the county whose rows are at `positions` in `schools`.
    func evaluateCounty(_ schools: [SchoolYear], at positions: [Int], facts: [CountyFact]?) -> CountyResult {
        let first = schools[positions[0]]
        let (units, excluded) = standard.units(of: schools, at: positions)
        let unitResults = units.map(judge)
        var findings: [Finding] = []
        var stageResults: [StageResult] = []
        // Units come grouped by stage (see `Standard.units(of:)`), so each stage is a slice.
        var start = 0
        for stage in standard.stages {
            var end = start
            while end < unitResults.count, unitResults[end].unit.stage == stage { end += 1 }
            let inStage = unitResults[start..<end]
            start = end
            let result = summarize(stage: stage, units: inStage)
            stageResults.append(result)
            findings += stageFindings(result, units: inStage)
        }
        let factResults = facts.map(judgeFacts) ?? []
        if facts == nil {
            if !standard.facts.isEmpty { findings.append(.factsNotProvided) }
        } else {
            for result in factResults {
                switch result.status {
                case .met: break
                case .notMet: findings.append(.factNotMet(result))
                case .vetoed: findings.append(.vetoed(result))
                case .missing: findings.append(.factMissing(result.rule))
                }
            }
        }
        let verdict: Verdict = findings.contains(where: \.isFailure) ? .fail : findings.isEmpty ? .pass : .incomplete
        return CountyResult(
            countyCode: first.countyCode,
            countyName: positions.lazy.compactMap { schools[$0].countyName }.first,
            year: first.year, verdict: verdict, findings: findings, stages: stageResults,
            units: unitResults, excluded: excluded, facts: factResults)
    }

    /// A unit's values against the thresholds, and the school rule.
    func judge(_ unit: EvaluationUnit) -> UnitResult {
        let students = Double(unit.students)
        let stageThresholds = thresholds[Self.stageIndex(unit.stage)]
        let stageFloors = floors[Self.stageIndex(unit.stage)]
        var values: [Double?] = []
        var met: [Bool?] = []
        values.reserveCapacity(standard.indicators.count)
        met.reserveCapacity(standard.indicators.count)
        var missing = false
        var metCount = 0
        var allUnmetAboveFloor = true
        for index in standard.indicators.indices {
            let value = unit.numerators[index].map { $0 * standard.indicators[index].scale / students }
            values.append(value)
            guard let value else {
                missing = true
                met.append(nil)
                continue
            }
            guard let threshold = stageThresholds[index] else {
                met.append(nil)
                continue
            }
            let isMet = Self.reaches(value, threshold)
            met.append(isMet)
            if isMet {
                metCount += 1
            } else if let floor = stageFloors[index], !Self.reaches(value, floor) {
                allUnmetAboveFloor = false
            }
        }
        var passes: Bool?
        if let rule = standard.schoolRule {
            let unknown = met.count { $0 == nil }
            if !allUnmetAboveFloor || metCount + unknown < rule.minMet {
                passes = false
            } else if !missing {
                passes = metCount >= rule.minMet
            }
        }
        return UnitResult(unit: unit, values: values, met: met, passes: passes)
    }

    /// The county-wide figures of one stage.
    func summarize(stage: Stage, units: ArraySlice<UnitResult>) -> StageResult {
        let judgedEach = standard.balance.judged == .eachIndicator
        let limit = standard.balance.cvLimits[stage]
        var indicators: [IndicatorResult] = []
        indicators.reserveCapacity(standard.indicators.count)
        for index in standard.indicators.indices {
            var values: [Double] = []
            var weights: [Double] = []
            var localities: [Locality] = []
            var missing: [String] = []
            values.reserveCapacity(units.count)
            weights.reserveCapacity(units.count)
            localities.reserveCapacity(units.count)
            for i in units.indices {
                if let value = units[i].values[index] {
                    values.append(value)
                    weights.append(Double(units[i].unit.students))
                    localities.append(units[i].unit.locality)
                } else {
                    missing.append(units[i].unit.schoolCode)
                }
            }
            let sample = WeightedSample(values: values, weights: weights)
            let cv = sample.coefficientOfVariation
            var pass: Bool?
            if judgedEach, missing.isEmpty, !sample.isEmpty {
                pass = cv.map { standard.balance.passes($0, stage: stage) } ?? false
            }
            indicators.append(IndicatorResult(
                index: index, sample: sample, localities: localities,
                countyValue: sample.isEmpty ? nil : sample.mean, cv: cv,
                limit: judgedEach ? limit : nil, pass: pass, missingUnits: missing))
        }
        let cvs = indicators.compactMap(\.cv)
        let composite = cvs.count == indicators.count ? BalanceRule.composite(of: cvs) : nil
        var compositePass: Bool?
        if !judgedEach, let composite, indicators.allSatisfy(\.missingUnits.isEmpty) {
            compositePass = standard.balance.passes(composite, stage: stage)
        }
        return StageResult(
            stage: stage, unitCount: units.count, students: units.reduce(0) { $0 + $1.unit.students },
            indicators: indicators, compositeCV: composite, compositeLimit: judgedEach ? nil : limit,
            compositePass: compositePass)
    }

    /// The reasons one stage gives against the county.
    func stageFindings(_ result: StageResult, units: ArraySlice<UnitResult>) -> [Finding] {
        guard result.unitCount > 0 else { return [.noUnits(stage: result.stage)] }
        var findings: [Finding] = []
        let judgedEach = standard.balance.judged == .eachIndicator
        for indicator in result.indicators {
            if !indicator.missingUnits.isEmpty {
                findings.append(.valuesMissing(stage: result.stage, indicator: indicator.index, schoolCodes: indicator.missingUnits))
            } else if indicator.cv == nil {
                findings.append(.cvUndefined(stage: result.stage, indicator: indicator.index))
            } else if judgedEach, indicator.pass == false, let cv = indicator.cv, let limit = indicator.limit {
                findings.append(.cvAboveLimit(stage: result.stage, indicator: indicator.index, cv: cv, limit: limit))
            }
        }
        if result.compositePass == false, let cv = result.compositeCV, let limit = result.compositeLimit {
            findings.append(.compositeAboveLimit(stage: result.stage, cv: cv, limit: limit))
        }
        if standard.schoolRule != nil {
            let stageFloors = floors[Self.stageIndex(result.stage)]
            var failing: [Finding.FailingUnit] = []
            for i in units.indices where units[i].passes == false {
                let unmet = units[i].unmet
                failing.append(Finding.FailingUnit(
                    schoolCode: units[i].unit.schoolCode, schoolName: units[i].unit.schoolName, unmet: unmet,
                    belowFloor: unmet.filter { !Self.reaches(units[i].values[$0] ?? 0, stageFloors[$0] ?? 0) }))
            }
            if !failing.isEmpty { findings.append(.unitsFailSchoolRule(stage: result.stage, units: failing)) }
        }
        return findings
    }

    /// Each fact rule of the standard against the county's recorded facts.
    public func judgeFacts(_ facts: [CountyFact]) -> [FactResult] {
        let byItem = Dictionary(facts.map { ($0.item, $0) }, uniquingKeysWith: { first, _ in first })
        return standard.facts.map { rule in
            guard let fact = byItem[rule.key] else { return FactResult(rule: rule, fact: nil, status: .missing) }
            let status: FactResult.Status
            switch rule.check {
            case .mustBeTrue:
                status = fact.value.bool == true ? .met : .notMet
            case .vetoWhenTrue:
                status = fact.value.bool == true ? .vetoed : .met
            case let .compare(comparison, bound):
                if let number = fact.value.number {
                    status = comparison.holds(number, bound) ? .met : .notMet
                } else {
                    status = .notMet
                }
            }
            return FactResult(rule: rule, fact: fact, status: status)
        }
    }

    /// The position of `stage` in `Stage.allCases`.
    static func stageIndex(_ stage: Stage) -> Int {
        switch stage {
        case .primary: 0
        case .junior: 1
        case .senior: 2
        }
    }

    /// The position of `locality` in `Locality.allCases`, the Theil groups' order.
    static func localityIndex(_ locality: Locality) -> Int {
        switch locality {
        case .urban: 0
        case .town: 1
        case .rural: 2
        }
    }

    /// `value ≥ bound`, unrounded. The tolerance of a few units in the last place only absorbs
    /// binary representation error (0.85 × 4.2 is 3.5700000000000003 in binary), never a
    /// rounding of the figure itself.
    static func reaches(_ value: Double, _ bound: Double) -> Bool {
        value >= bound - abs(bound) * 1e-12
    }
}
