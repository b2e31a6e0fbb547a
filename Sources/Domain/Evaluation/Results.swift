/// The verdict on a county (评估结论).
public enum Verdict: String, Sendable, Hashable, Codable {
    /// Every rule is met (通过).
    case pass
    /// At least one rule is not met (未通过).
    case fail
    /// Nothing failed, but a required fact or value is missing (数据不全).
    case incomplete

    /// The verdict in `language`.
    public func name(in language: Language) -> String {
        switch self {
        case .pass: language.pick("通过", "pass")
        case .fail: language.pick("未通过", "fail")
        case .incomplete: Term.incomplete.name(in: language)
        }
    }
}

/// One unit judged against the school thresholds (学校达标情况).
public struct UnitResult: Sendable, Hashable {
    /// The unit.
    public var unit: EvaluationUnit
    /// X_i per indicator, in the standard's order; `nil` when not reported.
    public var values: [Double?]
    /// Whether each indicator meets its threshold; `nil` without a threshold or a value.
    public var met: [Bool?]
    /// The school rule's result; `nil` when the standard has none or a value is missing.
    public var passes: Bool?

    /// Indices of indicators below their threshold.
    public var unmet: [Int] { met.indices.filter { met[$0] == false } }
}

/// One indicator of one stage across the county (县域指标).
///
/// The official figures (county value, CV, pass) are computed with the evaluation; the other
/// measures of inequality are computed from the kept sample when asked for, so outputs that
/// do not show them (`--format csv`) do not pay for them.
public struct IndicatorResult: Sendable, Hashable {
    /// The indicator's index in the standard.
    public var index: Int
    /// The units' values weighted by enrollment (units that reported the indicator).
    public var sample: WeightedSample
    /// Each observation's locality, in the sample's order.
    public var localities: [Locality]
    /// X̄, the enrollment-weighted county value.
    public var countyValue: Double?
    /// 差异系数; `nil` when X̄ is 0.
    public var cv: Double?
    /// The limit it is judged against; `nil` when single CVs are not judged (2012).
    public var limit: Double?
    /// Whether the CV is within the limit; `nil` when not judged or incomplete.
    public var pass: Bool?
    /// Units that did not report the indicator's numerator.
    public var missingUnits: [String]

    /// Weighted Gini coefficient.
    public var gini: Double? { sample.gini }
    /// Theil T index with its urban/town/rural decomposition.
    public var theil: TheilDecomposition<Locality>? {
        TheilDecomposition(sample, order: Locality.allCases) { Evaluator.localityIndex(localities[$0]) }
    }
    /// McLoone index.
    public var mcloone: Double? { sample.mcloone }
    /// Lowest unit value.
    public var min: Double? { sample.minimum }
    /// Highest unit value.
    public var max: Double? { sample.maximum }

    /// max ÷ min, when min > 0.
    public var rangeRatio: Double? {
        guard let min, let max, min > 0 else { return nil }
        return max / min
    }
}

/// One stage of one county (学段评估).
public struct StageResult: Sendable, Hashable {
    /// The stage.
    public var stage: Stage
    /// Units in the stage.
    public var unitCount: Int
    /// Their students.
    public var students: Int
    /// Per indicator, in the standard's order.
    public var indicators: [IndicatorResult]
    /// 综合差异系数: the mean of the indicators' CVs; `nil` when one is missing.
    public var compositeCV: Double?
    /// The composite's limit when the standard judges the composite (2012).
    public var compositeLimit: Double?
    /// Whether the composite is within its limit (2012); `nil` otherwise.
    public var compositePass: Bool?
}

/// How a county-fact item came out.
public struct FactResult: Sendable, Hashable {
    /// How it came out.
    public enum Status: String, Sendable, Hashable {
        case met, notMet = "not_met", missing, vetoed

        /// 达标, 未达标, 未填报 or 一票否决, in `language`.
        public func name(in language: Language) -> String {
            switch self {
            case .met: language.pick("达标", "met")
            case .notMet: language.pick("未达标", "not met")
            case .missing: language.pick("未填报", "missing")
            case .vetoed: language.pick("一票否决", "veto")
            }
        }

        /// Whether the item fails the county: not met, or vetoed.
        public var fails: Bool { self == .notMet || self == .vetoed }
    }

    /// The rule.
    public var rule: FactRule
    /// The recorded fact, if any.
    public var fact: CountyFact?
    /// The outcome.
    public var status: Status
}

/// A county's evaluation in one year (县域评估结果).
public struct CountyResult: Sendable, Hashable {
    /// 县区代码
    public var countyCode: String
    /// 县区名称, when the file gives one.
    public var countyName: String?
    /// 年度
    public var year: Int
    /// The verdict.
    public var verdict: Verdict
    /// Every failed or missing rule, in the order of the method.
    public var findings: [Finding]
    /// Per evaluated stage.
    public var stages: [StageResult]
    /// Every unit, by stage then school code.
    public var units: [UnitResult]
    /// Schools left out of the resource part.
    public var excluded: [Exclusion]
    /// County-fact items; empty when no facts were given.
    public var facts: [FactResult]
}
