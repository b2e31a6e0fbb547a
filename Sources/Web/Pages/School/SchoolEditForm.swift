import Domain
import Interchange

/// The edit form of one school's year: every field but the identity (年度, 县区代码,
/// 学校标识码), labelled with its Chinese name in Chinese and its key in English, prefilled
/// with the stored value as canonical text — or, after a refused submission, with what was
/// typed, above the errors (column and message).
struct SchoolEditForm {
    struct Field {
        var key: String
        var label: String
        var value: String
        var hint: String?
        var invalid: Bool
    }

    var heading: String
    var action: String
    var csrf: String
    var errorsHeading: String
    var errors: [String]
    var hasErrors: Bool
    var fields: [Field]
    var submitLabel: String
    var note: String

    /// - Parameters:
    ///   - typed: values of a refused submission, shown instead of the stored ones.
    ///   - errors: why it was refused.
    ///   - mayClassify: whether the classification fields (名称, 类型, 城乡类型 …) are offered;
    ///     a school clerk sees them on the page but cannot change them.
    init(row: SchoolYear, csrf: String, typed: [SchoolField: String] = [:], errors: [RowError] = [],
         mayClassify: Bool = true, language l: Language) {
        heading = l.pick("修改 \(row.year) 年度数据", "Edit \(row.year) data")
        action = "/counties/\(row.countyCode)/schools/\(row.schoolCode)/years/\(row.year)"
        self.csrf = csrf
        errorsHeading = l.pick("未保存，请改正以下错误：", "Not saved; please correct:")
        let invalid = Set(errors.compactMap { Self.field(named: $0.column) })
        self.errors = errors.map { error in
            let column = Self.field(named: error.column).map { l.pick($0.chineseName, $0.key) } ?? error.column
            return column.isEmpty ? error.message : column + l.pick("：", ": ") + error.message
        }
        hasErrors = !errors.isEmpty
        fields = SchoolField.allCases.filter { !$0.isIdentity && (mayClassify || !$0.isClassification) }.map { field in
            Field(key: field.key, label: l.pick(field.chineseName, field.key),
                  value: typed[field] ?? row.value(of: field)?.text ?? "",
                  hint: Self.hint(field, language: l), invalid: invalid.contains(field))
        }
        submitLabel = l.pick("保存", "Save")
        note = l.pick("留空表示未填报。修改会记入操作记录。", "Leave a field empty when it is not reported. Every change is recorded in the audit trail.")
    }

    /// The field a form error names: by its Chinese header (the form is checked as a file
    /// with Chinese headers) or its key.
    static func field(named column: String) -> SchoolField? {
        SchoolField.allCases.first { $0.chineseName == column } ?? SchoolField(key: column)
    }

    /// The accepted values of the enumerated fields.
    static func hint(_ field: SchoolField, language l: Language) -> String? {
        let choices: [String]
        switch field {
        case .schoolType: choices = SchoolType.allCases.map { "\($0.rawValue)（\($0.chineseName)）" }
        case .locality: choices = Locality.allCases.map { "\($0.rawValue)（\($0.chineseName)）" }
        case .ownership: choices = Ownership.allCases.map { "\($0.rawValue)（\($0.chineseName)）" }
        case .boarding: choices = ["true（是）", "false（否）"]
        default: return nil
        }
        return l.pick("可填：", "One of: ") + choices.joined(separator: l.pick("、", ", "))
    }
}
