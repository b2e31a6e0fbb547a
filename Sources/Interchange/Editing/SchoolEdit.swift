import Domain

/// Applies values typed into a form (the web edit page, the API) to a stored row, under
/// exactly the rules of an imported file: the row is written as a one-row `schools` file
/// with the typed cells in place, and read back by ``SchoolsReader``. So a form accepts
/// what a file accepts, and its errors read the same.
///
/// ```swift
/// let edited = try SchoolEdit(language: .chinese).apply([.teachingArea: "5300"], to: row)
/// ```
public struct SchoolEdit: Sendable {
    /// The language of the error messages.
    public var language: Language

    public init(language: Language = .chinese) {
        self.language = language
    }

    /// `row` with `values` in place of its fields (an empty text: not reported).
    ///
    /// - Parameters:
    ///   - values: the typed text of each changed field. Identity fields (年度, 县区代码,
    ///     学校标识码) cannot change: a different value is an error.
    ///   - companions: other rows of the same year the cross-row rules need — a 教学点's parent.
    ///   - mayClassify: whether the editor may change the classification fields
    ///     (``SchoolField/isClassification``); when not, a changed one is an error.
    /// - Throws: ``DataFileError`` whose row errors name the column by its Chinese header
    ///   (file `form`, row 2).
    public func apply(
        _ values: [SchoolField: String], to row: SchoolYear, companions: [SchoolYear] = [], mayClassify: Bool = true
    ) throws(DataFileError) -> SchoolYear {
        for field in SchoolField.allCases where field.isIdentity {
            if let typed = values[field], typed.trimmingCharacters(in: .whitespaces) != SchoolsWriter(headers: .english).text(field, of: row) {
                throw DataFileError(errors: [RowError(
                    file: "form", row: 2, column: field.chineseName,
                    message: language.pick("不能修改（标识字段）", "cannot be changed (it identifies the row)")
                )])
            }
        }
        let writer = SchoolsWriter(headers: .english)
        // Read back at once by the same rules: written as typed, never neutralised.
        var csv = CSVWriter(neutralisesFormulas: false)
        for field in SchoolField.allCases { csv.cell(field.chineseName) }
        csv.endRecord()
        for field in SchoolField.allCases {
            if let typed = values[field] {
                let trimmed = typed.trimmingCharacters(in: .whitespacesAndNewlines)
                csv.cell(trimmed.isEmpty ? nil : trimmed)
            } else {
                csv.cell(writer.text(field, of: row))
            }
        }
        csv.endRecord()
        for companion in companions where companion.schoolCode != row.schoolCode {
            for field in SchoolField.allCases { csv.cell(writer.text(field, of: companion)) }
            csv.endRecord()
        }
        let file = try SchoolsReader(language: language).read(csv.bytes, file: "form")
        guard let edited = file.schools.first(where: { $0.schoolCode == row.schoolCode && $0.year == row.year }) else {
            throw DataFileError(errors: [RowError(file: "form", row: 2, column: "", message: "row lost")])
        }
        // Compared as values read, so that 农村 typed for a stored 乡村 is no change.
        let reclassified = mayClassify ? [] : edited.reclassifiedFields(from: row)
        guard reclassified.isEmpty else {
            throw DataFileError(errors: reclassified.map { field in
                RowError(file: "form", row: 2, column: field.chineseName, message: Self.classificationMessage(language))
            })
        }
        return edited
    }

    /// Why a clerk may not change a classification field.
    public static func classificationMessage(_ language: Language) -> String {
        language.pick("只能由县级规划人员修改（学校分类信息）", "only the county's planner may change it (it classifies the school)")
    }
}
