import Domain
import Reports
import UseCases

/// The plan page (资源配置达标投入方案): the plan's report (``PlanReport``, the same one
/// `junheng plan invest` prints and writes to a workbook) — its headline as the summary, the
/// CVs before and after with a chart per stage, the items and the units' gaps a page at a
/// time, the schedule over the typed budgets — and the budget form; or, when no plan can be
/// made, why.
struct PlanPage {
    let loaded: CountyPlan
    let query: PlanQuery
    /// Why the typed budgets were refused, already in `language`.
    let budgetError: String?
    let standard: Standard
    let language: Language

    /// The page's title.
    var heading: String {
        language.pick("\(loaded.title) · \(loaded.year) 年度资源配置达标投入方案",
                      "\(loaded.title) · \(loaded.year) investment plan for the resource allocation")
    }

    /// The page's content.
    var html: String {
        let l = language, county = loaded.countyCode
        var page = PageContent()
        page.heading(heading)
        let own = loaded.ownPrices.count
        page.paragraph(standard.name(in: l) + " · " + (own == 0
            ? l.pick("按默认单位成本测算（规划估算，非官方标准）；只计新增投入。",
                     "Costed at the default unit costs (planning estimates, not official figures); additions only.")
            : l.pick("按本县单位成本测算（本县自定 \(own) 项单价，其余为默认值：规划估算，非官方标准）；只计新增投入。",
                     "Costed at the county's unit costs (\(own) price(s) set by the county, the rest the defaults: planning estimates, not official figures); additions only."))
            + (loaded.ownSettings.isEmpty ? "" : l.pick(
                "本县自定 \(loaded.ownSettings.count) 项购置单位或每年限额，方案和年度安排按其测算。",
                " The county's \(loaded.ownSettings.count) purchase unit(s) or yearly capacity(ies) apply to the plan and its schedule.")),
            class: "muted")
        page.years(in: l, loaded.years, current: loaded.year,
                   href: { "/counties/\(county)/plan?year=\($0)" },
                   extra: CountyLink.others(than: .plan, county: county, year: loaded.year, language: l))
        switch loaded.plan {
        case let .failure(error):
            page.section("plan-error") { section in
                section.error(error.message(in: l))
                if !error.missingValues.isEmpty {
                    section.paragraph(l.pick("请在学校页面补全这些数据（或重新导入）后再查看方案。",
                                             "Fill these values in on the school pages (or import them again), then come back to the plan."))
                }
            }
        case let .success(plan):
            write(plan, into: &page)
        }
        return page.text
    }

    /// The plan's report around the budget form: summary, CVs, items, the form, the schedule,
    /// the gaps.
    private func write(_ plan: InvestmentPlan, into page: inout PageContent) {
        let l = language, county = loaded.countyCode, query = query
        var shown = plan
        // The rows name the county; a county without a name in its rows may still have one stored.
        shown.countyName = plan.countyName ?? loaded.countyName
        // The most deficient first: the lowest share of the threshold.
        shown.gaps = plan.gaps.enumerated().sorted { a, b in
            let x = a.element.threshold > 0 ? a.element.value / a.element.threshold : 1
            let y = b.element.threshold > 0 ? b.element.value / b.element.threshold : 1
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        var error = budgetError
        var schedule: BudgetSchedule?
        switch loaded.schedule {
        case let .success(done)?: schedule = done
        case let .failure(refused)?: error = error ?? refused.message(in: l)
        case nil: break
        }
        let report = PlanReport(standard: standard, language: l).report(shown, schedule: schedule)
        let renderer = HTMLRenderer(language: l, county: county, year: plan.year)
        let paging = [
            "items": HTMLRenderer.Paging(page: query.itemsPage, size: PlanQuery.pageSize, noun: l.pick("项", "items")) {
                query.onItemsPage($0).href(county: county, anchor: "items")
            },
            "gaps": HTMLRenderer.Paging(page: query.gapsPage, size: PlanQuery.pageSize, noun: l.pick("处差距", "gaps")) {
                query.onGapsPage($0).href(county: county, anchor: "gaps")
            },
        ]
        func sections(_ ids: [String]) -> String {
            let picked = ids.compactMap { id in report.sections.first { $0.id == id } }.map { section in
                // The CVs' anchor on this page has been `charts` since before the report.
                section.id == "cvs" ? ReportSection(id: "charts", section.heading, section.blocks) : section
            }
            return renderer.sections(Report(title: report.title, sections: picked), paging: paging)
        }
        page.section("summary") { section in
            section.subheading(l.pick("方案概要", "Summary"))
            section.append(renderer.facts(report.headline))
            // The workbook of what is shown: with the budgets only when they were read.
            let budget = budgetError == nil ? query.budget : nil
            section.link(l.pick("下载方案工作簿（.xlsx）", "Download the plan as a workbook (.xlsx)"),
                         to: PlanWorkbook.href(county: county, year: plan.year, budget: budget), class: "download")
            section.link(l.pick("查看或修改单位成本", "See or change the unit costs"),
                         to: CountyLink.costs.href(county: county, year: plan.year), class: "costs")
        }
        page.append(sections(["levers", "cvs", "items"]))
        page.section("budget") { section in
            section.subheading(l.pick("分年度预算与时间表", "Yearly budgets and schedule"))
            if let error { section.error(error) }
            section.append(budgetForm(plan))
        }
        page.append(sections(["schedule", "gaps"]))
    }

    /// The budget form (GET, so that a schedule is a link): the data's year and the yearly
    /// budgets as one line of `年度:金额` entries, shown back as typed.
    private func budgetForm(_ plan: InvestmentPlan) -> String {
        let l = language
        // An example in the plan's own scale: the cost spread over three years.
        let share = max(1, (plan.cost / 3).rounded(.up))
        let example = (1...3).map { "\(query.year + $0):\(Decimals.compact(share))" }.joined(separator: ", ")
        var page = PageContent()
        page.form(action: "/counties/\(loaded.countyCode)/plan", method: "get") { form in
            form.hidden("year", String(query.year))
            form.input("text", name: "budget", id: "budget-input", label: l.pick("各年度预算（元）", "Budget per year (yuan)"),
                       attributes: ["value": query.budget ?? "", "placeholder": example, "style": "width: 36rem"])
            form.note(l.pick(
                "每项写成“年度:金额”，以逗号、分号或换行分隔，金额以元计，可写千位分隔符或万、亿（4,917,093、491.7万）；例如 \(example)。每年按最紧迫的项目优先安排，结余不结转。",
                "One YEAR:AMOUNT entry per year, separated by commas, semicolons or line breaks, amounts in yuan (thousands separators, 万 and 亿 are accepted: 4,917,093, 491.7万), e.g. \(example). Each year takes the most urgent items that fit; what is left does not carry over."))
            form.buttons([(l.pick("生成时间表", "Make the schedule"), nil, nil)])
        }
        return page.text
    }
}
