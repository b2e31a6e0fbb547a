/// One gap an evaluation found, school by school (逐个学校、逐项指标, 002 篇5): what the
/// remediation ledger (整改台账) tracks. A failing finding is one gap, except the school rule,
/// which is one gap per failing school — each school its own item with its own owner.
///
/// The ``key`` names the rule and, for a school, the school; the same gap found again in a
/// later evaluation has the same key, so a ledger item knows when its gap is gone
/// (``CountyResult/gapKeys``).
///
/// ```swift
/// result.gaps.map(\.key)   // ["cv:primary:2", "school:junior:3411700012", "fact:gov_11_rotation_share"]
/// ```
public struct EvaluationGap: Sendable, Hashable {
    /// e.g. `cv:primary:2` (indicator 3 of the primary stage), `composite:junior`,
    /// `school:primary:CODE`, `fact:ITEM`.
    public var key: String
    /// The school the gap is at, for the school rule.
    public var schoolCode: String?
    /// The finding it comes from (for a school, narrowed to that school).
    public var finding: Finding

    /// What the gap is, as the evaluation words it.
    public func text(in language: Language, standard: Standard) -> String {
        finding.text(in: language, standard: standard)
    }
}

extension CountyResult {
    /// Every gap of the evaluation: one per failing finding, one per school failing the school rule.
    public var gaps: [EvaluationGap] {
        findings.flatMap { finding -> [EvaluationGap] in
            switch finding {
            case let .cvAboveLimit(stage, indicator, _, _), let .cvUndefined(stage, indicator):
                return [EvaluationGap(key: "cv:\(stage.rawValue):\(indicator)", finding: finding)]
            case let .compositeAboveLimit(stage, _, _):
                return [EvaluationGap(key: "composite:\(stage.rawValue)", finding: finding)]
            case let .unitsFailSchoolRule(stage, units):
                return units.map { unit in
                    EvaluationGap(key: "school:\(stage.rawValue):\(unit.schoolCode)", schoolCode: unit.schoolCode,
                                  finding: .unitsFailSchoolRule(stage: stage, units: [unit]))
                }
            case let .factNotMet(result), let .vetoed(result):
                return [EvaluationGap(key: "fact:\(result.rule.key)", finding: finding)]
            case .valuesMissing, .noUnits, .factMissing, .factsNotProvided:
                return []
            }
        }
    }

    /// The keys of ``gaps``: a ledger item whose key is not among them has its gap closed by
    /// the data (when the evaluation is complete enough to judge it).
    public var gapKeys: Set<String> { Set(gaps.map(\.key)) }
}
