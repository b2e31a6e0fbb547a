import Domain
import Interchange
import Reports
import Storage
import UseCases

/// The school page: the school's report (``EvaluationReport/school(_:units:exclusion:history:)``: its units against the thresholds in
/// the year shown, its history), the lock when the year is locked, and — for those who may
/// edit an open year — the edit form.
struct SchoolPage {
    /// The edit form's state: what a refused submission typed, and why it was refused.
    struct Edit {
        var csrf: String
        /// Values of a refused submission, shown instead of the stored ones.
        var typed: [SchoolField: String] = [:]
        /// Why it was refused.
        var errors: [RowError] = []
        /// Whether the classification fields (名称, 类型, 城乡类型 …) are offered; a school
        /// clerk sees them on the page but cannot change them.
        var mayClassify = true
        /// The clerk's saved submission, shown instead of the approved row (填报).
        var draft: SchoolYear?
        /// The reviewer's comments by field, shown beside them and marked.
        var comments: [SchoolField: String] = [:]
    }

    let row: SchoolYear
    let history: [SchoolYear]
    let evaluation: CountyEvaluation
    let viewer: Viewer
    /// The edit form, when the viewer may edit and the year is open.
    let edit: Edit?
    let language: Language
    /// The review section (``SubmissionPanel``), empty without a submission.
    let review: String
    /// The school's units and history.
    private let report: Report

    /// The page of `row`, one of the school's `history`, in the county's `evaluation`.
    init(row: SchoolYear, history: [SchoolYear], evaluation: CountyEvaluation, viewer: Viewer, edit: Edit?,
         review: String = "", standard: Standard, language: Language) {
        (self.row, self.history, self.evaluation, self.viewer, self.edit, self.language) = (row, history, evaluation, viewer, edit, language)
        self.review = review
        let code = row.schoolCode
        report = EvaluationReport(standard: standard, language: language).school(
            row, units: evaluation.result.units.filter { $0.unit.schoolCode == code },
            exclusion: evaluation.result.excluded.first { $0.schoolCode == code }, history: history)
    }

    /// The page's title.
    var heading: String { report.title }

    /// The page's content.
    var html: String {
        let l = language, county = row.countyCode, school = row.schoolCode
        var page = PageContent()
        page.heading(report.title)
        page.paragraph([
            l.pick(row.type.chineseName, row.type.rawValue), row.locality.name(in: l),
            l.pick(row.ownership.chineseName, row.ownership.rawValue), evaluation.title,
        ].joined(separator: " · "), class: "muted")
        if viewer.account.may(.readCounty(county)) {
            page.link(l.pick("返回县域概况：", "County overview: ") + evaluation.title, to: "/counties/\(county)?year=\(row.year)")
        }
        page.years(in: l, history.map(\.year), current: row.year,
                   href: { "/counties/\(county)/schools/\(school)?year=\($0)" })
        page.append(HTMLRenderer(language: l, county: county, year: row.year).sections(report))
        if let lock = evaluation.lock {
            page.paragraph(l.pick("🔒 \(row.year) 年度数据已锁定（\(lock.lockedBy)，\(FigureText.time(lock.lockedAt))），不能修改。",
                                  "🔒 \(row.year) is locked (by \(lock.lockedBy), \(FigureText.time(lock.lockedAt))); it cannot be edited."),
                           class: "notice", id: "lock")
        }
        page.append(review)
        if let edit { page.section("edit") { form(edit, into: &$0) } }
        return page.text
    }

    /// The edit form of the year: every field but the identity (年度, 县区代码, 学校标识码),
    /// labelled with its Chinese name in Chinese and its key in English, prefilled with the
    /// stored value as canonical text — or, after a refused submission, with what was typed,
    /// below the errors (column and message), the refused fields marked.
    private func form(_ edit: Edit, into page: inout PageContent) {
        let l = language
        page.subheading(l.pick("修改 \(row.year) 年度数据", "Edit \(row.year) data"))
        if !edit.errors.isEmpty {
            page.error(l.pick("未保存，请改正以下错误：", "Not saved; please correct:"), items: edit.errors.map { error in
                let column = Self.field(named: error.column).map { l.pick($0.chineseName, $0.key) } ?? error.column
                return column.isEmpty ? error.message : column + l.pick("：", ": ") + error.message
            })
        }
        page.paragraph(l.pick("留空表示未填报。修改会记入操作记录。", "Leave a field empty when it is not reported. Every change is recorded in the audit trail."),
                       class: "muted")
        if viewer.account.submitsForReview(county: row.countyCode) {
            page.paragraph(l.pick("保存后请提交审核；县级审核通过后，数据才计入评估。", "Save, then submit for review: the data counts in the evaluation once the county approves it."),
                           class: "muted")
        }
        let invalid = Set(edit.errors.compactMap { Self.field(named: $0.column) })
        let shown = edit.draft ?? row
        let fields = SchoolField.allCases.filter { !$0.isIdentity && (edit.mayClassify || !$0.isClassification) }.map { field in
            let comment = edit.comments[field].map { l.pick("退回意见：", "Reviewer: ") + $0 }
            let hint = [comment, Self.hint(field, language: l)].compactMap { $0 }.joined(separator: " · ")
            return PageContent.Form.Field(name: field.key, label: l.pick(field.chineseName, field.key),
                                          value: edit.typed[field] ?? shown.value(of: field)?.text ?? "",
                                          hint: hint.isEmpty ? nil : hint, invalid: invalid.contains(field) || comment != nil)
        }
        page.form(action: "/counties/\(row.countyCode)/schools/\(row.schoolCode)/years/\(row.year)", stacked: false, csrf: edit.csrf) { form in
            form.fieldTable(fields)
            form.buttons([(l.pick("保存", "Save"), nil, nil)])
        }
    }

    /// The field a form error names: by its Chinese header (the form is checked as a file
    /// with Chinese headers) or its key.
    static func field(named column: String) -> SchoolField? {
        SchoolField.allCases.first { $0.chineseName == column } ?? SchoolField(key: column)
    }

    /// The accepted values of the enumerated fields; what an empty capacity means.
    static func hint(_ field: SchoolField, language l: Language) -> String? {
        let choices: [String]
        switch field {
        case .capacityPrimary, .capacityJunior:
            let size = ZoningRules.defaults.standardClassSize[field == .capacityPrimary ? .primary : .junior] ?? 0
            return l.pick("留空则按班数 × \(size) 估算（学区划分规则可改）", "Empty: classes × \(size) (the zoning rules may change it)")
        case .schoolType: choices = SchoolType.allCases.map { "\($0.rawValue)（\($0.chineseName)）" }
        case .locality: choices = Locality.allCases.map { "\($0.rawValue)（\($0.chineseName)）" }
        case .ownership: choices = Ownership.allCases.map { "\($0.rawValue)（\($0.chineseName)）" }
        case .boarding: choices = ["true（是）", "false（否）"]
        default: return nil
        }
        return l.pick("可填：", "One of: ") + choices.joined(separator: l.pick("、", ", "))
    }

    /// The notice after a save (`?saved=N`, `&draft=1` when saved for review) or a review step (`?done=`).
    static func notice(saved: String?, draft: Bool = false, done: String? = nil, language l: Language) -> String? {
        switch done {
        case "submitted": return l.pick("已提交审核。县级审核通过后计入评估。", "Submitted for review. It counts once the county approves it.")
        case "approved": return l.pick("已审核通过，数据已计入评估。", "Approved: the data now counts in the evaluation.")
        case "returned": return l.pick("已退回学校修改。", "Returned to the school for correction.")
        default: break
        }
        guard let saved, let count = Int(saved), count >= 0 else { return nil }
        if draft {
            return l.pick("已保存（与已审核数据相比 \(count) 项不同），尚未计入评估，请提交审核。",
                          "Saved (\(count) fields differ from the approved data); it does not count until submitted and approved.")
        }
        return count == 0 ? l.pick("没有修改。", "Nothing changed.") : l.pick("已保存 \(count) 项修改", "Saved \(count) changes")
    }
}
