import Domain
import Interchange
import Planning

/// `junheng plan invest --format table`: the investment plan as a planner reads it — the
/// county, the resource verdict before and after (``ResourceCheck``), what it costs and how
/// sure that cost is, every unit's gaps, the items, each CV before and after against its
/// limit, and the yearly schedule when there are budgets.
///
/// Numbers show 3 decimals; money is in yuan.
public struct PlanTable: Sendable {
    /// The standard planned for.
    public let standard: Standard
    /// The language of the text.
    public let language: Language

    /// A writer for plans under `standard`, in `language`.
    public init(standard: Standard, language: Language) {
        self.standard = standard
        self.language = language
    }

    /// The whole report of `plan`, and of `schedule` when given.
    public func document(_ plan: InvestmentPlan, schedule: BudgetSchedule? = nil) -> String {
        var out = header(plan)
        out += gapsSection(plan)
        out += itemsSection(plan, schedule: schedule)
        out += cvSection(plan)
        if let schedule { out += scheduleSection(schedule) }
        return out
    }

    /// The title, the county and the verdicts, cost, bound and optimality.
    func header(_ plan: InvestmentPlan) -> String {
        let l = language
        let before = ResourceCheck(plan.before), after = ResourceCheck(plan.after)
        let name = plan.countyName.map { " \($0)" } ?? ""
        var out = l.pick("资源配置达标投入方案", "Investment plan for the resource allocation part") + " · " + standard.name(in: l) + "\n"
        out += "\n" + l.pick(
            "■ \(plan.countyCode)\(name) · \(plan.year)年度 · 标准 \(plan.standard)\n",
            "■ \(plan.countyCode)\(name) · \(plan.year) · standard \(plan.standard)\n")
        out += l.pick(
            "资源配置：方案前 \(PlanWording.verdict(before, l))（\(before.compliantUnits)/\(before.units) 个学校单位达标）→ 方案后 \(PlanWording.verdict(after, l))（\(after.compliantUnits)/\(after.units)）\n",
            "Resource allocation: before \(PlanWording.verdict(before, l)) (\(before.compliantUnits)/\(before.units) school units pass) → after \(PlanWording.verdict(after, l)) (\(after.compliantUnits)/\(after.units))\n")
        out += l.pick(
            "总投入 \(Decimals.three(plan.cost)) 元，下界 \(Decimals.three(plan.lowerBound)) 元，相对差距 \(Decimals.three(plan.gap * 100))%；\(PlanWording.optimality(plan.optimality, l))\n",
            "Total cost \(Decimals.three(plan.cost)) yuan, lower bound \(Decimals.three(plan.lowerBound)) yuan, gap \(Decimals.three(plan.gap * 100))%; \(PlanWording.optimality(plan.optimality, l))\n")
        return out
    }

    /// Every unit's shortfalls before the plan, marking the indicator each unit leaves at the floor.
    func gapsSection(_ plan: InvestmentPlan) -> String {
        let l = language
        guard !plan.gaps.isEmpty else {
            return "\n" + l.pick("差距：所有学校单位的各项指标均已达到达标值\n", "Gaps: every school unit meets every threshold\n")
        }
        var out = "\n" + l.pick("差距（方案前）：\(plan.gaps.count) 处\n", "Gaps before the plan: \(plan.gaps.count)\n")
        var table = TextTable(
            headers: l == .chinese
                ? ["学校名称", "学校标识码", "学段", "指标", "实际值", "达标值", "下限", "达到达标值需增加", "达到下限需增加", "余项"]
                : ["School", "Code", "Stage", "Indicator", "Value", "Threshold", "Floor", "To threshold", "To floor", "Exception"],
            alignments: [.left, .left, .left, .left, .right, .right, .right, .right, .right, .left])
        let exceptions = PlanWording.exceptions(plan)
        for gap in plan.gaps {
            let unit = " " + PlanWording.amountUnit(gap.resource, l)
            table.append([
                gap.schoolName, gap.schoolCode, gap.stage.name(in: l), standard.indicators[gap.indicator].name(in: l),
                Decimals.three(gap.value), Decimals.three(gap.threshold), gap.floor.map(Decimals.three) ?? "—",
                Decimals.three(gap.toThreshold) + unit, Decimals.three(gap.toFloor) + unit,
                exceptions.contains(PlanWording.ExceptionKey(gap)) ? l.pick("是", "yes") : l.pick("否", "no"),
            ])
        }
        out += table.rendered()
        if !exceptions.isEmpty {
            let floor = standard.schoolRule.map { Decimals.compact($0.floorRatio * 100) + "%" } ?? "85%"
            out += l.pick(
                "  余项：学校单位保留在下限（\(floor)）与达标值之间的一项指标，共 \(exceptions.count) 个单位\n",
                "  Exception: the one indicator a school unit leaves between the floor (\(floor)) and the threshold; \(exceptions.count) units\n")
        }
        return out
    }

    /// The items, with their year when scheduled.
    func itemsSection(_ plan: InvestmentPlan, schedule: BudgetSchedule?) -> String {
        let l = language
        guard !plan.items.isEmpty else {
            return "\n" + l.pick("投入方案：无需投入\n", "Plan: nothing to add\n")
        }
        let years = PlanWording.years(schedule)
        let floor = standard.schoolRule?.floorRatio
        var out = "\n" + l.pick(
            "投入方案：\(plan.items.count) 项，合计 \(Decimals.three(plan.cost)) 元\n",
            "Plan: \(plan.items.count) items, \(Decimals.three(plan.cost)) yuan in all\n")
        var headers = l == .chinese
            ? ["学校名称", "学校标识码", "项目", "学段", "数量", "单价（元）", "金额（元）", "原因"]
            : ["School", "Code", "Resource", "Stage", "Amount", "Unit cost (yuan)", "Cost (yuan)", "Reason"]
        var alignments: [TextTable.Alignment] = [.left, .left, .left, .left, .right, .right, .right, .left]
        if schedule != nil {
            headers.insert(l.pick("年度", "Year"), at: 0)
            alignments.insert(.left, at: 0)
        }
        var table = TextTable(headers: headers, alignments: alignments)
        for item in plan.items {
            var row = [
                item.schoolName, item.schoolCode, PlanWording.resource(item.resource, l), PlanWording.stage(item.stage, l),
                Decimals.three(item.amount) + " " + PlanWording.amountUnit(item.resource, l),
                Decimals.three(item.unitCost) + "/" + PlanWording.costUnit(item.resource, l),
                Decimals.three(item.cost), PlanWording.reason(item.reason, l, floor: floor),
            ]
            if schedule != nil { row.insert(years[item.id].map(String.init) ?? l.pick("未安排", "unscheduled"), at: 0) }
            table.append(row)
        }
        out += table.rendered()
        return out
    }

    /// Each stage's CVs before and after the plan against their limits.
    func cvSection(_ plan: InvestmentPlan) -> String {
        let l = language
        var out = "\n" + l.pick("差异系数（方案前 → 方案后）：\n", "Coefficients of variation (before → after):\n")
        var table = TextTable(
            headers: l == .chinese
                ? ["学段", "指标", "方案前", "方案后", "限值", "方案前结果", "方案后结果"]
                : ["Stage", "Indicator", "Before", "After", "Limit", "Before", "After"],
            alignments: [.left, .left, .right, .right, .right, .left, .left])
        for row in PlanWording.cvRows(plan) {
            table.append([
                row.stage.name(in: l), standard.indicators[row.indicator].name(in: l),
                Self.show(row.before?.cv), Self.show(row.after?.cv), Self.show(row.limit),
                PlanWording.outcome(row.before?.pass, l), PlanWording.outcome(row.after?.pass, l),
            ])
        }
        out += table.rendered()
        return out
    }

    /// Year by year: budget, spending, items, compliant units and the resource verdict.
    func scheduleSection(_ schedule: BudgetSchedule) -> String {
        let l = language
        var out = "\n" + l.pick("年度安排：\n", "Schedule:\n")
        var table = TextTable(
            headers: l == .chinese
                ? ["年度", "预算（元）", "支出（元）", "项数", "达标学校单位", "资源配置"]
                : ["Year", "Budget (yuan)", "Spent (yuan)", "Items", "Units passing", "Resources"],
            alignments: [.left, .right, .right, .right, .right, .left])
        for year in schedule.years {
            table.append([
                String(year.year), Decimals.three(year.budget), Decimals.three(year.spent), String(year.items.count),
                "\(year.check.compliantUnits)/\(year.check.units)", PlanWording.verdict(year.check, l),
            ])
        }
        out += table.rendered()
        if let first = schedule.firstPassingYear {
            out += l.pick("  \(first)年度后资源配置达标\n", "  The resource part passes after \(first)\n")
        } else {
            out += l.pick("  预算期内资源配置未能达标\n", "  The resource part does not pass within the budget years\n")
        }
        if !schedule.unscheduled.isEmpty {
            out += l.pick(
                "  预算缺口：\(schedule.unscheduled.count) 项未能安排，共 \(Decimals.three(schedule.shortfall)) 元\n",
                "  Shortfall: \(schedule.unscheduled.count) items could not be scheduled, \(Decimals.three(schedule.shortfall)) yuan\n")
        }
        return out
    }

    static func show(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return Decimals.three(value)
    }
}
