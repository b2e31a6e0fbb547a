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
        // A typed rules text and an uploaded rules file are the same input; an empty or
        // blank one is no input.
        let typedPart = form.part("rules").flatMap { $0.filename == nil ? $0 : nil }
        let typed = typedPart.map { String(buffer: $0.body) } ?? ""
        var rules: [UploadedFile] = []
        if !typed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            rules.append(UploadedFile(name: l.pick("规则", "rules"), bytes: Array(typed.utf8)))
        }
        for name in ["rules_file", "rules"] {
            guard let part = form.part(name), let filename = part.filename, part.body.readableBytes > 0 else { continue }
            rules.append(UploadedFile(name: filename, bytes: Array(part.body.readableBytesView)))
        }
        guard rules.count <= 1 else {
            throw WebError.badRequest(l.pick("交流规则请只在文本框或文件中给出一处。", "Give the rules either typed or as a file, not both."))
        }
        guard (rules.first?.bytes.count ?? 0) <= rulesLimit else {
            throw WebError.badRequest(l.pick("交流规则超过 64 KiB，不像是规则文件。", "The rules are longer than 64 KiB: not a rules file."))
        }
        var year: Int?
        if let text = form.text("year")?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let number = Int(text), (1949...2200).contains(number) else { throw WebError.badRequest("year") }
            year = number
        }
        return RotationUpload(
            teachers: upload.file("teachers"), rules: rules.first, typedRules: typed, year: year,
            wantsWorkbook: form.text("format")?.trimmingCharacters(in: .whitespaces) == "xlsx")
    }
}
