import Domain
import Foundation
import Hummingbird
import UseCases
import WebForms

/// What the rotation form (and `POST /api/counties/{county}/rotate`) sends, as
/// `multipart/form-data`: the file `teachers` (CSV or XLSX), an optional `sheet`, the rules as
/// JSON in the text field `rules` or the file `rules_file` (an API client may also send
/// `rules` as a file), an optional `year`, and `format=xlsx` for the workbook instead of
/// the page.
///
/// Nothing is checked here but the form's shape; ``PlanRotation`` reads the files.
struct RotationUpload: Sendable {
    /// The teachers file; `nil` when the file input was left empty.
    var teachers: UploadedFile?
    /// The rules JSON (typed or uploaded); `nil` for the defaults.
    var rules: UploadedFile?
    /// The rules text as typed in the form, shown back with the result so that the next run
    /// keeps it.
    var typedRules: String
    /// The data year asked for in the form; `nil` for the query's, or the latest.
    var year: Int?
    /// Whether the workbook is asked for instead of the page.
    var wantsWorkbook: Bool
    /// Whether the plan is to be adopted as a new version (`adopt=yes`).
    var wantsAdoption = false

    /// The longest rules accepted: a rules file is well under 1 KiB.
    static let rulesLimit = 64 << 10

    /// The teachers file, which the form must carry.
    ///
    /// - Throws: ``WebError/badRequest(_:)`` when the file input was left empty.
    func requireTeachers(language l: Language) throws(WebError) -> UploadedFile {
        guard let teachers else { throw WebError.badRequest(l.pick("请选择教师信息文件。", "Choose a teachers file.")) }
        return teachers
    }

    /// Reads the multipart body of `request`.
    ///
    /// - Throws: ``WebError/badRequest(_:)`` for a body that is not multipart form data, a
    ///   malformed year, or rules both typed and uploaded, or rules far longer than any rules
    ///   file (64 KiB).
    static func read(_ request: Request, context: AppRequestContext, limit: Int) async throws -> RotationUpload {
        let l = context.language
        let upload = try await UploadForm.read(request, context: context, limit: limit)
        let form = upload.form
        let rules = try upload.rules(typedName: l.pick("规则", "rules"), chineseName: "交流规则", limit: rulesLimit, language: l)
        let typed = form.part("rules").flatMap { $0.filename == nil ? String(buffer: $0.body) : nil } ?? ""
        let year = try upload.year()
        return RotationUpload(
            teachers: upload.file("teachers"), rules: rules, typedRules: typed, year: year,
            wantsWorkbook: form.text("format")?.trimmingCharacters(in: .whitespaces) == "xlsx",
            wantsAdoption: form.text("adopt")?.trimmingCharacters(in: .whitespaces) == "yes")
    }
}
