import Domain
import Interchange

/// The evaluation (督导评估) of counties as a ``Report``: `junheng evaluate --format table`
/// renders it with ``TerminalRenderer``.
///
/// What a planner reads, one section per county and year, then one per evaluated stage: the
/// verdict and its reasons; each indicator's threshold, county value, range, CV and limit;
/// where inequality sits (Gini, Theil between and within 城区/镇区/乡村, McLoone); the schools
/// that fail the school rule, by name; the schools left out and the county facts.
///
/// ```swift
/// let report = EvaluationReport(standard: standard, language: .chinese).report(results)
/// print(TerminalRenderer(language: .chinese).text(report), terminator: "")
/// ```
public struct EvaluationReport: Sendable {
    /// The standard the counties were evaluated against.
    public let standard: Standard
    /// The language of the text.
    public let language: Language

    public init(standard: Standard, language: Language) {
        self.standard = standard
        self.language = language
    }

    /// The report of `results`, in their order; a report of no counties is its title alone.
    public func report(_ results: [CountyResult]) -> Report {
        let document = standard.document.map { language.pick("（\($0)）", " (\($0))") } ?? ""
        var sections: [ReportSection] = []
        for result in results { sections += self.sections(result) }
        return Report(title: standard.name(in: language) + document, sections: sections)
    }

    /// The sections of one county: its verdict and reasons, each stage, then the schools left
    /// out and the county facts.
    func sections(_ result: CountyResult) -> [ReportSection] {
        let l = language
        let name = result.countyName.map { " \($0)" } ?? ""
        let id = "county-\(result.countyCode)-\(result.year)"
        var county = ReportSection(id: id, l.pick(
            "■ \(result.countyCode)\(name) · \(result.year)年度 · 结论：\(result.verdict.name(in: l))",
            "■ \(result.countyCode)\(name) · \(result.year) · verdict: \(result.verdict.name(in: l))"))
        if !result.findings.isEmpty {
            county.blocks.append(.paragraph(l.pick("原因：", "Reasons:")))
            county.blocks.append(.numbered(result.findings.map { $0.text(in: l, standard: standard) }))
        }
        var sections = [county]
        for stage in result.stages {
            sections.append(stageSection(stage, of: result, units: result.units.filter { $0.unit.stage == stage.stage }))
        }
        // The excluded schools head the closing part when there are any; the facts line
        // follows them (or the last stage) directly.
        let closing = ReportSection(id: id + "-closing", exclusionsLine(result.excluded), factsLine(result.facts).map { [.paragraph($0)] } ?? [])
        if closing.heading != nil || !closing.blocks.isEmpty { sections.append(closing) }
        return sections
    }

    /// One stage: the indicators against their thresholds and limits, the composite CV, where
    /// inequality sits and the school rule with the schools that fail it.
    func stageSection(_ stage: StageResult, of result: CountyResult, units: [UnitResult]) -> ReportSection {
        let l = language
        var section = ReportSection(id: "county-\(result.countyCode)-\(result.year)-\(stage.stage.rawValue)", l.pick(
            "\(stage.stage.chineseName)：\(stage.unitCount)个学校单位，\(stage.students)名学生",
            "\(stage.stage.englishName): \(stage.unitCount) school units, \(stage.students) students"))
        guard stage.unitCount > 0 else { return section }
        // Sheet names must be unique in a workbook and at most 31 characters.
        let sheet = "\(result.countyCode) \(result.year) \(stage.stage.rawValue) "
        section.blocks.append(.table(indicatorsTable(stage, name: sheet + l.pick("指标", "indicators"))))
        if let composite = compositeLine(stage) { section.blocks.append(.note(composite)) }
        section.blocks.append(.subheading(l.pick(
            "差异分布（泰尔指数按城区/镇区/乡村分解）：", "Where inequality sits (Theil split by urban/town/rural):")))
        section.blocks.append(.table(spreadTable(stage, name: sheet + l.pick("差异分布", "spread"))))
        if let rule = standard.schoolRule {
            let failing = units.filter { $0.passes == false }
            section.blocks.append(.subheading(rule.name(in: l) + l.pick(
                "：\(units.count - failing.count)/\(units.count) 所达标", ": \(units.count - failing.count)/\(units.count) schools pass")))
            if !failing.isEmpty {
                section.blocks.append(.table(failingTable(failing, stage: stage.stage, name: sheet + l.pick("未达标学校", "failing"))))
            }
        }
        return section
    }

    /// Each indicator's threshold, county value, range, CV and limit, and whether it passes.
    private func indicatorsTable(_ stage: StageResult, name: String) -> ReportTable {
        let l = language
        var table = ReportTable(name: name, columns: [
            ReportColumn("indicator", l.pick("指标", "Indicator")), ReportColumn("threshold", l.pick("达标值", "Threshold")),
            ReportColumn("county_value", l.pick("县域值", "County")), ReportColumn("min", l.pick("最小值", "Min")),
            ReportColumn("max", l.pick("最大值", "Max")), ReportColumn("cv", l.pick("差异系数", "CV")),
            ReportColumn("limit", l.pick("限值", "Limit")), ReportColumn("pass", l.pick("结果", "Result")),
        ])
        for indicator in stage.indicators {
            let definition = standard.indicators[indicator.index]
            let result: ReportCell
            switch indicator.pass {
            case true?: result = .verdict(l.pick("达标", "pass"), key: "true", passes: true)
            case false?: result = .verdict(l.pick("未达标", "FAIL"), key: "false", passes: false)
            case nil:
                // Not judged: incomplete data is worth saying; a standard that judges only
                // the composite leaves the cell a dash.
                result = indicator.missingUnits.isEmpty
                    ? .verdict(Decimals.notComputable, key: "", passes: nil)
                    : .verdict(l.pick("数据不全", "incomplete"), key: "incomplete", passes: nil)
            }
            table.append([
                .term(definition.name(in: l), key: definition.key), .stated(definition.threshold(for: stage.stage)),
                .three(indicator.countyValue), .three(indicator.min), .three(indicator.max),
                .judged(indicator.cv, places: 3, passes: indicator.pass), .three(indicator.limit), result,
            ])
        }
        return table
    }

    /// 综合差异系数 with its limit and verdict, or "information only" when it is not judged.
    private func compositeLine(_ stage: StageResult) -> String? {
        let l = language
        guard let composite = stage.compositeCV else { return nil }
        let verdict = switch stage.compositePass {
        case true?: l.pick("，达标", ", pass")
        case false?: l.pick("，未达标", ", FAIL")
        case nil: l.pick("（仅供参考）", " (information only)")
        }
        let limit = stage.compositeLimit.map { l.pick("，限值 ", ", limit ") + Decimals.three($0) } ?? ""
        return l.pick("综合差异系数 ", "Composite CV ") + Decimals.three(composite) + limit + verdict
    }

    /// Where inequality sits: Gini, Theil split between and within localities, McLoone.
    private func spreadTable(_ stage: StageResult, name: String) -> ReportTable {
        let l = language
        var table = ReportTable(name: name, columns: [
            ReportColumn("indicator", l.pick("指标", "Indicator")), ReportColumn("gini", l.pick("基尼系数", "Gini")),
            ReportColumn("theil", l.pick("泰尔指数", "Theil")), ReportColumn("theil_between", l.pick("组间", "Between")),
            ReportColumn("theil_within", l.pick("组内", "Within")), ReportColumn("between_share", l.pick("组间占比", "Between %")),
            ReportColumn("mcloone", l.pick("麦克隆指数", "McLoone")),
        ])
        for indicator in stage.indicators {
            let definition = standard.indicators[indicator.index]
            let theil = indicator.theil
            table.append([
                .term(definition.name(in: l), key: definition.key), .three(indicator.gini), .three(theil?.total),
                .three(theil?.between), .three(theil?.within),
                .percent(theil.flatMap { $0.total > 0 ? $0.between / $0.total : nil }), .three(indicator.mcloone),
            ])
        }
        return table
    }

    /// The units that fail the school rule, each with its unmet indicators' values and thresholds.
    private func failingTable(_ failing: [UnitResult], stage: Stage, name: String) -> ReportTable {
        let l = language
        var table = ReportTable(name: name, columns: [
            ReportColumn("school_name", l.pick("学校名称", "School")), ReportColumn("school_code", l.pick("学校标识码", "Code")),
            ReportColumn("locality", l.pick("城乡", "Locality")), ReportColumn("students", l.pick("学生数", "Students")),
            ReportColumn("unmet", l.pick("未达标指标（实际值/达标值）", "Unmet indicators (value/threshold)")),
        ], isNested: true)
        for unit in failing {
            let unmet = unit.unmet.map { index -> String in
                let definition = standard.indicators[index]
                let threshold = definition.threshold(for: stage).map(Decimals.compact) ?? Decimals.notComputable
                let value = unit.values[index].map(Decimals.three) ?? Decimals.notComputable
                return "\(definition.name(in: l)) \(value)/\(threshold)"
            }.joined(separator: l.pick("；", "; "))
            table.append([
                .text(unit.unit.schoolName), .code(unit.unit.schoolCode),
                .term(unit.unit.locality.name(in: l), key: unit.unit.locality.rawValue), .count(unit.unit.students), .text(unmet),
            ])
        }
        return table
    }

    /// How many schools were left out of the resource part, by reason; `nil` when none were.
    func exclusionsLine(_ excluded: [Exclusion]) -> String? {
        guard !excluded.isEmpty else { return nil }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for exclusion in excluded {
            // Teaching points merged into their parent are counted, not dropped: say so.
            let text = exclusion.reason.key == "merged_into_parent"
                ? language.pick("并入所属学校的教学点", "teaching points counted with their parent")
                : exclusion.reason.text(in: language)
            if counts[text] == nil { order.append(text) }
            counts[text, default: 0] += 1
        }
        let parts = order.map { "\($0) \(counts[$0]!)" }.joined(separator: language.pick("，", ", "))
        return language.pick(
            "未单独纳入资源配置评估的学校 \(excluded.count) 所：\(parts)",
            "\(excluded.count) schools not evaluated as units of their own: \(parts)")
    }

    /// The county-fact items in one line (also the HTML report's); `nil` without facts.
    func factsLine(_ facts: [FactResult]) -> String? {
        guard !facts.isEmpty else { return nil }
        let met = facts.count { $0.status == .met }
        let notMet = facts.count { $0.status == .notMet || $0.status == .vetoed }
        let missing = facts.count { $0.status == .missing }
        return language.pick(
            "县级事实项：\(facts.count)项，达标 \(met)，未达标 \(notMet)，未填报 \(missing)",
            "County facts: \(facts.count) items, \(met) met, \(notMet) not met, \(missing) not recorded")
    }
}
