import Domain
import Interchange
import Planning

/// The investment plan as a ``Report`` — one builder for every medium: `junheng plan invest`
/// renders it as terminal text (``TerminalRenderer``), CSV of its items (``CSVRenderer``,
/// the contract `county_code,data_year,school_code,school_name,locality,resource,stage,amount,
/// unit,unit_cost,cost,reason,indicators,year`) and a workbook (``XLSXRenderer``).
///
/// What a planner reads: the county, the resource verdict before and after (``ResourceCheck``),
/// how many items at how many schools, what it costs and how sure that cost is; every unit's gaps; the items; each CV before and
/// after against its limit; and the yearly schedule when there are budgets. Money is in yuan.
public struct PlanReport: Sendable {
    /// The standard planned for.
    public let standard: Standard
    /// The language of the text.
    public let language: Language

    public init(standard: Standard, language: Language) {
        self.standard = standard
        self.language = language
    }

    /// The report of `plan`, and of `schedule` when given.
    public func report(_ plan: InvestmentPlan, schedule: BudgetSchedule? = nil) -> Report {
        var sections = [gapsSection(plan), itemsSection(plan, schedule: schedule), cvSection(plan)]
        if let schedule { sections.append(scheduleSection(schedule)) }
        return Report(
            title: language.pick("资源配置达标投入方案", "Investment plan for the resource allocation part") + " · " + standard.name(in: language),
            headline: headline(plan, schedule: schedule), sections: sections)
    }

    /// The items table alone: what `--format csv` writes.
    public func items(_ plan: InvestmentPlan, schedule: BudgetSchedule? = nil) -> ReportTable {
        itemsTable(plan, schedule: schedule)
    }

    /// The name of the workbook's first sheet.
    public var summaryName: String { Term.summary.name(in: language) }

    // MARK: Parts

    private func headline(_ plan: InvestmentPlan, schedule: BudgetSchedule?) -> [ReportFact] {
        let l = language
        let before = ResourceCheck(plan.before), after = ResourceCheck(plan.after)
        let schools = Set(plan.items.map(\.schoolCode)).count
        var facts = [
            ReportFact(Term.county.name(in: l), .text(plan.countyCode + (plan.countyName.map { " \($0)" } ?? ""))),
            ReportFact(Term.year.name(in: l), .count(plan.year)),
            ReportFact(l.pick("评估标准", "Standard"), .text(standard.name(in: l) + " (\(plan.standard))")),
            ReportFact(l.pick("方案前资源配置", "Resources before"), PlanWording.resources(before, l)),
            ReportFact(l.pick("方案后资源配置", "Resources after"), PlanWording.resources(after, l)),
            ReportFact(l.pick("投入项目", "Items"), .text(l.pick(
                "\(plan.items.count) 项，涉及 \(schools) 所学校", "\(plan.items.count) items at \(schools) schools"))),
            // In 万元, as a bureau's budget is spoken of; the items' heading and table keep every yuan.
            ReportFact(l.pick("总投入", "Total cost"), .money(plan.cost, inTenThousands: true)),
            ReportFact(l.pick("投入下界", "Lower bound"), .money(plan.lowerBound, inTenThousands: true)),
            ReportFact(l.pick("相对差距", "Gap"), .percent(plan.gap)),
            ReportFact(Term.optimality.name(in: l), .text(PlanWording.optimality(plan.optimality, l))),
        ]
        if let schedule {
            facts.append(ReportFact(
                l.pick("首个达标年度", "First passing year"),
                schedule.firstPassingYear.map(ReportCell.count) ?? .text(l.pick("预算期内未达标", "none within the budget years"))))
            facts.append(ReportFact(l.pick("预算缺口（元）", "Shortfall (yuan)"), .yuan(schedule.shortfall)))
        }
        return facts
    }

    /// Every unit's shortfalls before the plan, marking the indicator each unit leaves at the floor.
    private func gapsSection(_ plan: InvestmentPlan) -> ReportSection {
        let l = language
        guard !plan.gaps.isEmpty else {
            return ReportSection(id: "gaps", l.pick("差距：所有学校单位的各项指标均已达到达标值", "Gaps: every school unit meets every threshold"))
        }
        var table = ReportTable(name: l.pick("差距", "Gaps"), columns: [ReportColumn](
            [.schoolCode, .schoolName, .stage, .indicator, .value, .threshold, .floor], l) + [
            ReportColumn("to_threshold", l.pick("达到达标值需增加", "To threshold")),
            ReportColumn("to_floor", l.pick("达到下限需增加", "To floor")),
            ReportColumn("exception", l.pick("余项", "Exception")),
        ])
        let exceptions = PlanWording.exceptions(plan)
        for gap in plan.gaps {
            let unit = PlanWording.amountUnit(gap.resource, l)
            let definition = standard.indicators[gap.indicator]
            let isException = exceptions.contains(PlanWording.ExceptionKey(gap))
            table.append([
                .code(gap.schoolCode), .link(gap.schoolName, to: .school(code: gap.schoolCode)), .term(gap.stage.name(in: l), key: gap.stage.rawValue),
                .term(definition.name(in: l), key: definition.key), .three(gap.value), .three(gap.threshold), .three(gap.floor),
                .quantity(gap.toThreshold, unit: unit), .quantity(gap.toFloor, unit: unit),
                .term(isException ? l.pick("是", "yes") : l.pick("否", "no"), key: isException ? "yes" : "no"),
            ])
        }
        var blocks: [ReportBlock] = [.table(table)]
        if !exceptions.isEmpty {
            let floor = standard.schoolRule.map { Decimals.compact($0.floorRatio * 100) + "%" } ?? "85%"
            blocks.append(.note(l.pick(
                "余项：学校单位保留在下限（\(floor)）与达标值之间的一项指标，共 \(exceptions.count) 个单位",
                "Exception: the one indicator a school unit leaves between the floor (\(floor)) and the threshold; \(exceptions.count) units")))
        }
        return ReportSection(id: "gaps", l.pick("差距（方案前）：\(plan.gaps.count) 处", "Gaps before the plan: \(plan.gaps.count)"), blocks)
    }

    /// The items, with their year when scheduled.
    private func itemsSection(_ plan: InvestmentPlan, schedule: BudgetSchedule?) -> ReportSection {
        let l = language
        guard !plan.items.isEmpty else { return ReportSection(id: "items", l.pick("投入方案：无需投入", "Plan: nothing to add")) }
        return ReportSection(
            id: "items",
            l.pick("投入方案：\(plan.items.count) 项，合计 \(Decimals.three(plan.cost)) 元", "Plan: \(plan.items.count) items, \(Decimals.three(plan.cost)) yuan in all"),
            [.table(itemsTable(plan, schedule: schedule))])
    }

    private func itemsTable(_ plan: InvestmentPlan, schedule: BudgetSchedule?) -> ReportTable {
        let l = language
        let years = PlanWording.years(schedule)
        let floor = standard.schoolRule?.floorRatio
        var table = ReportTable(name: l.pick("方案", "Items"), columns: [
            ReportColumn(.countyCode, l, for: .machines), ReportColumn(.dataYear, l, for: .machines),
            ReportColumn(.schoolCode, l), ReportColumn(.schoolName, l), ReportColumn(.locality, l),
            ReportColumn("resource", l.pick("项目", "Resource")), ReportColumn(.stage, l),
            ReportColumn("amount", l.pick("数量", "Amount")), ReportColumn(.unit, l, for: .machines),
            ReportColumn("unit_cost", l.pick("单价（元）", "Unit cost (yuan)")), ReportColumn("cost", l.pick("金额（元）", "Cost (yuan)")),
            ReportColumn(.reason, l), ReportColumn("indicators", l.pick("指标", "Indicators"), for: .machines),
            // Scripts always find the column (empty without budgets); people see it with a schedule.
            ReportColumn(.year, l, for: schedule == nil ? .machines : .everyone),
        ])
        for item in plan.items {
            let year: ReportCell = years[item.id].map(ReportCell.count)
                ?? (schedule == nil ? .empty : .term(l.pick("未安排", "unscheduled"), key: ""))
            table.append([
                .code(plan.countyCode), .count(plan.year), .code(item.schoolCode), .link(item.schoolName, to: .school(code: item.schoolCode)),
                .term(item.locality.name(in: l), key: item.locality.rawValue),
                .term(item.resource.name(in: l), key: item.resource.rawValue),
                .term(PlanWording.stage(item.stage, l), key: item.stage?.rawValue ?? ""),
                .quantity(item.amount, unit: PlanWording.amountUnit(item.resource, l)), .code(item.resource.unit),
                .yuan(item.unitCost), .yuan(item.cost),
                .term(PlanWording.reason(item.reason, l, floor: floor), key: item.reason.rawValue),
                .code(item.indicators.map { standard.indicators[$0].key }.joined(separator: ";")), year,
            ])
        }
        return table
    }

    /// Each stage's CVs before and after the plan against their limits.
    private func cvSection(_ plan: InvestmentPlan) -> ReportSection {
        CVComparison(standard: standard, language: language, change: ("方案", "规划"), marksMoves: false).section(PlanWording.cvRows(plan))
    }

    /// Year by year: budget, spending, items, compliant units and the resource verdict.
    private func scheduleSection(_ schedule: BudgetSchedule) -> ReportSection {
        let l = language
        var table = ReportTable(name: l.pick("年度安排", "Schedule"), columns: [
            ReportColumn(.year, l), ReportColumn("budget", l.pick("预算（元）", "Budget (yuan)")),
            ReportColumn("spent", l.pick("支出（元）", "Spent (yuan)")), ReportColumn("items", l.pick("项数", "Items")),
            ReportColumn("units_passing", l.pick("达标学校单位", "Units passing")), ReportColumn(.units, l),
            ReportColumn("resources", l.pick("资源配置", "Resources")),
        ])
        for year in schedule.years {
            table.append([
                .count(year.year), .yuan(year.budget), .yuan(year.spent), .count(year.items.count),
                .count(year.check.compliantUnits), .count(year.check.units),
                .verdict(PlanWording.verdict(year.check, l), key: PlanWording.verdictKey(year.check), passes: year.check.passes),
            ])
        }
        var blocks: [ReportBlock] = [.table(table)]
        blocks.append(.note(schedule.firstPassingYear.map {
            l.pick("\($0)年度后资源配置达标", "The resource part passes after \($0)")
        } ?? l.pick("预算期内资源配置未能达标", "The resource part does not pass within the budget years")))
        if !schedule.unscheduled.isEmpty {
            blocks.append(.note(l.pick(
                "预算缺口：\(schedule.unscheduled.count) 项未能安排，共 \(Decimals.three(schedule.shortfall)) 元",
                "Shortfall: \(schedule.unscheduled.count) items could not be scheduled, \(Decimals.three(schedule.shortfall)) yuan")))
        }
        return ReportSection(id: "schedule", l.pick("年度安排：", "Schedule:"), blocks)
    }
}
