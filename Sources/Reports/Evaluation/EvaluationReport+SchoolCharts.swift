import Domain
import Interchange

extension EvaluationReport {
    /// Each unit's value as a share of the threshold (达标值; of the 县域值 where the standard
    /// sets no threshold), one row per indicator, units below the threshold highlighted; `nil`
    /// when there is nothing to show.
    func stripChart(_ stage: StageResult, units: [UnitResult]) -> StripChart? {
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
        let stageName = l.pick(stage.stage.chineseName, stage.stage.englishName.capitalizedFirst)
        return StripChart(
            title: byThreshold
                ? l.pick("\(stageName)各校指标值与达标值之比", "\(stageName): each school's value as a share of the threshold")
                : l.pick("\(stageName)各校指标值与县域值之比", "\(stageName): each school's value as a share of the county value"),
            rows: rows, domain: 0...3, tickFormat: .percent,
            referenceLabel: byThreshold ? l.pick("达标值（100%，超过300%的画在右端）", "threshold (100%; above 300% drawn at the right edge)")
                : l.pick("县域值（100%）", "county value (100%)"),
            highlightLabel: byThreshold ? l.pick("未达标", "below threshold") : nil)
    }

    /// 学校分布: the county's schools at their coordinates, coloured by the school rule — a
    /// school passes when all its units pass, fails when any fails, and is not judged otherwise
    /// (missing values, out of scope, or a standard without a school rule); a note counts the
    /// schools without coordinates.
    func mapSection(_ result: CountyResult, schools: [SchoolYear]) -> ReportSection {
        let l = language
        var status: [String: SchoolStatus] = [:]
        for unit in result.units {
            let own: SchoolStatus = switch unit.passes {
            case true?: .pass
            case false?: .fail
            case nil: .unknown
            }
            switch (status[unit.unit.schoolCode], own) {
            case (nil, _), (.pass?, _): status[unit.unit.schoolCode] = own
            case (.unknown?, .fail): status[unit.unit.schoolCode] = .fail
            default: break
            }
        }
        var points: [ScatterMap.Point] = []
        points.reserveCapacity(schools.count)
        var counts = [0, 0, 0]
        for school in schools {
            guard let coordinate = school.coordinate else { continue }
            let category = status[school.schoolCode] ?? .unknown
            counts[category.rawValue] += 1
            points.append(ScatterMap.Point(
                longitude: coordinate.longitude, latitude: coordinate.latitude, category: category.rawValue, label: school.schoolName))
        }
        var section = ReportSection(id: "map", l.pick("学校分布", "Where the schools are"))
        if !points.isEmpty {
            let categories = [
                ScatterMap.Category(label: l.pick("达标 \(counts[0])", "pass \(counts[0])"), color: ChartPalette.passing, shape: .circle),
                ScatterMap.Category(label: l.pick("未达标 \(counts[1])", "fail \(counts[1])"), color: ChartPalette.failing, shape: .triangle),
                ScatterMap.Category(
                    label: l.pick("未判定或未纳入 \(counts[2])", "not judged or not evaluated \(counts[2])"), color: ChartPalette.unknown, shape: .square),
            ]
            section.blocks.append(.chart(.map(ScatterMap(
                title: l.pick("学校位置（按学校达标情况着色）", "School locations (coloured by the school rule)"),
                categories: categories, points: points))))
        }
        let missing = schools.count - points.count
        if missing > 0 || points.isEmpty {
            section.blocks.append(.note(l.pick("\(missing)所学校没有坐标，未在图中显示。", "\(missing) schools have no coordinates and are not shown.")))
        }
        return section
    }

    /// How a school came out on the map, in legend order.
    private enum SchoolStatus: Int {
        case pass, fail, unknown
    }
}
