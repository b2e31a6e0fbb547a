import Domain
import Interchange
import Reports
import Storage
import UseCases

/// The unit-cost page (单位成本) of a county: the prices its investment plan is costed at —
/// the built-in defaults beside the county's own prices, county-wide and by 城乡类型, as a
/// ``ReportTable``, with each item's purchase unit (购置单位) and yearly capacity (每年限额) —
/// and, for whoever may set them (``Storage/Permission/setUnitCosts(county:)``),
/// the form that edits them, shown back with every refused value after a refusal.
struct CostsPage {
    let county: CountySummary
    /// The year the page was reached from: its year line and links keep it.
    let year: Int
    /// The county's own prices, as stored.
    let prices: [UnitCostPrice]
    /// The county's own purchase units and yearly capacities, as stored.
    var settings: [PurchaseSetting] = []
    /// The form, when the viewer may set the prices.
    let edit: Edit?
    let language: Language

    /// The forms' state: the CSRF token, and after a refusal what was typed and what is
    /// wrong, or why the costs file was refused (the sentence and every problem).
    struct Edit {
        var csrf: String
        var typed: [UnitCostPrice.Key: String]? = nil
        /// The settings as typed, with `typed`.
        var typedSettings: [PurchaseSetting.Key: String] = [:]
        var problems: [UnitCostInput.Problem] = []
        var settingProblems: [UnitCostInput.SettingProblem] = []
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

    /// The form field of a setting: `purchase_unit.teaching_area`, `yearly_capacity.teachers`.
    static func fieldName(_ key: PurchaseSetting.Key) -> String { "\(key.kind.rawValue).\(key.resource.rawValue)" }

    /// The setting a form field names; `nil` for the other fields.
    static func settingKey(ofField name: String) -> PurchaseSetting.Key? {
        PurchaseSetting.Key.all.first { fieldName($0) == name }
    }

    /// The page's title.
    var heading: String {
        let title = county.title
        return language.pick("\(title) · 单位成本", "\(title) · unit costs")
    }

    /// The notice after a save (`?saved=N`, the number of prices changed).
    static func notice(saved: String?, language l: Language) -> String? {
        guard let saved, let count = Int(saved), count >= 0 else { return nil }
        return count == 0 ? l.pick("单价和购置设置没有变化。", "No price or purchase setting changed.")
            : l.pick("已保存 \(count) 项单价或购置设置的修改，已记入操作记录。", "\(count) price(s) or purchase setting(s) changed and recorded in the audit trail.")
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
            if !settings.isEmpty {
                section.paragraph(l.pick("本县自定 \(settings.count) 项购置单位或每年限额，其余按默认购置单位、不限年度数量。",
                                         "The county has set \(settings.count) purchase unit(s) or yearly capacity(ies); the rest are the default purchase units, without a yearly limit."))
            }
            section.append(HTMLRenderer(language: l).table(table))
        }
        if let edit {
            page.section("edit") { section in
                section.subheading(l.pick("修改单价", "Change the prices"))
                if !edit.problems.isEmpty || !edit.settingProblems.isEmpty {
                    section.error(l.pick("以下单价或购置设置未能保存，请修改后重新提交（其余也未保存）：",
                                         "These prices or purchase settings were refused; correct them and save again (nothing was saved):"),
                                  items: edit.problems.map { $0.message(in: l) } + edit.settingProblems.map { $0.message(in: l) })
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
                "CSV（UTF-8 或 GB18030）或 .xlsx，与 junheng plan invest --costs 的文件相同：项目、单位、单价、城乡类型（可空），可加购置单位、每年限额。导入后本县单价、购置单位和每年限额即为文件所列：文件未列出的单价用默认值，文件中留空的购置单位用默认值、每年限额为不限（原先在本页填写的一并清除），使网页方案与命令行按同一文件测算的方案相同。",
                "CSV (UTF-8 or GB18030) or .xlsx, the file of junheng plan invest --costs: item, unit, unit_cost, locality (may be blank), optionally purchase_unit and yearly_capacity. The county's prices, purchase units and yearly capacities become the file's: a price it does not list takes the default, a purchase unit it leaves blank the default, a yearly capacity it leaves blank no limit (what was set on this page is cleared), so that the web plan equals the command line's on the same file."))
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
        let ownSettings = self.ownSettings
        var table = ReportTable(name: l.pick("单位成本", "Unit costs"), columns: Self.columns(l).map { ReportColumn($0.key, $0.header) })
        for resource in Resource.allCases {
            let places: [Locality?] = [nil] + Locality.allCases.map(Optional.some)
            let named: [ReportCell] = [.term(resource.name(in: l), key: resource.rawValue), .text(resource.unit),
                                       .yuan(UnitCosts.defaults.cost(of: resource, in: .urban))]
            let set: [ReportCell] = places.map { place in
                own[UnitCostPrice.Key(resource: resource, locality: place)].map { ReportCell.yuan($0) } ?? .empty
            }
            let limits: [ReportCell] = PurchaseSetting.Kind.allCases.map { kind in
                ownSettings[PurchaseSetting.Key(resource: resource, kind: kind)].map { ReportCell.text(Decimals.compact($0)) } ?? .empty
            }
            table.append(named + set + limits)
        }
        return table
    }

    /// The columns of the table and the form: item, unit, default, county-wide, 城区, 镇区, 乡村,
    /// purchase unit, yearly capacity (both in the item's unit).
    static func columns(_ l: Language) -> [(key: String, header: String)] {
        [("item", l.pick("项目", "Item")), ("unit", l.pick("单位", "Unit")), ("default", l.pick("默认单价（元）", "Default (yuan)")),
         ("county", l.pick("本县·全县（元）", "County-wide (yuan)"))]
            + Locality.allCases.map { ($0.rawValue, l.pick("本县·\($0.chineseName)（元）", "\($0.rawValue.capitalized) (yuan)")) }
            + [(PurchaseSetting.Kind.purchaseUnit.rawValue, l.pick("购置单位", "Purchase unit")),
               (PurchaseSetting.Kind.yearlyCapacity.rawValue, l.pick("每年限额", "Yearly capacity"))]
    }

    /// The county's settings by key.
    private var ownSettings: [PurchaseSetting.Key: Double] {
        Dictionary(settings.map { ($0.key, $0.amount) }, uniquingKeysWith: { _, later in later })
    }

    /// The form: a row per resource with its unit and default, and a field per price.
    private func form(_ edit: Edit) -> String {
        let l = language
        let own = Dictionary(prices.map { ($0.key, $0.yuan) }, uniquingKeysWith: { _, later in later })
        let invalid = Set(edit.problems.map(\.key)), invalidSettings = Set(edit.settingProblems.map(\.key))
        let ownSettings = self.ownSettings
        var page = PageContent()
        page.form(action: "/counties/\(county.code)/costs", csrf: edit.csrf) { form in
            form.hidden("year", String(year))
            let rows: [(label: String, facts: [String], fields: [PageContent.Form.Field])] = Resource.allCases.map { resource in
                let prices: [PageContent.Form.Field] = UnitCostPrice.Key.all.filter { $0.resource == resource }.map { key in
                    PageContent.Form.Field(
                        name: Self.fieldName(key), label: UnitCostInput.name(of: key, in: l),
                        value: edit.typed.map { $0[key] ?? "" } ?? own[key].map(Decimals.compact) ?? "",
                        hint: key.locality == nil ? Decimals.compact(UnitCosts.defaults.cost(of: resource, in: .urban)) : l.pick("同全县", "county-wide"),
                        invalid: invalid.contains(key))
                }
                let settings: [PageContent.Form.Field] = PurchaseSetting.Kind.allCases.map { kind in
                    let key = PurchaseSetting.Key(resource: resource, kind: kind)
                    return PageContent.Form.Field(
                        name: Self.fieldName(key), label: UnitCostInput.name(of: key, in: l),
                        value: edit.typed != nil ? edit.typedSettings[key] ?? "" : ownSettings[key].map(Decimals.compact) ?? "",
                        hint: kind == .purchaseUnit ? Decimals.compact(UnitCosts.defaultPurchaseUnit(of: resource)) : l.pick("不限", "no limit"),
                        invalid: invalidSettings.contains(key))
                }
                return (label: resource.name(in: l), facts: [resource.unit, Decimals.grouped(UnitCosts.defaults.cost(of: resource, in: .urban), places: 0)],
                        fields: prices + settings)
            }
            form.fieldGrid(header: Self.columns(l).map(\.header), rows: rows)
            form.note(l.pick(
                "单价以元计，不小于 0，可写 3500、3,500 或 0.35万；留空即用默认值（城乡类型留空则用全县单价）。",
                "Prices in yuan, not below 0: 3500, 3,500 or 0.35万; leave a field blank for the default (a locality's blank field takes the county-wide price)."))
            form.note(l.pick(
                "购置单位：每次购置的最小数量（以该项目的单位计，全县同一），方案的每项新增都是它的整数倍；须大于 0、不超过 1亿，教室、教师、计算机、图书须为整数；留空用默认值（教学仪器设备 100 元，其余 1）。每年限额：全县一年最多新增的数量（如骨干教师培养人数、编办核定的新增编制），年度安排遵守它；不小于 0（0 即当年不能新增），不超过 1亿，按整数增加的项目须为整数；留空为不限。",
                "Purchase unit: the step an item is bought in (in its unit, county-wide); every addition of the plan is a whole multiple of it; above 0, at most 100 million, whole for rooms, teachers, computers and books; blank for the default (100 yuan of equipment, 1 of everything else). Yearly capacity: the most of the item the county adds in one year (backbone teachers trained, posts granted); the yearly schedule keeps it; 0 or more (0: none may be added), at most 100 million, whole for items added whole; blank for no limit."))
            form.buttons([(l.pick("保存单价", "Save the prices"), nil, nil)])
        }
        return page.text
    }
}
