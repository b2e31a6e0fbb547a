import Domain
import Interchange

/// 学校达标: every unit of a stage with each indicator value, unmet values marked in red and
/// with ✗ (so they survive black-and-white print), and the school rule's result.
struct SchoolTable {
    let standard: Standard
    let language: Language

    func append(_ stage: Stage, units: ArraySlice<UnitResult>, into out: inout String) {
        let l = language
        let rule = standard.schoolRule
        if let rule {
            let passing = units.count { $0.passes == true }
            out.append("<h4>")
            out.append(rule.name(in: l) + l.pick("：\(passing)/\(units.count) 所达标", ": \(passing)/\(units.count) schools pass"))
            out.append("</h4>\n")
        } else {
            out.append("<h4>\(l.pick("各校指标值", "Each school's values"))</h4>\n")
        }
        out.append("<table class=\"schools\">\n<thead><tr>")
        out.append(l.pick("<th>学校名称</th><th>城乡</th><th>学生数</th>", "<th>School</th><th>Locality</th><th>Students</th>"))
        for definition in standard.indicators {
            out.append("<th>")
            out.appendEscaped(definition.name(in: l))
            out.append("<span class=\"unit\">")
            out.appendEscaped(definition.unit)
            out.append("</span></th>")
        }
        if rule != nil { out.append("<th>\(l.pick("学校达标", "School rule"))</th>") }
        out.append("</tr>")
        let thresholds = standard.indicators.map { $0.threshold(for: stage) }
        if thresholds.contains(where: { $0 != nil }) {
            out.append("<tr class=\"thresholds\"><th colspan=\"3\">\(l.pick("达标值", "Threshold"))</th>")
            for threshold in thresholds { out.append("<th>\(threshold.map(Decimals.compact) ?? "—")</th>") }
            if rule != nil { out.append("<th></th>") }
            out.append("</tr>")
        }
        out.append("</thead>\n<tbody>\n")
        let unmetText = l.pick("未达标", "unmet")
        for unit in units {
            out.append("<tr><td>")
            out.appendEscaped(unit.unit.schoolName)
            out.append("<span class=\"code\">")
            out.appendEscaped(unit.unit.schoolCode)
            out.append("</span></td><td class=\"tag\">\(unit.unit.locality.name(in: l))</td><td class=\"num\">\(unit.unit.students)</td>")
            for index in unit.values.indices {
                let shown = StageSection.show(unit.values[index])
                if unit.met[index] == false {
                    out.append("<td class=\"num unmet\" title=\"\(unmetText)\">✗ \(shown)</td>")
                } else {
                    out.append("<td class=\"num\">\(shown)</td>")
                }
            }
            if rule != nil {
                switch unit.passes {
                case true?: out.append("<td class=\"tag\">\(l.pick("达标", "pass"))</td>")
                case false?: out.append("<td class=\"tag unmet\">✗ \(unmetText)</td>")
                case nil: out.append("<td class=\"tag\">\(unit.values.contains(nil) ? l.pick("数据不全", "incomplete") : "—")</td>")
                }
            }
            out.append("</tr>\n")
        }
        out.append("</tbody>\n</table>\n")
    }
}
