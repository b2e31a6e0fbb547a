import Domain
import Interchange

/// `junheng evaluate --format table`: what a planner reads — per county the verdict and its
/// reasons, per stage each indicator's county value, range, CV and limit, where inequality
/// sits (Gini, Theil between and within 城区/镇区/乡村, McLoone), and the schools that fail
/// the school rule, by name.
public struct EvaluationTable: Sendable {
    public let standard: Standard
    public let language: Language

    public init(standard: Standard, language: Language) {
        self.standard = standard
        self.language = language
    }

    /// The title line of the report.
    public var title: String {
        let document = standard.document.map { language.pick("（\($0)）", " (\($0))") } ?? ""
        return standard.name(in: language) + document + "\n"
    }

    /// The report of one county.
    public func county(_ result: CountyResult) -> String {
        let l = language
        let name = result.countyName.map { " \($0)" } ?? ""
        var out = "\n" + l.pick(
            "■ \(result.countyCode)\(name) · \(result.year)年度 · 结论：\(result.verdict.name(in: l))\n",
            "■ \(result.countyCode)\(name) · \(result.year) · verdict: \(result.verdict.name(in: l))\n")
        if !result.findings.isEmpty {
            out += l.pick("原因：\n", "Reasons:\n")
            for (i, finding) in result.findings.enumerated() {
                out += "  \(i + 1). \(finding.text(in: l, standard: standard))\n"
            }
        }
        for stage in result.stages {
            out += stageSection(stage, units: result.units.filter { $0.unit.stage == stage.stage })
        }
        out += exclusionsLine(result.excluded)
        out += factsLine(result.facts)
        return out
    }

    func stageSection(_ stage: StageResult, units: [UnitResult]) -> String {
        let l = language
        var out = "\n" + l.pick(
            "\(stage.stage.chineseName)：\(stage.unitCount)个学校单位，\(stage.students)名学生\n",
            "\(stage.stage.englishName): \(stage.unitCount) school units, \(stage.students) students\n")
        guard stage.unitCount > 0 else { return out }

        var main = TextTable(
            headers: l == .chinese
                ? ["指标", "达标值", "县域值", "最小值", "最大值", "差异系数", "限值", "结果"]
                : ["Indicator", "Threshold", "County", "Min", "Max", "CV", "Limit", "Result"],
            alignments: [.left, .right, .right, .right, .right, .right, .right, .left])
        var spread = TextTable(
            headers: l == .chinese
                ? ["指标", "基尼系数", "泰尔指数", "组间", "组内", "组间占比", "麦克隆指数"]
                : ["Indicator", "Gini", "Theil", "Between", "Within", "Between %", "McLoone"],
            alignments: [.left, .right, .right, .right, .right, .right, .right])
        for indicator in stage.indicators {
            let definition = standard.indicators[indicator.index]
            let result: String
            switch indicator.pass {
            case true?: result = l.pick("达标", "pass")
            case false?: result = l.pick("未达标", "FAIL")
            case nil: result = indicator.missingUnits.isEmpty ? "—" : l.pick("数据不全", "incomplete")
            }
            main.append([
                definition.name(in: l), definition.threshold(for: stage.stage).map(Decimals.compact) ?? "—",
                Self.show(indicator.countyValue), Self.show(indicator.min), Self.show(indicator.max),
                Self.show(indicator.cv), Self.show(indicator.limit), result,
            ])
            let theil = indicator.theil
            let betweenShare = theil.flatMap { $0.total > 0 ? $0.between / $0.total * 100 : nil }
            spread.append([
                definition.name(in: l), Self.show(indicator.gini), Self.show(theil?.total),
                Self.show(theil?.between), Self.show(theil?.within),
                betweenShare.map { Decimals.three($0) + "%" } ?? "—", Self.show(indicator.mcloone),
            ])
        }
        out += main.rendered()
        if let composite = stage.compositeCV {
            let verdict: String
            switch stage.compositePass {
            case true?: verdict = l.pick("，达标", ", pass")
            case false?: verdict = l.pick("，未达标", ", FAIL")
            case nil: verdict = l.pick("（仅供参考）", " (information only)")
            }
            let limit = stage.compositeLimit.map { l.pick("，限值 ", ", limit ") + Decimals.three($0) } ?? ""
            out += l.pick("  综合差异系数 ", "  Composite CV ") + Decimals.three(composite) + limit + verdict + "\n"
        }
        out += "\n" + l.pick("  差异分布（泰尔指数按城区/镇区/乡村分解）：\n", "  Where inequality sits (Theil split by urban/town/rural):\n")
        out += spread.rendered()

        let failing = units.filter { $0.passes == false }
        if let rule = standard.schoolRule {
            let floor = Decimals.compact(rule.floorRatio * 100)
            out += "\n" + l.pick(
                "  学校达标（至少\(rule.minMet)项达标、余项不低于\(floor)%）：\(units.count - failing.count)/\(units.count) 所达标\n",
                "  School rule (at least \(rule.minMet) met, the rest ≥ \(floor)%): \(units.count - failing.count)/\(units.count) schools pass\n")
            if !failing.isEmpty {
                var table = TextTable(
                    headers: l == .chinese ? ["学校名称", "学校标识码", "城乡", "学生数", "未达标指标（实际值/达标值）"]
                        : ["School", "Code", "Locality", "Students", "Unmet indicators (value/threshold)"],
                    alignments: [.left, .left, .left, .right, .left])
                for unit in failing {
                    let unmet = unit.unmet.map { index -> String in
                        let definition = standard.indicators[index]
                        let threshold = definition.threshold(for: stage.stage).map(Decimals.compact) ?? "—"
                        return "\(definition.name(in: l)) \(Self.show(unit.values[index]))/\(threshold)"
                    }.joined(separator: l.pick("；", "; "))
                    table.append([unit.unit.schoolName, unit.unit.schoolCode, unit.unit.locality.name(in: l), String(unit.unit.students), unmet])
                }
                out += table.rendered(indent: 4)
            }
        }
        return out
    }

    func exclusionsLine(_ excluded: [Exclusion]) -> String {
        guard !excluded.isEmpty else { return "" }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for exclusion in excluded {
            let text = exclusion.reason.key == "merged_into_parent"
                ? language.pick("并入所属学校的教学点", "teaching points counted with their parent")
                : exclusion.reason.text(in: language)
            if counts[text] == nil { order.append(text) }
            counts[text, default: 0] += 1
        }
        let parts = order.map { "\($0) \(counts[$0]!)" }.joined(separator: language.pick("，", ", "))
        return "\n" + language.pick(
            "未单独纳入资源配置评估的学校 \(excluded.count) 所：\(parts)\n",
            "\(excluded.count) schools not evaluated as units of their own: \(parts)\n")
    }

    func factsLine(_ facts: [FactResult]) -> String {
        guard !facts.isEmpty else { return "" }
        let met = facts.count { $0.status == .met }
        let notMet = facts.count { $0.status == .notMet || $0.status == .vetoed }
        let missing = facts.count { $0.status == .missing }
        return language.pick(
            "县级事实项：\(facts.count)项，达标 \(met)，未达标 \(notMet)，未填报 \(missing)\n",
            "County facts: \(facts.count) items, \(met) met, \(notMet) not met, \(missing) not recorded\n")
    }

    static func show(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return Decimals.three(value)
    }
}
