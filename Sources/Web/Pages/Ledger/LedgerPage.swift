import Domain
import Foundation
import Reports
import Storage
import UseCases

/// A county's remediation ledger (整改台账): what is overdue, the gaps the year's evaluation
/// found school by school and whether each is in the ledger, every item with its status and
/// what the data now say, and — for the planner — the forms putting gaps or other items in it.
struct LedgerPage {
    let evaluation: CountyEvaluation
    let items: [LedgerItem]
    /// The latest adopted version of each plan of the county (方案采纳), whose items may enter the ledger.
    let plans: [AdoptedPlan]
    let table: LedgerTable
    let standard: Standard
    /// The form token, when the viewer keeps the ledger and the page offers its forms.
    let csrf: String?
    let language: Language

    var heading: String { language.pick("\(evaluation.title) · 整改台账", "\(evaluation.title) · Remediation ledger") }

    var html: String {
        let l = language, county = evaluation.countyCode, year = evaluation.year
        let renderer = HTMLRenderer(language: l, county: county, year: year)
        var page = PageContent()
        page.heading(heading)
        page.years(in: l, evaluation.years, current: year, href: { CountyLink.ledger.href(county: county, year: $0) },
                   extra: CountyLink.others(than: .ledger, county: county, year: year, language: l))
        let overdue = items.filter { $0.isOverdue(on: table.today) }
        page.section("overdue") { section in
            section.subheading(l.pick("逾期事项（\(overdue.count)）", "Overdue (\(overdue.count))"))
            if overdue.isEmpty {
                section.paragraph(l.pick("没有逾期的整改事项。", "Nothing is overdue."), class: "muted")
            } else {
                section.append(renderer.table(LedgerTable(items: overdue, today: table.today, openGaps: table.openGaps, language: l)
                    .table(name: l.pick("逾期事项", "Overdue"), linked: true)))
            }
        }
        page.section("gaps") { gaps(into: &$0) }
        page.section("plans") { adoptedPlans(into: &$0) }
        page.section("ledger") { section in
            section.subheading(l.pick("整改事项（\(items.count)）", "Items (\(items.count))"))
            if !items.isEmpty {
                section.append(renderer.table(table.table(name: l.pick("整改台账", "Remediation ledger"), linked: true)))
                section.link(l.pick("下载整改台账（Excel）", "Download the ledger (Excel)"), to: "/counties/\(county)/ledger.xlsx?year=\(year)", class: "download")
            }
        }
        if let csrf {
            page.section("add") { section in
                section.subheading(l.pick("新增其他整改事项", "Add another item"))
                section.form(action: "/counties/\(county)/ledger?year=\(year)", csrf: csrf) { form in
                    form.input("text", name: "title", label: l.pick("整改事项", "What"), attributes: ["required": "required", "maxlength": "300"])
                    form.input("text", name: "school", label: l.pick("学校标识码（可选）", "School code (optional)"))
                    Self.ownerAndDue(&form, language: l)
                    form.buttons([(l.pick("列入整改台账", "Add to the ledger"), nil, nil)])
                }
            }
        }
        return page.text
    }

    /// Something that may enter the ledger: a gap of the evaluation or an item of an adopted plan.
    private struct Candidate {
        /// Its ledger key (``LedgerItem/gapKey``), the checkbox's value.
        var key: String
        var text: String
        var schoolCode: String?
    }

    /// The gaps of the year's evaluation, each with its ledger item or a box to choose it.
    private func gaps(into section: inout PageContent) {
        let l = language, year = evaluation.year
        let gaps = evaluation.result.gaps
        section.subheading(l.pick("\(year) 年度评估发现的问题（逐校逐项，\(gaps.count) 项）", "Gaps the \(year) evaluation found, school by school (\(gaps.count))"))
        guard !gaps.isEmpty else {
            section.paragraph(l.pick("评估没有发现未达标的问题。", "The evaluation found no gap."), class: "muted")
            return
        }
        let rows = candidates(gaps.map { Candidate(key: $0.key, text: $0.text(in: l, standard: standard), schoolCode: $0.schoolCode) },
                              box: "gap", tracked: items.filter { $0.year == year })
        chooser(rows, into: &section, note: l.pick("学校的问题留空责任单位时，由该校负责。", "A school's gap left without an owner is the school's."),
                button: l.pick("将所选问题列入整改台账", "Add the chosen gaps to the ledger"))
    }

    /// The latest adopted version of each plan, its items each with its ledger item or a box to choose it.
    private func adoptedPlans(into section: inout PageContent) {
        let l = language
        section.subheading(l.pick("已采纳的方案", "Adopted plans"))
        guard !plans.isEmpty else {
            section.paragraph(l.pick("尚未采纳方案：在资源配置达标投入方案页面采纳后，方案各项可列入整改台账。",
                                     "No plan adopted yet: adopt the investment plan on its page, and its items may enter the ledger."), class: "muted")
            return
        }
        var rows = ""
        for plan in plans {
            rows += "<h3>\(PageContent.escape("\(l.pick(plan.kind.chineseName, plan.kind.englishName)) · \(l.pick("第 \(plan.version) 版", "version \(plan.version)")) · \(plan.title)（\(plan.adoptedBy)，\(FigureText.time(plan.adoptedAt))）"))</h3>\n"
            rows += candidates(plan.items.map { Candidate(key: plan.ledgerKey(of: $0), text: $0.text, schoolCode: $0.schoolCode) },
                               box: "plan_item", tracked: items)
        }
        chooser(rows, into: &section, note: l.pick("方案中学校的事项留空责任单位时，由该校负责。", "A school's item left without an owner is the school's."),
                button: l.pick("将所选方案事项列入整改台账", "Add the chosen plan items to the ledger"))
    }

    /// A table of `candidates`: a box named `box` to choose each one not yet in the ledger (for
    /// who keeps it), what it is, its school, and its ledger item when `tracked` has it.
    private func candidates(_ candidates: [Candidate], box: String, tracked: [LedgerItem]) -> String {
        let l = language, county = evaluation.countyCode
        let ledger = Dictionary(tracked.compactMap { item in item.gapKey.map { ($0, item) } }) { a, _ in a }
        let header = (csrf == nil ? [] : [l.pick("选择", "Choose")]) + [l.pick("事项", "What"), l.pick("学校", "School"), l.pick("整改台账", "Ledger")]
        var rows = "<div class=\"scroll\"><table>\n<thead><tr>" + header.map { "<th>\(PageContent.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for candidate in candidates {
            let item = ledger[candidate.key]
            rows += "<tr>"
            if csrf != nil {
                let choose = "<input type=\"checkbox\" name=\"\(box)\" value=\"\(PageContent.escape(candidate.key))\" aria-label=\"\(PageContent.escape(candidate.key))\">"
                rows += "<td>\(item == nil ? choose : "")</td>"
            }
            rows += "<td>\(PageContent.escape(candidate.text))</td><td>\(PageContent.escape(candidate.schoolCode ?? ""))</td>"
            if let item {
                let href = "/counties/\(county)/ledger/\(item.id)"
                rows += "<td><a href=\"\(PageContent.escape(href))\">#\(item.id) \(PageContent.escape(l.pick(item.status.chineseName, item.status.englishName)))</a></td>"
            } else {
                rows += "<td>\(PageContent.escape(l.pick("未列入", "not in the ledger")))</td>"
            }
            rows += "</tr>\n"
        }
        return rows + "</tbody>\n</table></div>\n"
    }

    /// `tables` in the form putting the chosen candidates in the ledger, for who keeps it; as they are for others.
    private func chooser(_ tables: String, into section: inout PageContent, note: String, button: String) {
        guard let csrf else {
            section.append(tables)
            return
        }
        let l = language
        section.form(action: "/counties/\(evaluation.countyCode)/ledger?year=\(evaluation.year)", csrf: csrf) { form in
            form.append(tables)
            form.note(note)
            Self.ownerAndDue(&form, language: l, ownerRequired: false)
            form.buttons([(button, nil, nil)])
        }
    }

    /// The owner (责任单位/责任人) and due date (完成时限) inputs.
    static func ownerAndDue(_ form: inout PageContent.Form, language l: Language, ownerRequired: Bool = true) {
        form.input("text", name: "owner", label: l.pick("责任单位/责任人", "Owner (unit and person)"),
                   attributes: ["required": ownerRequired ? "required" : nil, "maxlength": "100"])
        form.input("date", name: "due", label: l.pick("完成时限", "Due"), attributes: ["required": "required"])
    }
}
