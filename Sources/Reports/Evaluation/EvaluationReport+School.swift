import Domain
import Foundation

/// One school in one year as a ``Report``, the evaluation seen from the school: each of its
/// units (a stage, with any teaching points merged into it) with every indicator's value
/// against its threshold, met or not, and the school rule's result — then the school over
/// every year it reported. The school page shows it.
///
/// ```swift
/// let units = result.units.filter { $0.unit.schoolCode == row.schoolCode }
/// let report = EvaluationReport(standard: standard, language: .chinese)
///     .school(row, units: units, exclusion: nil, history: history)
/// ```
extension EvaluationReport {
    /// The fields the history shows: enrolment, classes, teachers and the main facilities.
    public static let schoolHistoryFields: [SchoolField] = [
        .studentsPrimary, .studentsJunior, .classesPrimary, .classesJunior, .teachersPrimary, .teachersJunior,
        .teachingArea, .sportsArea, .equipmentValue, .multimediaRooms, .books,
    ]

    /// The report of `row`: its `units` of the county's evaluation (none when the school is
    /// left out, then `exclusion` says why), and its `history` (every year it reported, in order).
    public func school(_ row: SchoolYear, units: [UnitResult], exclusion: Exclusion?, history: [SchoolYear]) -> Report {
        let l = language
        return Report(
            title: "\(row.schoolName)（\(row.schoolCode)）· " + l.pick("\(row.year) 年度", "\(row.year)"),
            sections: [schoolUnitsSection(units, exclusion: exclusion), schoolHistorySection(history, shown: row.year)])
    }

    // MARK: Parts

    /// Each unit: its title, the teaching points merged into it, each indicator against its
    /// threshold, and the school rule's result.
    private func schoolUnitsSection(_ units: [UnitResult], exclusion: Exclusion?) -> ReportSection {
        let l = language
        var blocks: [ReportBlock] = []
        if let exclusion {
            blocks.append(.note(l.pick("本校未单独纳入资源配置评估：", "Not evaluated as a unit of its own: ") + exclusion.reason.text(in: l)))
        }
        for unit in units {
            let stage = unit.unit.stage
            blocks.append(.subheading(l.pick(
                "\(stage.chineseName)（\(unit.unit.students) 名学生）", "\(stage.englishName.capitalized) (\(unit.unit.students) students)")))
            if !unit.unit.mergedTeachingPoints.isEmpty {
                blocks.append(.note(l.pick("含并入的教学点：", "Including merged teaching points: ")
                    + unit.unit.mergedTeachingPoints.joined(separator: l.pick("、", ", "))))
            }
            blocks.append(.table(unitIndicatorsTable(unit)))
            blocks.append(.facts([schoolRuleFact(unit)]))
        }
        return ReportSection(id: "units", l.pick("各项指标与达标值", "Values against the thresholds"), blocks)
    }

    /// A unit's indicators: value, threshold, met ✓ / not met ✗, and the value as a share of
    /// the threshold.
    private func unitIndicatorsTable(_ unit: UnitResult) -> ReportTable {
        let l = language
        let stage = unit.unit.stage
        var table = ReportTable(name: stage.name(in: l), columns: [
            ReportColumn(.indicator, l), ReportColumn(.unit, l),
            ReportColumn("value", l.pick("本校值", "Value")), ReportColumn(.threshold, l),
            ReportColumn("met", l.pick("是否达标", "Met")), ReportColumn("share", l.pick("本校值/达标值", "Value / threshold")),
        ])
        for (index, definition) in standard.indicators.enumerated() {
            let value = unit.values[index], threshold = definition.threshold(for: stage)
            let met: ReportCell = switch unit.met[index] {
            case true?: .verdict(l.pick("✓ 达标", "✓ met"), key: "true", passes: true)
            case false?: .verdict(l.pick("✗ 未达标", "✗ not met"), key: "false", passes: false)
            case nil: .verdict(Decimals.notComputable, key: "", passes: nil)
            }
            let share: Double? = if let value, let threshold, threshold > 0 { value / threshold } else { nil }
            table.append([
                .term(definition.name(in: l), key: definition.key), .text(definition.unit), .three(value), .stated(threshold),
                met, .percent(share),
            ])
        }
        return table
    }

    /// The school rule's result (达标, 7/8 项达标), or the count of indicators met when the
    /// standard has no school rule.
    private func schoolRuleFact(_ unit: UnitResult) -> ReportFact {
        let l = language
        let met = unit.met.count { $0 == true }, judged = unit.met.count { $0 != nil }
        let count = l.pick("\(met)/\(judged) 项达标", "\(met) of \(judged) met")
        guard let rule = standard.schoolRule else {
            return ReportFact(l.pick("达标指标", "Indicators met"), .verdict(count, key: "", passes: unit.passes))
        }
        let (outcome, key) = switch unit.passes {
        case true?: (Term.pass.name(in: l), "pass")
        case false?: (Term.fail.name(in: l), "fail")
        case nil: (Term.incomplete.name(in: l), "incomplete")
        }
        return ReportFact(rule.name(in: l), .verdict(outcome + l.pick("，", ", ") + count, key: key, passes: unit.passes))
    }

    /// The main fields year by year; each other year links to its page.
    private func schoolHistorySection(_ history: [SchoolYear], shown: Int) -> ReportSection {
        let l = language
        var table = ReportTable(
            name: l.pick("历年数据", "History"),
            columns: [ReportColumn(.year, l)] + Self.schoolHistoryFields.map { ReportColumn($0.key, l.pick($0.chineseName, $0.key)) })
        for row in history {
            let year: ReportCell = row.year == shown
                ? .text(String(row.year)) : .link(String(row.year), to: .schoolYear(code: row.schoolCode, county: row.countyCode, year: row.year))
            table.append([year] + Self.schoolHistoryFields.map { field in
                // As reported: counts as written, amounts with at most 3 decimals, "—" when not reported.
                switch row.value(of: field) {
                case let .integer(count)?: .count(count)
                case let .decimal(amount)?: .stated(amount)
                case let other?: .text(other.text)
                case nil: .stated(nil)
                }
            })
        }
        return ReportSection(id: "history", l.pick("历年数据", "History"), [.table(table)])
    }
}
