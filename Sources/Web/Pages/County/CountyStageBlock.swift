import Domain
import Interchange
import Reports
import UseCases

/// One stage of the county page: each indicator's county value, range and 差异系数 against
/// its limit, as a table and as an SVG bar chart (the limit as the marker). Each figure
/// links to the school table sorted by that indicator: the CV and the county value in the
/// table's default order (lowest first), the minimum lowest first, the maximum highest first.
struct CountyStageBlock {
    struct Row {
        var name: String
        var unit: String
        var threshold: String
        var countyValue: String
        var min: String
        var minHref: String
        var max: String
        var maxHref: String
        var cv: String
        var cvHref: String
        var limit: String
        var result: String
        var resultClass: String
    }

    var title: String
    var chart: String
    var headers: [String]
    var rows: [Row]
    var schoolRule: String?
    var failingCount: String?
    var failingHref: String?

    init(stage: StageResult, evaluation: CountyEvaluation, standard: Standard, language l: Language) {
        let county = evaluation.countyCode
        title = l.pick("\(stage.stage.chineseName)：\(stage.unitCount) 个学校单位，\(stage.students) 名学生",
                       "\(stage.stage.englishName.capitalized): \(stage.unitCount) school units, \(stage.students) students")
        headers = l == .chinese
            ? ["指标", "达标值", "县域值", "最小值", "最大值", "差异系数", "限值", "结果"]
            : ["Indicator", "Threshold", "County value", "Min", "Max", "CV", "Limit", "Result"]
        let base = CountySchoolQuery(year: evaluation.year, stage: stage.stage)
        rows = stage.indicators.map { indicator in
            let definition = standard.indicators[indicator.index]
            let (result, cls): (String, String) = switch indicator.pass {
            case true?: (l.pick("✓ 达标", "✓ within"), "pass")
            case false?: (l.pick("✗ 超过限值", "✗ above limit"), "fail")
            case nil: (indicator.missingUnits.isEmpty ? "—" : l.pick("数据不全", "incomplete"), "unknown")
            }
            return Row(
                name: definition.name(in: l), unit: definition.unit,
                threshold: FigureText.compact(definition.threshold(for: stage.stage)),
                countyValue: FigureText.three(indicator.countyValue),
                min: FigureText.three(indicator.min),
                minHref: base.sorted(by: definition.key, order: .asc).href(county: county),
                max: FigureText.three(indicator.max),
                maxHref: base.sorted(by: definition.key, order: .desc).href(county: county),
                cv: FigureText.three(indicator.cv),
                cvHref: "/counties/\(county)?year=\(evaluation.year)&stage=\(stage.stage.rawValue)&sort=\(definition.key)#schools",
                limit: FigureText.three(indicator.limit),
                result: result, resultClass: cls
            )
        }
        chart = BarChart(
            title: l.pick("\(stage.stage.chineseName)各项指标校际差异系数", "\(stage.stage.englishName.capitalized): inter-school CV of each indicator"),
            bars: stage.indicators.map { indicator in
                BarChart.Bar(
                    label: standard.indicators[indicator.index].name(in: l), value: indicator.cv, marker: indicator.limit,
                    highlighted: indicator.pass == false,
                    valueLabel: indicator.cv.map { Decimals.three($0) + (indicator.pass == false ? " ✗" : "") })
            },
            markerLabel: l.pick("限值", "limit")
        ).svg()

        let units = evaluation.result.units.filter { $0.unit.stage == stage.stage }
        if let rule = standard.schoolRule, !units.isEmpty {
            let passing = units.count { $0.passes == true }, failing = units.count { $0.passes == false }
            let floor = Decimals.compact(rule.floorRatio * 100)
            schoolRule = l.pick("学校达标（至少\(rule.minMet)项达标、余项不低于\(floor)%）：\(passing)/\(units.count) 个学校单位达标；未达标：",
                                "School rule (at least \(rule.minMet) met, the rest ≥ \(floor)%): \(passing) of \(units.count) units pass; failing: ")
            failingCount = String(failing)
            failingHref = base.filtered(failingOnly: true, stage: stage.stage).href(county: county)
        }
    }
}
