import Foundation
import Domain
import Interchange

/// One stage of a county: the 差异系数 chart and table, where inequality sits, the schools'
/// values against the thresholds (chart and table).
struct StageSection {
    let standard: Standard
    let language: Language

    func append(_ stage: StageResult, units: ArraySlice<UnitResult>, into out: inout String) {
        let l = language
        out.append("<section class=\"stage\">\n<h3>")
        out.append(l.pick(
            "\(stage.stage.chineseName)：\(stage.unitCount)个学校单位，\(stage.students)名学生",
            "\(stage.stage.englishName.capitalizedFirst): \(stage.unitCount) school units, \(stage.students) students"))
        out.append("</h3>\n")
        guard stage.unitCount > 0 else {
            out.append("</section>\n")
            return
        }
        out.append("<figure>")
        out.append(EvaluationReport(standard: standard, language: l).cvChart(stage).svg())
        out.append("</figure>\n")
        appendIndicatorTable(stage, into: &out)
        appendSpreadTable(stage, into: &out)
        if let strip = stripChart(stage, units: units) {
            out.append("<figure>")
            out.append(strip.svg())
            out.append("</figure>\n")
        }
        SchoolTable(standard: standard, language: l).append(stage.stage, units: units, into: &out)
        out.append("</section>\n")
    }

    /// 指标 · 达标值 · 县域值 · 最小值 · 最大值 · 差异系数 · 限值 · 结果, as in the text table.
    func appendIndicatorTable(_ stage: StageResult, into out: inout String) {
        let l = language
        out.append("<table class=\"indicators\">\n<thead><tr>")
        let headers = l == .chinese
            ? ["指标", "达标值", "县域值", "最小值", "最大值", "差异系数", "限值", "结果"]
            : ["Indicator", "Threshold", "County", "Min", "Max", "CV", "Limit", "Result"]
        for header in headers { out.append("<th>\(header)</th>") }
        out.append("</tr></thead>\n<tbody>\n")
        for indicator in stage.indicators {
            let definition = standard.indicators[indicator.index]
            out.append("<tr><td>")
            out.appendEscaped(definition.name(in: l))
            out.append("<span class=\"unit\">")
            out.appendEscaped(definition.unit)
            out.append("</span></td>")
            for value in [definition.threshold(for: stage.stage), indicator.countyValue, indicator.min, indicator.max, indicator.cv, indicator.limit] {
                out.append("<td class=\"num\">\(Self.show(value))</td>")
            }
            switch indicator.pass {
            case true?: out.append("<td>\(l.pick("达标", "pass"))</td>")
            case false?: out.append("<td class=\"unmet\">✗ \(l.pick("未达标", "FAIL"))</td>")
            case nil: out.append("<td>\(indicator.missingUnits.isEmpty ? "—" : l.pick("数据不全", "incomplete"))</td>")
            }
            out.append("</tr>\n")
        }
        out.append("</tbody>\n</table>\n")
        if let composite = stage.compositeCV {
            let verdict: String
            switch stage.compositePass {
            case true?: verdict = l.pick("，达标", ", pass")
            case false?: verdict = l.pick("，✗ 未达标", ", ✗ FAIL")
            case nil: verdict = l.pick("（仅供参考）", " (information only)")
            }
            let limit = stage.compositeLimit.map { l.pick("，限值 ", ", limit ") + Decimals.three($0) } ?? ""
            out.append(stage.compositePass == false ? "<p class=\"unmet\">" : "<p>")
            out.append(l.pick("综合差异系数 ", "Composite CV ") + Decimals.three(composite) + limit + verdict)
            out.append("</p>\n")
        }
    }

    /// Gini, Theil with its between/within split and each locality's contribution, McLoone.
    func appendSpreadTable(_ stage: StageResult, into out: inout String) {
        let l = language
        out.append("<h4>\(l.pick("差异分布（泰尔指数按城区/镇区/乡村分解）", "Where inequality sits (Theil split by urban/town/rural)"))</h4>\n")
        out.append("<table class=\"spread\">\n<thead><tr>")
        let headers = l == .chinese
            ? ["指标", "基尼系数", "泰尔指数", "组间", "组内", "组间占比"]
            : ["Indicator", "Gini", "Theil", "Between", "Within", "Between %"]
        for header in headers { out.append("<th>\(header)</th>") }
        for locality in Locality.allCases { out.append("<th>\(locality.name(in: l))</th>") }
        out.append("<th>\(l.pick("麦克隆指数", "McLoone"))</th></tr></thead>\n<tbody>\n")
        for indicator in stage.indicators {
            let theil = indicator.theil
            out.append("<tr><td>")
            out.appendEscaped(standard.indicators[indicator.index].name(in: l))
            out.append("</td>")
            let betweenShare = theil.flatMap { $0.total > 0 ? $0.between / $0.total * 100 : nil }
            for value in [indicator.gini, theil?.total, theil?.between, theil?.within] {
                out.append("<td class=\"num\">\(Self.show(value))</td>")
            }
            out.append("<td class=\"num\">\(betweenShare.map { Decimals.three($0) + "%" } ?? "—")</td>")
            for locality in Locality.allCases {
                let part = theil?.groups.first { $0.group == locality }
                out.append("<td class=\"num\">\(Self.show(part.flatMap { Self.contribution($0, mean: indicator.sample.mean) }))</td>")
            }
            out.append("<td class=\"num\">\(Self.show(indicator.mcloone))</td></tr>\n")
        }
        out.append("</tbody>\n</table>\n<p class=\"note\">")
        out.append(l.pick(
            "城区、镇区、乡村列为各组对泰尔指数的贡献（组内与组间之和，三组相加等于泰尔指数）；无该类学校时为“—”。",
            "The urban, town and rural columns are each group's contribution to the Theil index (its within and between parts; the three add up to the index); “—” where there is no such school."))
        out.append("</p>\n")
    }

    /// A group's share of the Theil index: s_g·(T_g + ln(X̄_g / X̄)).
    static func contribution(_ part: TheilDecomposition<Locality>.GroupPart, mean: Double) -> Double? {
        guard part.resourceShare > 0, part.mean > 0, mean > 0 else { return part.resourceShare == 0 ? 0 : nil }
        return part.resourceShare * (part.theil + log(part.mean / mean))
    }

    /// Each unit's value as a share of the threshold (of the county value where the standard
    /// sets no threshold), one row per indicator; `nil` when there is nothing to show.
    func stripChart(_ stage: StageResult, units: ArraySlice<UnitResult>) -> StripChart? {
        let l = language
        let thresholds = stage.indicators.map { standard.indicators[$0.index].threshold(for: stage.stage) }
        let byThreshold = thresholds.allSatisfy { ($0 ?? 0) > 0 }
        var rows: [StripChart.Row] = []
        for (position, indicator) in stage.indicators.enumerated() {
            guard let base = byThreshold ? thresholds[position] : indicator.countyValue, base > 0 else { continue }
            var points: [StripChart.Point] = []
            points.reserveCapacity(units.count)
            for unit in units {
                guard let value = unit.values[indicator.index] else { continue }
                points.append(StripChart.Point(value: value / base, highlighted: unit.met[indicator.index] == false))
            }
            rows.append(StripChart.Row(label: standard.indicators[indicator.index].name(in: l), points: points, reference: 1))
        }
        guard !rows.isEmpty else { return nil }
        return StripChart(
            title: byThreshold
                ? l.pick("\(stage.stage.chineseName)各校指标值与达标值之比", "\(stage.stage.englishName.capitalizedFirst): each school's value as a share of the threshold")
                : l.pick("\(stage.stage.chineseName)各校指标值与县域值之比", "\(stage.stage.englishName.capitalizedFirst): each school's value as a share of the county value"),
            rows: rows, domain: 0...3, tickFormat: .percent,
            referenceLabel: byThreshold ? l.pick("达标值（100%，超过300%的画在右端）", "threshold (100%; above 300% drawn at the right edge)")
                : l.pick("县域值（100%）", "county value (100%)"),
            highlightLabel: byThreshold ? l.pick("未达标", "below threshold") : nil)
    }

    static func show(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return Decimals.three(value)
    }
}
