import Domain
import UseCases

/// The county over its years (shown when it has more than one): each year's verdict and
/// each indicator's 差异系数 per stage, the year linking to its overview.
struct CountyTrend {
    struct Cell {
        var text: String
        var cls: String
    }

    struct Row {
        var year: String
        var href: String
        var current: Bool
        var verdict: String
        var verdictClass: String
        var cells: [Cell]
    }

    var heading: String
    var headers: [String]
    var rows: [Row]

    /// - Parameter years: the county's evaluations, one per year, ascending.
    init(years: [CountyEvaluation], shown: Int, standard: Standard, language l: Language) {
        heading = l.pick("历年趋势（差异系数）", "Trend over the years (CV)")
        let columns: [(Stage, Int)] = standard.stages.flatMap { stage in standard.indicators.indices.map { (stage, $0) } }
        headers = [l.pick("年度", "Year"), l.pick("评估结论", "Verdict")] + columns.map { stage, index in
            "\(stage.name(in: l)) · \(standard.indicators[index].name(in: l))"
        }
        rows = years.map { evaluation in
            let result = evaluation.result
            return Row(
                year: String(evaluation.year), href: "/counties/\(evaluation.countyCode)?year=\(evaluation.year)",
                current: evaluation.year == shown,
                verdict: result.verdict.name(in: l), verdictClass: FigureText.verdictClass(result.verdict),
                cells: columns.map { stage, index in
                    let indicator = result.stages.first { $0.stage == stage }?.indicators.first { $0.index == index }
                    let text = FigureText.three(indicator?.cv)
                    return Cell(text: indicator?.pass == false ? "✗ " + text : text,
                                cls: indicator?.pass == false ? "num fail" : "num")
                }
            )
        }
    }
}
