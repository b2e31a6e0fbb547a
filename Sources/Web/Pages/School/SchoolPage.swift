import Domain
import Interchange
import Storage
import UseCases

/// The school page's view model: the school's units against the thresholds in the year
/// shown, its history, and — for those who may edit an open year — the edit form.
struct SchoolPage {
    var heading: String
    var countyHref: String?
    var countyLabel: String
    var info: String
    var yearLabel: String
    var years: [PageListing.Link]
    var unitsHeading: String
    var units: [SchoolUnitBlock]
    var exclusion: String?
    var history: SchoolHistoryTable
    var lockText: String?
    var form: SchoolEditForm?

    /// - Parameter form: the edit form, when the viewer may edit and the year is open.
    init(row: SchoolYear, history: [SchoolYear], evaluation: CountyEvaluation, viewer: Viewer,
         form: SchoolEditForm?, standard: Standard, language l: Language) {
        heading = "\(row.schoolName)（\(row.schoolCode)）· " + l.pick("\(row.year) 年度", "\(row.year)")
        countyHref = viewer.account.may(.readCounty(row.countyCode)) ? "/counties/\(row.countyCode)?year=\(row.year)" : nil
        countyLabel = l.pick("返回县域概况：", "County overview: ") + evaluation.title
        info = [
            l.pick(row.type.chineseName, row.type.rawValue), row.locality.name(in: l),
            l.pick(row.ownership.chineseName, row.ownership.rawValue), evaluation.title,
        ].joined(separator: " · ")
        yearLabel = l.pick("年度：", "Year: ")
        years = history.map {
            PageListing.Link(href: "/counties/\(row.countyCode)/schools/\(row.schoolCode)?year=\($0.year)",
                             label: String($0.year), current: $0.year == row.year)
        }
        unitsHeading = l.pick("各项指标与达标值", "Values against the thresholds")
        units = evaluation.result.units.filter { $0.unit.schoolCode == row.schoolCode }
            .map { SchoolUnitBlock(unit: $0, standard: standard, language: l) }
        exclusion = evaluation.result.excluded.first { $0.schoolCode == row.schoolCode }
            .map { l.pick("本校未单独纳入资源配置评估：", "Not evaluated as a unit of its own: ") + $0.reason.text(in: l) }
        self.history = SchoolHistoryTable(history: history, shown: row.year, language: l)
        lockText = evaluation.lock.map { lock in
            l.pick("🔒 \(row.year) 年度数据已锁定（\(lock.lockedBy)，\(FigureText.time(lock.lockedAt))），不能修改。",
                   "🔒 \(row.year) is locked (by \(lock.lockedBy), \(FigureText.time(lock.lockedAt))); it cannot be edited.")
        }
        self.form = form
    }

    /// The notice after a save (`?saved=N`).
    static func notice(saved: String?, language l: Language) -> String? {
        guard let saved, let count = Int(saved), count >= 0 else { return nil }
        return count == 0 ? l.pick("没有修改。", "Nothing changed.") : l.pick("已保存 \(count) 项修改", "Saved \(count) changes")
    }
}
