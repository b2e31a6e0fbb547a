import Domain
import Reports

/// One unit of the school (a stage, with any teaching points merged into it): each
/// indicator's value against its threshold — met ✓ / not met ✗, and the value as a share of
/// the threshold — and the school rule's result.
struct SchoolUnitBlock {
    struct Row {
        var name: String
        var unit: String
        var value: String
        var threshold: String
        var mark: String
        var markClass: String
        var ratio: String
    }

    var title: String
    var merged: String?
    var headers: [String]
    var rows: [Row]
    var rule: String
    var ruleClass: String

    init(unit: UnitResult, standard: Standard, language l: Language) {
        let stage = unit.unit.stage
        title = l.pick("\(stage.chineseName)（\(unit.unit.students) 名学生）", "\(stage.englishName.capitalized) (\(unit.unit.students) students)")
        merged = unit.unit.mergedTeachingPoints.isEmpty ? nil
            : l.pick("含并入的教学点：", "Including merged teaching points: ") + unit.unit.mergedTeachingPoints.joined(separator: l.pick("、", ", "))
        headers = l == .chinese
            ? ["指标", "单位", "本校值", "达标值", "是否达标", "本校值/达标值"]
            : ["Indicator", "Unit", "Value", "Threshold", "Met", "Value / threshold"]
        rows = standard.indicators.indices.map { index in
            let definition = standard.indicators[index]
            let value = unit.values[index], threshold = definition.threshold(for: stage)
            let (mark, cls): (String, String) = switch unit.met[index] {
            case true?: (l.pick("✓ 达标", "✓ met"), "pass")
            case false?: (l.pick("✗ 未达标", "✗ not met"), "fail")
            case nil: ("—", "unknown")
            }
            let ratio: Double? = if let value, let threshold, threshold > 0 { value / threshold } else { nil }
            return Row(name: definition.name(in: l), unit: definition.unit, value: ReportCell.three(value).shown(in: l),
                       threshold: ReportCell.stated(threshold).shown(in: l), mark: mark, markClass: cls, ratio: ReportCell.percent(ratio).shown(in: l))
        }
        let met = unit.met.count { $0 == true }, judged = unit.met.count { $0 != nil }
        if let schoolRule = standard.schoolRule {
            let floor = Decimals.compact(schoolRule.floorRatio * 100)
            let outcome = switch unit.passes {
            case true?: l.pick("达标", "pass")
            case false?: l.pick("未达标", "fail")
            case nil: l.pick("数据不全", "incomplete")
            }
            rule = l.pick("学校达标（至少\(schoolRule.minMet)项达标、余项不低于\(floor)%）：\(outcome)，\(met)/\(judged) 项达标",
                          "School rule (at least \(schoolRule.minMet) met, the rest ≥ \(floor)%): \(outcome), \(met) of \(judged) met")
        } else {
            rule = l.pick("\(met)/\(judged) 项达标", "\(met) of \(judged) met")
        }
        ruleClass = FigureText.judgementClass(unit.passes)
    }
}
