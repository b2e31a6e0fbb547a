import Domain
import Foundation
import Reports
import Storage

/// The ledger's items as one table — the page's list, the overdue boards and the XLSX export
/// (整改台账) read the same columns: number, county, year, school, what, owner, due date,
/// status, overdue, evidence files, and what the data now say.
struct LedgerTable {
    let items: [LedgerItem]
    /// The day overdue is judged on (Beijing).
    let today: CalendarDate
    /// The keys of the gaps each year's evaluation still finds, by county and year; an item
    /// whose gap is not among them is suggested for verification.
    let openGaps: [CountyYearKey: Set<String>]
    let language: Language

    struct CountyYearKey: Hashable {
        var county: String
        var year: Int
    }

    /// Whether the data show the item's gap closed (数据显示已达标).
    func gapClosed(_ item: LedgerItem) -> Bool {
        // An item of an adopted plan (`plan:…`) has no gap for the evaluation to close.
        guard let key = item.gapKey, !key.hasPrefix("plan:"), item.status != .verified,
              let open = openGaps[CountyYearKey(county: item.countyCode, year: item.year)] else { return false }
        return !open.contains(key)
    }

    func table(name: String, linked: Bool) -> ReportTable {
        let l = language
        let columns = [
            Term("id", "编号", "No."), Term("county_code", "县区", "County"), .year, Term("school_code", "学校", "School"),
            Term("title", "整改事项", "What"), Term("owner", "责任单位/责任人", "Owner"), Term("due", "完成时限", "Due"),
            Term("status", "状态", "Status"), Term("overdue", "逾期", "Overdue"), Term("evidence", "佐证材料", "Evidence"),
            Term("data", "数据核对", "Data check"),
        ]
        var table = ReportTable(name: name, columns: [ReportColumn](columns, l))
        for item in items {
            let number = "#\(item.id)"
            let overdue = item.isOverdue(on: today)
            table.append([
                linked ? .link(number, to: .ledgerItem(county: item.countyCode, id: item.id)) : .text(number),
                .code(item.countyCode), .count(item.year), item.schoolCode.map { .code($0) } ?? .empty,
                .text(item.title), .text(item.owner), .text(item.due.text),
                .verdict(l.pick(item.status.chineseName, item.status.englishName), key: item.status.rawValue,
                         passes: item.status == .verified ? true : overdue ? false : nil),
                overdue ? .verdict(l.pick("逾期", "overdue"), key: "overdue", passes: false) : .empty,
                .count(item.evidence.count),
                gapClosed(item) ? .text(l.pick("数据显示已达标，建议核验销号", "The data show it met: verify and close")) : .empty,
            ])
        }
        return table
    }
}
