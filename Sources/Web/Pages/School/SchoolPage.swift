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
    }

    let row: SchoolYear
    let history: [SchoolYear]
    let evaluation: CountyEvaluation
    let viewer: Viewer
    /// The edit form, when the viewer may edit and the year is open.
    let edit: Edit?
    let language: Language
    /// The school's units and history.
    private let report: Report

    /// The page of `row`, one of the school's `history`, in the county's `evaluation`.
    init(row: SchoolYear, history: [SchoolYear], evaluation: CountyEvaluation, viewer: Viewer, edit: Edit?,
         standard: Standard, language: Language) {
        (self.row, self.history, self.evaluation, self.viewer, self.edit, self.language) = (row, history, evaluation, viewer, edit, language)
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
        let invalid = Set(edit.errors.compactMap { Self.field(named: $0.column) })
        let fields = SchoolField.allCases.filter { !$0.isIdentity && (edit.mayClassify || !$0.isClassification) }.map { field in
            PageContent.Form.Field(name: field.key, label: l.pick(field.chineseName, field.key),
                                   value: edit.typed[field] ?? row.value(of: field)?.text ?? "",
                                   hint: Self.hint(field, language: l), invalid: invalid.contains(field))
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

    /// The notice after a save (`?saved=N`).
    static func notice(saved: String?, language l: Language) -> String? {
        guard let saved, let count = Int(saved), count >= 0 else { return nil }
        return count == 0 ? l.pick("没有修改。", "Nothing changed.") : l.pick("已保存 \(count) 项修改", "Saved \(count) changes")
    }
}
