import Domain
import Interchange
import Planning

/// The investment plan as a ``Report`` — one builder for every medium: `junheng plan invest`
/// renders it as terminal text (``TerminalRenderer``), CSV of its items (``CSVRenderer``,
/// the contract `county_code,data_year,school_code,school_name,locality,resource,stage,amount,
/// unit,unit_cost,cost,reason,indicators,year,lever,yearly_cost`) and a workbook (``XLSXRenderer``).
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
        var sections = [gapsSection(plan), leversSection(plan), itemsSection(plan, schedule: schedule), cvSection(plan)]
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
            ReportFact(l.pick("一次性投入", "One-off cost"), .money(plan.cost, inTenThousands: true)),
            ReportFact(l.pick("新增岗位年工资", "New posts' salaries per year"), .money(plan.yearlyCost, inTenThousands: true)),
            ReportFact(l.pick("比较口径（一次性投入＋\(Decimals.compact(plan.postYears))年工资）", "Weighed cost (one-off + \(Decimals.compact(plan.postYears)) years of salaries)"),
                       .money(plan.weighedCost, inTenThousands: true)),
            ReportFact(l.pick("比较口径下界", "Lower bound"), .money(plan.lowerBound, inTenThousands: true)),
            ReportFact(l.pick("相对差距", "Gap"), .percent(plan.gap)),
            ReportFact(Term.optimality.name(in: l), .text(PlanWording.optimality(plan.optimality, l))),
        ]
        if let rotation = plan.rotation {
            facts.append(ReportFact(l.pick("交流轮岗", "Rotation"), .text(l.pick(
                "交流 \(rotation.teacherMovers) 人（要求 \(rotation.requiredMovers) 人），其中骨干教师 \(rotation.backboneMovers) 人（要求 \(rotation.requiredBackboneMovers) 人）",
                "\(rotation.teacherMovers) teachers moved (\(rotation.requiredMovers) required), \(rotation.backboneMovers) of them backbone (\(rotation.requiredBackboneMovers) required)"))))
        }
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
            ReportColumn("closed_by", l.pick("弥补措施", "Closed by")),
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
                .text(plan.levers(closing: gap).map { $0.name(in: l) }.joined(separator: l.pick("、", ", "))),
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

    /// Which lever closes which gaps (措施): per lever, its items, what they add, what they cost
    /// once and every year, and the gaps they raise — the teacher levers in the order a bureau
    /// uses them.
    private func leversSection(_ plan: InvestmentPlan) -> ReportSection {
        let l = language
        var table = ReportTable(name: l.pick("措施", "Levers"), columns: [
            ReportColumn("lever", l.pick("措施", "Lever")), ReportColumn("items", l.pick("项数", "Items")),
            ReportColumn("teachers", l.pick("教师（人）", "Teachers")),
            ReportColumn("cost", l.pick("一次性投入（元）", "One-off (yuan)")), ReportColumn("yearly_cost", l.pick("每年工资（元）", "Per year (yuan)")),
            ReportColumn("gaps", l.pick("弥补差距（处）", "Gaps raised")), ReportColumn("indicators", l.pick("涉及指标", "Indicators")),
        ])
        let closed = plan.gaps.map { plan.levers(closing: $0) }
        for lever in PlanLever.allCases {
            let items = plan.items.filter { $0.lever == lever }
            guard !items.isEmpty else { continue }
            // Moved teachers count once, where they arrive.
            let teachers = items.filter { !$0.resource.isSchoolWide }.reduce(0.0) { $0 + max($1.amount, 0) }
            let indicators = Set(items.flatMap(\.indicators)).sorted().map { standard.indicators[$0].name(in: l) }
            table.append([
                .term(lever.name(in: l), key: lever.rawValue), .count(items.count),
                lever == .purchase ? .empty : .quantity(teachers, unit: l.pick("人", "teachers")),
                .yuan(items.reduce(0) { $0 + $1.cost }), .yuan(items.reduce(0) { $0 + $1.yearlyCost }),
                .count(closed.count { $0.contains(lever) }), .text(indicators.joined(separator: l.pick("、", "; "))),
            ])
        }
        guard !table.rows.isEmpty else { return ReportSection(id: "levers", l.pick("措施：无", "Levers: none")) }
        var blocks: [ReportBlock] = [.table(table)]
        blocks.append(.note(plan.rotation == nil
            ? l.pick("未提供教师信息文件：教师指标不含交流轮岗，先培养认定骨干教师，再新增岗位。",
                     "No teachers file: the teacher indicators have no rotation lever; backbone teachers are trained, then posts are added.")
            : l.pick("教师指标先交流轮岗（调入为正、调出为负，不计费用），再培养认定骨干教师，最后新增岗位（工资每年发生）。",
                     "Teacher indicators: rotation first (in positive, out negative, at no cost), then training of backbone teachers, then new posts (salaries every year).")))
        return ReportSection(id: "levers", l.pick("措施：各项差距由哪类措施弥补", "Levers: which lever closes which gaps"), blocks)
    }

    /// The items, with their year when scheduled.
    private func itemsSection(_ plan: InvestmentPlan, schedule: BudgetSchedule?) -> ReportSection {
        let l = language
        guard !plan.items.isEmpty else { return ReportSection(id: "items", l.pick("投入方案：无需投入", "Plan: nothing to add")) }
        return ReportSection(
            id: "items",
            l.pick("投入方案：\(plan.items.count) 项，一次性投入 \(Decimals.three(plan.cost)) 元，新增岗位每年 \(Decimals.three(plan.yearlyCost)) 元",
                   "Plan: \(plan.items.count) items, \(Decimals.three(plan.cost)) yuan once, \(Decimals.three(plan.yearlyCost)) yuan a year for new posts"),
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
            ReportColumn("lever", l.pick("措施", "Lever")), ReportColumn("yearly_cost", l.pick("每年工资（元）", "Per year (yuan)")),
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
                .term(item.lever.name(in: l), key: item.lever.rawValue), .yuan(item.yearlyCost),
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
            ReportColumn("spent", l.pick("支出（元）", "Spent (yuan)")),
            ReportColumn("recurring", l.pick("其中岗位工资（元）", "Of which salaries (yuan)")), ReportColumn("items", l.pick("项数", "Items")),
            ReportColumn("units_passing", l.pick("达标学校单位", "Units passing")), ReportColumn(.units, l),
            ReportColumn("resources", l.pick("资源配置", "Resources")),
        ])
        for year in schedule.years {
            table.append([
                .count(year.year), .yuan(year.budget), .yuan(year.spent), .yuan(year.recurring), .count(year.items.count),
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
