import Domain
import Interchange
import Reports
import Storage
import UseCases

/// The county items of a year (县级指标): every item of the standard with its rule, the value
/// the evaluation used, its result, evidence and source (``EvaluationReport/itemsSection(_:)``),
/// and — for the county's planner while the year is open — the form recording each item's
/// value and evidence. An item the data decide shows its computed value beside the form; the
/// typed value is its fallback.
struct ItemsPage {
    /// The form's state.
    struct Form {
        var csrf: String
        /// What a refused submission typed, by item.
        var typed: [String: FactsEdit.Typed]?
        /// Why it was refused.
        var errors: [RowError] = []
    }

    let evaluation: CountyEvaluation
    /// The typed (recorded) facts of the year, by item.
    let recorded: [String: CountyFact]
    let standard: Standard
    let form: Form?
    let language: Language

    var heading: String {
        language.pick("\(evaluation.title) · 县级指标", "\(evaluation.title) · County items")
    }

    var html: String {
        let l = language, county = evaluation.countyCode, year = evaluation.year
        var page = PageContent()
        page.heading(heading)
        page.years(in: l, evaluation.years, current: year, href: { CountyLink.items.href(county: county, year: $0) },
                   extra: CountyLink.others(than: .items, county: county, year: year, language: l))
        let report = EvaluationReport(standard: standard, language: l)
        if let section = report.itemsSection(evaluation.result) {
            page.append(HTMLRenderer(language: l, county: county, year: year).section(section))
        } else {
            page.paragraph(l.pick("所选标准没有县级指标。", "The standard has no county items."), class: "muted")
        }
        if let form { page.section("record") { self.form(form, into: &$0) } }
        return page.text
    }

    private func form(_ form: Form, into page: inout PageContent) {
        let l = language, county = evaluation.countyCode, year = evaluation.year
        page.subheading(l.pick("填报县级指标", "Record the county items"))
        if !form.errors.isEmpty {
            let items = FactsEdit(standard: standard, language: l).rowItems(form.typed ?? [:])
            page.error(l.pick("未保存，请改正以下错误：", "Not saved; please correct:"), items: form.errors.map { error in
                let item = items.indices.contains(error.row - 2) ? items[error.row - 2] : ""
                let name = standard.fact(item)?.name(in: l) ?? item
                return [name, error.column, error.message].filter { !$0.isEmpty }.joined(separator: l.pick("：", ": "))
            })
        }
        page.paragraph(l.pick(
            "是否项填“是”或“否”，比例项填数值（如 95 或 95%）。留空的项目不修改。由数据计算的项目以计算值为准，填报值作为数据不全时的后备。每项修改记入操作记录。",
            "Yes/no items take 是 or 否 (yes/no); compared items a number (95 or 95%). An item left empty is not changed. Where the data compute an item, the computed value is used and the typed one is the fallback. Every change is recorded in the audit trail."),
            class: "muted")
        let computed = Dictionary(evaluation.result.facts.compactMap { result in
            result.fact.flatMap { $0.source == .computed ? (result.rule.key, $0) : nil }
        }) { a, _ in a }
        let rows = standard.facts.map { rule in
            let typed = form.typed?[rule.key]
            let stored = recorded[rule.key]
            let computedText = computed[rule.key].map { ReportCell.factValue($0.value, language: l).shown(in: l) } ?? "—"
            return (label: [rule.item.map(String.init), rule.name(in: l)].compactMap { $0 }.joined(separator: " "),
                    facts: [l.pick(rule.part.chineseName, rule.part.englishName), rule.requirement(in: l), computedText],
                    fields: [
                        PageContent.Form.Field(name: "value-" + rule.key, label: l.pick("\(rule.name) 的填报值", "Value of \(rule.nameEn)"),
                                               value: typed?.value ?? stored.map { Self.text(of: $0.value, language: l) } ?? "",
                                               hint: rule.isBoolean ? l.pick("是/否", "yes/no") : nil),
                        PageContent.Form.Field(name: "evidence-" + rule.key, label: l.pick("\(rule.name) 的佐证材料", "Evidence of \(rule.nameEn)"),
                                               value: typed?.evidence ?? stored?.evidence ?? ""),
                    ])
        }
        page.form(action: "/counties/\(county)/years/\(year)/items", stacked: false, csrf: form.csrf) { fields in
            fields.fieldGrid(header: [l.pick("项目", "Item"), l.pick("类别", "Part"), l.pick("要求", "Rule"), l.pick("计算值", "Computed"),
                                      l.pick("填报值", "Value"), l.pick("佐证材料", "Evidence")], rows: rows)
            fields.buttons([(l.pick("保存", "Save"), nil, nil)])
        }
    }

    /// A recorded value as the form shows it: 是/否 (yes/no), or the number in plain notation.
    static func text(of value: CountyFact.Value, language l: Language) -> String {
        switch value {
        case .yes: l.pick("是", "yes")
        case .no: l.pick("否", "no")
        case .number(let n): FieldValue.decimal(n).text
        }
    }
}
