import Domain
import Interchange
import Reports
import Storage
import UseCases

/// The unit-cost page (单位成本) of a county: the prices its investment plan is costed at —
/// the built-in defaults beside the county's own prices, county-wide and by 城乡类型, as a
/// ``ReportTable`` — and, for whoever may set them (``Storage/Permission/setUnitCosts(county:)``),
/// the form that edits them, shown back with every refused value after a refusal.
struct CostsPage {
    let county: CountySummary
    /// The year the page was reached from: its year line and links keep it.
    let year: Int
    /// The county's own prices, as stored.
    let prices: [UnitCostPrice]
    /// The form, when the viewer may set the prices.
    let edit: Edit?
    let language: Language

    /// The forms' state: the CSRF token, and after a refusal what was typed and what is
    /// wrong, or why the costs file was refused (the sentence and every problem).
    struct Edit {
        var csrf: String
        var typed: [UnitCostPrice.Key: String]? = nil
        var problems: [UnitCostInput.Problem] = []
        var fileRefusal: (message: String, problems: [RowError])? = nil
    }

    /// The form field of a price: `cost.teaching_area` (county-wide), `cost.teaching_area.rural`.
    static func fieldName(_ key: UnitCostPrice.Key) -> String {
        "cost.\(key.resource.rawValue)" + (key.locality.map { ".\($0.rawValue)" } ?? "")
    }

    /// The key a form field names; `nil` for the other fields (`csrf`, `year`).
    static func key(ofField name: String) -> UnitCostPrice.Key? {
        UnitCostPrice.Key.all.first { fieldName($0) == name }
    }

    /// The page's title.
    var heading: String {
        let title = county.name.map { "\($0)（\(county.code)）" } ?? county.code
        return language.pick("\(title) · 单位成本", "\(title) · unit costs")
    }

    /// The notice after a save (`?saved=N`, the number of prices changed).
    static func notice(saved: String?, language l: Language) -> String? {
        guard let saved, let count = Int(saved), count >= 0 else { return nil }
        return count == 0 ? l.pick("单价没有变化。", "No price changed.")
            : l.pick("已保存 \(count) 项单价的修改，已记入操作记录。", "\(count) price(s) changed and recorded in the audit trail.")
    }

    /// The page's content.
    var html: String {
        let l = language, code = county.code
        var page = PageContent()
        page.heading(heading)
        page.paragraph(l.pick(
            "本县的资源配置达标投入方案（页面、工作簿和接口）按这里的单价测算：按城乡类型填写的单价优先于全县单价，未填写的用内置默认值（规划估算，非官方标准）。每次修改记入操作记录。",
            "The county's investment plan (page, workbook and API) is costed at these prices: a price for a locality comes before the county-wide one, and a price not set is the built-in default (a planning estimate, not an official figure). Every change is recorded in the audit trail."),
            class: "muted")
        page.years(in: l, county.years, current: year, href: { "/counties/\(code)/costs?year=\($0)" },
                   extra: CountyLink.others(than: .costs, county: code, year: year, language: l))
        page.section("prices") { section in
            section.subheading(l.pick("现行单价", "Prices in use"))
            section.paragraph(prices.isEmpty
                ? l.pick("本县未自定单价：方案按默认单价测算。", "The county has set no price: plans use the defaults.")
                : l.pick("本县自定 \(prices.count) 项单价，其余按默认单价。", "The county has set \(prices.count) price(s); the rest are the defaults."))
            section.append(HTMLRenderer(language: l).table(table))
        }
        if let edit {
            page.section("edit") { section in
                section.subheading(l.pick("修改单价", "Change the prices"))
                if !edit.problems.isEmpty {
                    section.error(l.pick("以下单价未能保存，请修改后重新提交（其余单价也未保存）：", "These prices were refused; correct them and save again (nothing was saved):"),
                                  items: edit.problems.map { $0.message(in: l) })
                }
                section.append(form(edit))
            }
            page.section("import") { section in
                section.subheading(l.pick("从单位成本文件导入", "Import a costs file"))
                if let refusal = edit.fileRefusal {
                    section.error(refusal.message)
                    if !refusal.problems.isEmpty { section.append(HTMLRenderer(language: l).table(.problems(refusal.problems, in: l))) }
                }
                section.append(importForm(edit))
            }
        }
        return page.text
    }

    /// The import form: a costs file (the `--costs` file of `junheng plan invest`) whose rows
    /// become the county's prices.
    private func importForm(_ edit: Edit) -> String {
        let l = language
        var page = PageContent()
        page.form(action: "/counties/\(county.code)/costs/import", multipart: true, csrf: edit.csrf) { form in
            form.hidden("year", String(year))
            form.input("file", name: "costs", label: l.pick("单位成本文件（costs）", "Costs file"),
                       attributes: ["accept": PageContent.Form.spreadsheetTypes])
            form.note(l.pick(
                "CSV（UTF-8 或 GB18030）或 .xlsx，与 junheng plan invest --costs 的文件相同：项目、单位、单价、城乡类型（可空）。导入后本县单价即为文件所列，未列出的项目用默认值。",
                "CSV (UTF-8 or GB18030) or .xlsx, the file of junheng plan invest --costs: item, unit, unit_cost, locality (may be blank). The county's prices become the file's; items it does not list take the defaults."))
            form.sheetInput(in: l)
            form.buttons([(l.pick("导入单价", "Import the prices"), nil, nil)])
        }
        return page.text
    }

    /// The prices in use: each resource, its unit, the default, and the county's own prices
    /// county-wide and by locality (blank where it set none).
    var table: ReportTable {
        let l = language
        let own = Dictionary(prices.map { ($0.key, $0.yuan) }, uniquingKeysWith: { _, later in later })
        var table = ReportTable(name: l.pick("单位成本", "Unit costs"), columns: Self.columns(l).map { ReportColumn($0.key, $0.header) })
        for resource in Resource.allCases {
            let places: [Locality?] = [nil] + Locality.allCases.map(Optional.some)
            let named: [ReportCell] = [.term(resource.name(in: l), key: resource.rawValue), .text(resource.unit),
                                       .yuan(UnitCosts.defaults.cost(of: resource, in: .urban))]
            let set: [ReportCell] = places.map { place in
                own[UnitCostPrice.Key(resource: resource, locality: place)].map { ReportCell.yuan($0) } ?? .empty
            }
            table.append(named + set)
        }
        return table
    }

    /// The columns of the table and the form: item, unit, default, county-wide, 城区, 镇区, 乡村.
    static func columns(_ l: Language) -> [(key: String, header: String)] {
        [("item", l.pick("项目", "Item")), ("unit", l.pick("单位", "Unit")), ("default", l.pick("默认单价（元）", "Default (yuan)")),
         ("county", l.pick("本县·全县（元）", "County-wide (yuan)"))]
            + Locality.allCases.map { ($0.rawValue, l.pick("本县·\($0.chineseName)（元）", "\($0.rawValue.capitalized) (yuan)")) }
    }

    /// The form: a row per resource with its unit and default, and a field per price.
    private func form(_ edit: Edit) -> String {
        let l = language
        let own = Dictionary(prices.map { ($0.key, $0.yuan) }, uniquingKeysWith: { _, later in later })
        let invalid = Set(edit.problems.map(\.key))
        var page = PageContent()
        page.form(action: "/counties/\(county.code)/costs", csrf: edit.csrf) { form in
            form.hidden("year", String(year))
            let rows: [(label: String, facts: [String], fields: [PageContent.Form.Field])] = Resource.allCases.map { resource in
                let fields = UnitCostPrice.Key.all.filter { $0.resource == resource }.map { key in
                    PageContent.Form.Field(
                        name: Self.fieldName(key), label: UnitCostInput.name(of: key, in: l),
                        value: edit.typed.map { $0[key] ?? "" } ?? own[key].map(Decimals.compact) ?? "",
                        hint: key.locality == nil ? Decimals.compact(UnitCosts.defaults.cost(of: resource, in: .urban)) : l.pick("同全县", "county-wide"),
                        invalid: invalid.contains(key))
                }
                return (label: resource.name(in: l), facts: [resource.unit, Decimals.grouped(UnitCosts.defaults.cost(of: resource, in: .urban), places: 0)],
                        fields: fields)
            }
            form.fieldGrid(header: Self.columns(l).map(\.header), rows: rows)
            form.note(l.pick(
                "单价以元计，不小于 0，可写 3500、3,500 或 0.35万；留空即用默认值（城乡类型留空则用全县单价）。",
                "Prices in yuan, not below 0: 3500, 3,500 or 0.35万; leave a field blank for the default (a locality's blank field takes the county-wide price)."))
            form.buttons([(l.pick("保存单价", "Save the prices"), nil, nil)])
        }
        return page.text
    }
}
