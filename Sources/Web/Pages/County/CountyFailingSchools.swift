import Domain
import UseCases

/// The school units that fail the school rule (学校达标: at least 6 of 7 indicators met, the
/// rest at least 85% of the threshold, in 2017), each with the indicators it misses.
struct CountyFailingSchools {
    struct Item {
        var name: String
        var href: String
        var stage: String
        var unmet: String
    }

    var heading: String
    var count: String
    var countHref: String
    var items: [Item]
    var hasItems: Bool
    var none: String?

    init(evaluation: CountyEvaluation, standard: Standard, language l: Language) {
        let county = evaluation.countyCode
        let failing = evaluation.result.units.filter { $0.passes == false }
        if let rule = standard.schoolRule {
            let floor = Decimals.compact(rule.floorRatio * 100)
            heading = l.pick("未达到学校达标要求的学校（至少\(rule.minMet)项达标、余项不低于\(floor)%）",
                             "Schools failing the school rule (at least \(rule.minMet) met, the rest ≥ \(floor)%)")
        } else {
            heading = l.pick("未达标的学校", "Schools below the thresholds")
        }
        count = String(failing.count)
        countHref = CountySchoolQuery(year: evaluation.year, failingOnly: true).href(county: county)
        items = failing.map { unit in
            let stage = unit.unit.stage
            let misses = unit.unmet.map { index in
                let definition = standard.indicators[index]
                let value = FigureText.three(unit.values[index])
                let threshold = FigureText.compact(definition.threshold(for: stage))
                return "\(definition.name(in: l)) \(value) / \(threshold)"
            }
            return Item(
                name: unit.unit.schoolName,
                href: "/counties/\(county)/schools/\(unit.unit.schoolCode)?year=\(evaluation.year)",
                stage: stage.name(in: l),
                unmet: l.pick("\(misses.count) 项未达标：", "\(misses.count) unmet: ") + misses.joined(separator: l.pick("；", "; "))
            )
        }
        hasItems = !items.isEmpty
        none = failing.isEmpty ? l.pick("所有学校单位均达到学校达标要求。", "Every school unit meets the school rule.") : nil
    }
}
