import Domain
import Foundation
import Storage

/// The audit page's view model: a filter form, the entries newest first, and a pager.
struct AuditTrailPage {
    struct Option { var value: String; var label: String; var selected: Bool }
    struct Row {
        var time, account, action, county, year: String
        var school: String?
        var schoolHref: String?
        var field, oldValue, newValue, note: String
    }
    struct Pager {
        var summary: String
        var previousHref: String?
        var previousLabel: String
        var nextHref: String?
        var nextLabel: String
    }

    /// Entries per page.
    static let pageSize = 50

    var heading, intro: String
    var countyLabel, allLabel, schoolLabel, yearLabel, filterLabel: String
    var countyOptions: [Option]
    var school, year: String
    var headers: [String]
    var rows: [Row]
    /// Whether there is a row (Mustache cannot ask an array for its count).
    var hasRows: Bool
    var emptyText: String
    var pager: Pager

    /// The filter as asked; `counties` are the counties the viewer may pick from.
    struct Filter {
        var county: String?
        var school: String?
        var year: Int?
        var page: Int
    }

    init(entries: AuditPage, filter: Filter, counties: [CountySummary], standard: Standard, language l: Language) {
        heading = l.pick("操作记录", "Audit trail")
        intro = l.pick("记录每一次数据修改、导入与年度锁定：操作人、时间、原值与新值。记录只能查看，不能修改或删除。",
                       "Every change, import and lock of the data: who, when, the old and the new value. The trail is read-only.")
        countyLabel = l.pick("县区", "County")
        allLabel = l.pick("全部", "All")
        schoolLabel = l.pick("学校标识码", "School code")
        yearLabel = l.pick("年度", "Year")
        filterLabel = l.pick("筛选", "Filter")
        countyOptions = counties.map { summary in
            Option(value: summary.code, label: summary.name.map { "\($0)（\(summary.code)）" } ?? summary.code,
                   selected: summary.code == filter.county)
        }
        school = filter.school ?? ""
        year = filter.year.map(String.init) ?? ""
        headers = [
            l.pick("时间", "Time"), l.pick("账号", "Account"), l.pick("操作", "Action"), l.pick("县区", "County"),
            l.pick("年度", "Year"), l.pick("学校", "School"), l.pick("字段", "Field"), l.pick("原值", "Old value"),
            l.pick("新值", "New value"), l.pick("备注", "Note"),
        ]
        let time = Self.timeFormatter()
        rows = entries.entries.map { entry in
            Row(
                time: time.string(from: entry.at),
                account: entry.accountName,
                action: entry.action.name(in: l),
                county: entry.countyCode,
                year: String(entry.year),
                school: entry.schoolCode,
                schoolHref: entry.schoolCode.map { "/counties/\(entry.countyCode)/schools/\(Self.pathSegment($0))?year=\(entry.year)" },
                field: entry.field.map { Self.fieldName($0, standard: standard, language: l) } ?? "",
                oldValue: Self.valueText(entry.oldValue, of: entry, language: l),
                newValue: Self.valueText(entry.newValue, of: entry, language: l),
                note: entry.note ?? ""
            )
        }
        hasRows = !rows.isEmpty
        emptyText = l.pick("没有符合条件的记录。", "No entries match.")
        let pages = max(1, (entries.total + Self.pageSize - 1) / Self.pageSize)
        func href(_ page: Int) -> String { Self.href(filter: filter, page: page) }
        pager = Pager(
            summary: l.pick("共 \(entries.total) 条，第 \(filter.page) / \(pages) 页", "\(entries.total) entries, page \(filter.page) of \(pages)"),
            previousHref: filter.page > 1 ? href(min(filter.page - 1, pages)) : nil,
            previousLabel: l.pick("上一页", "Previous"),
            nextHref: filter.page < pages ? href(filter.page + 1) : nil,
            nextLabel: l.pick("下一页", "Next")
        )
    }

    /// A field's name: the school field's Chinese name (its key in English), or the county
    /// fact's title, or the key itself when neither knows it.
    static func fieldName(_ key: String, standard: Standard, language l: Language) -> String {
        if let field = SchoolField(key: key) { return l.pick(field.chineseName, field.key) }
        if let fact = standard.fact(key) { return fact.name(in: l) }
        return key
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
        if let county = filter.county { items.append("county=\(county)") }
        if let school = filter.school { items.append("school=\(pathSegment(school))") }
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

    private static func pathSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
