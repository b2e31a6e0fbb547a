import Domain
import Foundation
import Reports
import Storage
import UseCases

/// The audit page (操作记录): the filter form (county, school, year), a pager, and the
/// entries newest first — who, when, what, where, the field and its old and new value — as a
/// ``ReportTable`` rendered by ``HTMLRenderer``.
struct AuditTrailPage {
    /// The page of entries shown, and the filter that chose them.
    let entries: AuditPage, filter: Filter
    /// The counties the viewer may pick from.
    let counties: [CountySummary]
    /// The standard that names the county facts, and the page's language.
    let standard: Standard, language: Language

    /// Entries per page.
    static let pageSize = 50

    /// The filter as asked: county, school, year, and the page (from 1).
    struct Filter {
        var county, school: String?
        var year: Int?
        var page: Int
    }

    /// The page's title.
    var heading: String { Self.title(in: language) }

    /// 操作记录: the page's title, also its link in the site's navigation.
    static func title(in l: Language) -> String { l.pick("操作记录", "Audit trail") }

    /// The page's content.
    var html: String {
        let l = language
        var page = PageContent()
        page.heading(heading)
        page.paragraph(l.pick("记录每一次数据修改、导入、年度锁定与单位成本修改、居住片区更新：操作人、时间、原值与新值。记录只能查看，不能修改或删除。",
                              "Every change, import and lock of the data, every unit cost changed and every update of the residential blocks: who, when, the old and the new value. The trail is read-only."),
                       class: "muted")
        page.form(action: "/audit", method: "get", stacked: false) { form in
            let options = counties.map { county in (county.code, county.title) }
            form.select(name: "county", label: Term.county.name(in: l), options: [("", l.pick("全部", "All"))] + options, selected: filter.county)
            form.input("text", name: "school", label: l.pick("学校标识码", "School code"), attributes: ["value": filter.school ?? ""])
            form.input("text", name: "year", label: Term.year.name(in: l),
                       attributes: ["value": filter.year.map(String.init) ?? "", "inputmode": "numeric", "size": "6"])
            form.buttons([(l.pick("筛选", "Filter"), nil, nil)])
        }
        page.section("entries") { section in
            let pages = max(1, (entries.total + Self.pageSize - 1) / Self.pageSize), current = filter.page
            section.pager(
                l.pick("共 \(entries.total) 条，第 \(current) / \(pages) 页", "\(entries.total) entries, page \(current) of \(pages)"),
                previous: current > 1 ? (Term.previousPage.name(in: l), Self.href(filter: filter, page: min(current - 1, pages))) : nil,
                next: current < pages ? (Term.nextPage.name(in: l), Self.href(filter: filter, page: current + 1)) : nil)
            if entries.entries.isEmpty {
                section.paragraph(l.pick("没有符合条件的记录。", "No entries match."), class: "muted")
            } else {
                section.append(HTMLRenderer(language: l) { SiteAddress.of($0) }.table(table))
            }
        }
        return page.text
    }

    /// The entries: time, account, action, county, year, school (linking to its year's page),
    /// field, old value, new value, note.
    var table: ReportTable {
        let l = language
        let columns = [
            Term("at", "时间", "Time"), Term("account", "账号", "Account"), Term("action", "操作", "Action"), Term("county_code", "县区", "County"),
            .year, Term("school_code", "学校", "School"), .field, .oldValue, .newValue, Term("note", "备注", "Note"),
        ]
        var table = ReportTable(name: heading, columns: [ReportColumn](columns, l))
        let time = Self.timeFormatter()
        for entry in entries.entries {
            table.append([
                .text(time.string(from: entry.at)), .text(entry.accountName),
                .term(entry.action.name(in: l), key: entry.action.rawValue), .code(entry.countyCode), .count(entry.year),
                entry.schoolCode.map { .link($0, to: .schoolYear(code: $0, county: entry.countyCode, year: entry.year)) } ?? .empty,
                entry.field.map { .term(Self.fieldName($0, standard: standard, language: l), key: $0) } ?? .empty,
                .text(Self.valueText(entry.oldValue, of: entry, language: l)), .text(Self.valueText(entry.newValue, of: entry, language: l)),
                .text(entry.note ?? ""),
            ])
        }
        return table
    }

    /// A field's name: the school field's Chinese name (its key in English), the county
    /// fact's title, a unit cost's resource and place (`教学及辅助用房面积（乡村）`), a block's
    /// value (``zoneFieldName(_:in:)``), or the
    /// key itself when none knows it.
    static func fieldName(_ key: String, standard: Standard, language l: Language) -> String {
        if let field = SchoolField(key: key) { return l.pick(field.chineseName, field.key) }
        if let price = UnitCostChange.key(ofField: key) { return UnitCostInput.name(of: price, in: l) }
        if let setting = PurchaseSettingChange.key(ofField: key) { return UnitCostInput.name(of: setting, in: l) }
        if let zone = ZoneAuditField(text: key) { return zoneFieldName(zone, in: l) }
        if let fact = standard.fact(key) { return fact.name(in: l) }
        return key
    }

    /// A zoning-data field's name: `居住片区 B001`, `小学适龄儿童数（片区 B001）`, `居住片区数`, `测量距离数`.
    static func zoneFieldName(_ field: ZoneAuditField, in l: Language) -> String {
        switch field {
        case .blockCount: l.pick("居住片区数", "Residential blocks")
        case .distanceCount: l.pick("测量距离数", "Measured distances")
        case .block(let id): l.pick("居住片区 \(id)", "Block \(id)")
        case let .blockColumn(column, id): l.pick("\(column.chineseName)（片区 \(id)）", "\(column.englishName) (block \(id))")
        }
    }

    /// A recorded value as people read it: yes/no answers (county facts, flags such as
    /// 是否寄宿制) in the page's language; everything else in the trail's canonical text.
    static func valueText(_ value: String?, of entry: AuditEntry, language l: Language) -> String {
        guard let value else { return "" }
        let isAnswer = entry.action == .factChange || entry.field.flatMap(SchoolField.init(key:))?.valueKind == .flag
        guard isAnswer else { return value }
        switch value {
        case "yes", "true": return l.pick("是", "yes")
        case "no", "false": return l.pick("否", "no")
        default: return value
        }
    }

    /// The page's address with the filter kept.
    static func href(filter: Filter, page: Int) -> String {
        var items: [String] = []
        if let county = filter.county { items.append("county=\(SiteAddress.segment(county))") }
        if let school = filter.school { items.append("school=\(SiteAddress.segment(school))") }
        if let year = filter.year { items.append("year=\(year)") }
        items.append("page=\(page)")
        return "/audit?" + items.joined(separator: "&")
    }

    /// Times as the bureau reads them: Beijing time, `yyyy-MM-dd HH:mm:ss`.
    static func timeFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter
    }
}
