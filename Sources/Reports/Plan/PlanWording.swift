import Domain
import Interchange
import Planning

/// The words and groupings the plan writers share: names of what is added, units, reasons,
/// the resource verdict, and the CV rows before and after the plan.
enum PlanWording {
    /// The unit an amount is counted in: as the price, except that teachers are counted as
    /// people (人; each is costed as one teacher-year).
    static func amountUnit(_ resource: Resource, _ language: Language) -> String {
        guard !resource.isSchoolWide else {
            guard language == .english else { return resource.unit }
            switch resource.unit {
            case "元": return "yuan"
            case "间": return "rooms"
            case "台": return "computers"
            case "册": return "volumes"
            default: return resource.unit
            }
        }
        return language.pick("人", "teachers")
    }

    /// Why an item is in the plan.
    static func reason(_ reason: PlanReason, _ language: Language, floor: Double?) -> String {
        let percent = floor.map { Decimals.compact($0 * 100) + "%" } ?? "85%"
        switch reason {
        case .belowFloor: return language.pick("低于达标值的\(percent)", "below \(percent) of the threshold")
        case .belowThreshold: return language.pick("未达到达标值", "below the threshold")
        case .balance: return language.pick("缩小差异系数", "to bring the CV within its limit")
        }
    }

    /// The resource part's verdict (资源配置): 达标 / 未达标.
    static func verdict(_ check: ResourceCheck, _ language: Language) -> String {
        check.passes ? Term.pass.name(in: language) : Term.fail.name(in: language)
    }

    /// The resource part's verdict with its compliant units: 达标（12/12 个学校单位达标）.
    static func resources(_ check: ResourceCheck, _ language: Language) -> ReportCell {
        let units = language.pick("（\(check.compliantUnits)/\(check.units) 个学校单位达标）", " (\(check.compliantUnits)/\(check.units) school units pass)")
        return .verdict(verdict(check, language) + units, key: verdictKey(check), passes: check.passes)
    }

    /// `pass` or `fail`, for JSON and CSV.
    static func verdictKey(_ check: ResourceCheck) -> String {
        check.passes ? "pass" : "fail"
    }

    /// How sure the cost is.
    static func optimality(_ optimality: PlanOptimality, _ language: Language) -> String {
        switch optimality {
        case .optimal: language.pick("已证明为最低投入", "proven least cost")
        case .bounded: language.pick("搜索所得，最低投入不低于下界", "found by search; the least cost is at least the lower bound")
        }
    }

    /// The stage of an item: its own (teachers) or none (a school's facilities).
    static func stage(_ stage: Stage?, _ language: Language) -> String {
        stage?.name(in: language) ?? language.pick("全校", "whole school")
    }

    /// The year each item is done in, by item id, when there is a schedule.
    static func years(_ schedule: BudgetSchedule?) -> [String: Int] {
        var years: [String: Int] = [:]
        for year in schedule?.years ?? [] {
            for item in year.items { years[item.id] = year.year }
        }
        return years
    }

    /// A unit's indicator, to tell whether a gap is the unit's exception (余项).
    struct ExceptionKey: Hashable {
        var schoolCode: String
        var stage: Stage
        var indicator: Int

        init(_ gap: UnitGap) {
            (schoolCode, stage, indicator) = (gap.schoolCode, gap.stage, gap.indicator)
        }

        init(_ exception: UnitException) {
            (schoolCode, stage, indicator) = (exception.schoolCode, exception.stage, exception.indicator)
        }
    }

    /// The indicators the plan leaves between the floor and the threshold.
    static func exceptions(_ plan: InvestmentPlan) -> Set<ExceptionKey> {
        Set(plan.exceptions.map(ExceptionKey.init))
    }

    /// One indicator of one stage, before and after the plan.
    struct CVRow {
        var stage: Stage
        var indicator: Int
        var before: IndicatorResult?
        var after: IndicatorResult?

        /// The limit the CV is judged against.
        var limit: Double? { after?.limit ?? before?.limit }
    }

    /// The CV rows of `plan`, by stage then indicator, as the evaluation lists them.
    static func cvRows(_ plan: InvestmentPlan) -> [CVRow] {
        cvRows(before: plan.before, after: plan.after)
    }

    /// The CV rows of a county evaluated before and after a change, by stage then indicator.
    static func cvRows(before: CountyResult, after: CountyResult) -> [CVRow] {
        var rows: [CVRow] = []
        for stage in before.stages {
            let after = after.stages.first { $0.stage == stage.stage }
            for indicator in stage.indicators {
                rows.append(CVRow(
                    stage: stage.stage, indicator: indicator.index, before: indicator,
                    after: after?.indicators.first { $0.index == indicator.index }))
            }
        }
        return rows
    }

    /// The pass or fail of a judged CV.
    static func outcome(_ pass: Bool?, _ language: Language) -> String {
        switch pass {
        case true?: Term.pass.name(in: language)
        case false?: Term.fail.name(in: language)
        case nil: "—"
        }
    }
}
