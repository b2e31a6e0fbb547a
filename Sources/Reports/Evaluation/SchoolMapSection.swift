import Domain
import Interchange

/// The map of a county's schools from their coordinates, coloured by the school rule: a
/// school passes when all its units pass, fails when any fails, and is not judged otherwise
/// (missing values, out of scope, or a standard without a school rule).
struct SchoolMapSection {
    let language: Language

    /// How a school came out, in legend order.
    enum Status: Int, CaseIterable {
        case pass, fail, unknown
    }

    func append(_ result: CountyResult, schools: [SchoolYear], into out: inout String) {
        let l = language
        var status: [String: Status] = [:]
        for unit in result.units {
            let own: Status = switch unit.passes {
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
                longitude: coordinate.longitude, latitude: coordinate.latitude, category: category.rawValue,
                label: school.schoolName))
        }
        let missing = schools.count - points.count
        out.append("<h3>\(l.pick("学校分布", "Where the schools are"))</h3>\n")
        if !points.isEmpty {
            let categories = [
                ScatterMap.Category(label: l.pick("达标 \(counts[0])", "pass \(counts[0])"), color: ChartPalette.passing, shape: .circle),
                ScatterMap.Category(label: l.pick("未达标 \(counts[1])", "fail \(counts[1])"), color: ChartPalette.failing, shape: .triangle),
                ScatterMap.Category(label: l.pick("未判定或未纳入 \(counts[2])", "not judged or not evaluated \(counts[2])"), color: ChartPalette.unknown, shape: .square),
            ]
            let map = ScatterMap(
                title: l.pick("学校位置（按学校达标情况着色）", "School locations (coloured by the school rule)"),
                categories: categories, points: points)
            out.append("<figure>")
            out.append(map.svg())
            out.append("</figure>\n")
        }
        if missing > 0 || points.isEmpty {
            out.append("<p class=\"note\">")
            out.append(l.pick("\(missing)所学校没有坐标，未在图中显示。", "\(missing) schools have no coordinates and are not shown."))
            out.append("</p>\n")
        }
    }
}
