import Domain
import Foundation
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
        var sections: [ReportSection] = []
        for result in results { sections += self.sections(result) }
        return Report(title: standardTitle, sections: sections)
    }

    /// The standard's name and the document that sets it: 县域义务教育优质均衡发展督导评估（教督〔2017〕6号）.
    var standardTitle: String {
        standard.name(in: language) + (standard.document.map { language.pick("（\($0)）", " (\($0))") } ?? "")
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
        county.blocks += reasons(result)
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

    /// The reasons for a county's verdict, numbered; nothing when it has none.
    func reasons(_ result: CountyResult) -> [ReportBlock] {
        guard !result.findings.isEmpty else { return [] }
        return [.paragraph(language.pick("原因：", "Reasons:")), .numbered(result.findings.map { $0.text(in: language, standard: standard) })]
    }

    /// One stage: the indicators against their thresholds and limits, the composite CV, where
    /// inequality sits (with `theilByLocality`, each of 城区/镇区/乡村's share of the Theil index)
    /// and the school rule with the schools that fail it.
    func stageSection(_ stage: StageResult, of result: CountyResult, units: [UnitResult], theilByLocality: Bool = false) -> ReportSection {
        let l = language
        var section = ReportSection(id: "county-\(result.countyCode)-\(result.year)-\(stage.stage.rawValue)", stageHeading(stage))
        guard stage.unitCount > 0 else { return section }
        let sheet = Self.sheetPrefix(stage.stage, of: result)
        section.blocks.append(.table(indicatorsTable(stage, of: result)))
        if let composite = compositeLine(stage) { section.blocks.append(.note(composite)) }
        section.blocks.append(.subheading(l.pick(
            "差异分布（泰尔指数按城区/镇区/乡村分解）：", "Where inequality sits (Theil split by urban/town/rural):")))
        section.blocks.append(.table(spreadTable(stage, name: sheet + l.pick("差异分布", "spread"), byLocality: theilByLocality)))
        if theilByLocality {
            section.blocks.append(.note(l.pick(
                "城区、镇区、乡村列为各组对泰尔指数的贡献（组内与组间之和，三组相加等于泰尔指数）；无该类学校时为“—”。",
                "The urban, town and rural columns are each group's contribution to the Theil index (its within and between parts; the three add up to the index); “—” where there is no such school.")))
        }
        if let rule = schoolRuleLine(units) {
            section.blocks.append(.subheading(rule))
            let failing = units.filter { $0.passes == false }
            if !failing.isEmpty { section.blocks.append(.table(failingTable(failing, stage: stage.stage, of: result))) }
        }
        return section
    }

    /// What a stage's part is headed by: the stage, its units and its students.
    func stageHeading(_ stage: StageResult) -> String {
        language.pick(
            "\(stage.stage.chineseName)：\(stage.unitCount)个学校单位，\(stage.students)名学生",
            "\(stage.stage.englishName): \(stage.unitCount) school units, \(stage.students) students")
    }

    /// The start of the names of a stage's tables: sheet names must be unique in a workbook
    /// and at most 31 characters.
    static func sheetPrefix(_ stage: Stage, of result: CountyResult) -> String {
        "\(result.countyCode) \(result.year) \(stage.rawValue) "
    }

    /// The school rule's result among a stage's `units`; `nil` when the standard has no school rule.
    func schoolRuleLine(_ units: [UnitResult]) -> String? {
        guard let rule = standard.schoolRule else { return nil }
        let passing = units.count { $0.passes != false }
        return rule.name(in: language) + language.pick(
            "：\(passing)/\(units.count) 所达标", ": \(passing)/\(units.count) schools pass")
    }

    /// Each indicator's 校际差异系数 against its limit, as bars; with a judged composite (2012),
    /// the 综合差异系数 as a last bar.
    func cvChart(_ stage: StageResult) -> BarChart {
        let l = language
        var bars = stage.indicators.map { indicator in
            BarChart.Bar(
                label: standard.indicators[indicator.index].name(in: l), value: indicator.cv, marker: indicator.limit,
                highlighted: indicator.pass == false,
                valueLabel: indicator.cv.map { Decimals.three($0) + (indicator.pass == false ? " ✗" : "") })
        }
        if let limit = stage.compositeLimit {
            bars.append(BarChart.Bar(
                label: Term.compositeCV.name(in: l), value: stage.compositeCV, marker: limit,
                highlighted: stage.compositePass == false,
                valueLabel: stage.compositeCV.map { Decimals.three($0) + (stage.compositePass == false ? " ✗" : "") }))
        }
        return BarChart(
            title: l.pick("\(stage.stage.chineseName)各项指标校际差异系数", "\(stage.stage.englishName.capitalizedFirst): inter-school CV of each indicator"),
            bars: bars, markerLabel: Term.limit.name(in: l))
    }

    /// Each indicator's threshold, county value, range, CV and limit, and whether it passes;
    /// the range and the CV lead to the stage's schools sorted by the indicator (the minimum
    /// lowest first, the maximum highest first, the CV in the listing's default order).
    func indicatorsTable(_ stage: StageResult, of result: CountyResult) -> ReportTable {
        let l = language
        var table = ReportTable(name: Self.sheetPrefix(stage.stage, of: result) + l.pick("指标", "indicators"), columns: [
            ReportColumn(.indicator, l), ReportColumn(.threshold, l), ReportColumn(.countyValue, l), ReportColumn(.minimum, l),
            ReportColumn(.maximum, l), ReportColumn(.cv, l), ReportColumn(.limit, l), ReportColumn("pass", Term.result.name(in: l)),
        ])
        for indicator in stage.indicators {
            let definition = standard.indicators[indicator.index]
            let verdict: ReportCell
            switch indicator.pass {
            case true?: verdict = .verdict(Term.pass.name(in: l), key: "true", passes: true)
            case false?: verdict = .verdict(l.pick("未达标", "FAIL"), key: "false", passes: false)
            case nil:
                // Not judged: incomplete data is worth saying; a standard that judges only
                // the composite leaves the cell a dash.
                verdict = indicator.missingUnits.isEmpty
                    ? .verdict(Decimals.notComputable, key: "", passes: nil)
                    : .verdict(Term.incomplete.name(in: l), key: "incomplete", passes: nil)
            }
            func units(_ order: ListingOrder?) -> ReportLink {
                .units(county: result.countyCode, year: result.year, UnitSelection(stage: stage.stage, sortedBy: definition.key, order: order))
            }
            table.append([
                .term(definition.name(in: l), key: definition.key), .stated(definition.threshold(for: stage.stage)),
                .three(indicator.countyValue), .linked(.three(indicator.min), to: units(.ascending)),
                .linked(.three(indicator.max), to: units(.descending)),
                .linked(.judged(indicator.cv, places: 3, passes: indicator.pass), to: units(nil)), .three(indicator.limit), verdict,
            ])
        }
        return table
    }

    /// 综合差异系数 with its limit and verdict, or "information only" when it is not judged.
    func compositeLine(_ stage: StageResult) -> String? {
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

    /// Where inequality sits: Gini, Theil split between and within localities, McLoone; with
    /// `byLocality`, each locality's contribution to the Theil index before McLoone.
    private func spreadTable(_ stage: StageResult, name: String, byLocality: Bool) -> ReportTable {
        let l = language
        let localities = byLocality ? Locality.allCases : []
        var table = ReportTable(name: name, columns: [
            ReportColumn(.indicator, l), ReportColumn("gini", l.pick("基尼系数", "Gini")),
            ReportColumn("theil", l.pick("泰尔指数", "Theil")), ReportColumn("theil_between", l.pick("组间", "Between")),
            ReportColumn("theil_within", l.pick("组内", "Within")), ReportColumn("between_share", l.pick("组间占比", "Between %")),
        ] + localities.map { ReportColumn("theil_\($0.rawValue)", $0.name(in: l)) } + [
            ReportColumn("mcloone", l.pick("麦克隆指数", "McLoone")),
        ])
        for indicator in stage.indicators {
            let definition = standard.indicators[indicator.index]
            let theil = indicator.theil
            let contributions = localities.map { locality -> ReportCell in
                let part = theil?.groups.first { $0.group == locality }
                return .three(part.flatMap { Self.contribution($0, mean: indicator.sample.mean) })
            }
            table.append([
                .term(definition.name(in: l), key: definition.key), .three(indicator.gini), .three(theil?.total),
                .three(theil?.between), .three(theil?.within),
                .percent(theil.flatMap { $0.total > 0 ? $0.between / $0.total : nil }),
            ] + contributions + [.three(indicator.mcloone)])
        }
        return table
    }

    /// A group's share of the Theil index: s_g·(T_g + ln(X̄_g / X̄)); `nil` when it cannot be computed.
    static func contribution(_ part: TheilDecomposition<Locality>.GroupPart, mean: Double) -> Double? {
        guard part.resourceShare > 0, part.mean > 0, mean > 0 else { return part.resourceShare == 0 ? 0 : nil }
        return part.resourceShare * (part.theil + log(part.mean / mean))
    }

    /// The units of a stage that fail the school rule, each with its unmet indicators' values
    /// and thresholds; a unit's name leads to its school.
    func failingTable(_ failing: [UnitResult], stage: Stage, of result: CountyResult) -> ReportTable {
        let l = language
        var table = ReportTable(name: Self.sheetPrefix(stage, of: result) + l.pick("未达标学校", "failing"), columns: [
            ReportColumn(.schoolName, l), ReportColumn(.schoolCode, l), ReportColumn(.locality, l), ReportColumn(.students, l),
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
                .link(unit.unit.schoolName, to: .school(code: unit.unit.schoolCode)), .code(unit.unit.schoolCode),
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

    /// The county-fact items in one line; `nil` without facts.
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
