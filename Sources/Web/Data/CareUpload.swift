import Domain
import Foundation
import Hummingbird
import Interchange
import UseCases
import WebForms

/// What the care pages' forms send as `multipart/form-data`: the import's files `children`,
/// `dropouts` and `cohorts`; the pairing's `teachers` and care rules (`rules` typed or
/// `rules_file`); the follow-up's fields (`child_id`, `opened`, `status`, `closed`,
/// `visit_date`, `visitor`, `outcome`, `reason`); and the `year` shown.
///
/// Nothing is checked here but the form's shape; the readers and the use cases check the rest.
struct CareUpload: Sendable {
    var files: [String: UploadedFile]
    var rules: UploadedFile?
    var year: Int?
    /// The text fields, trimmed; an empty field is absent.
    var fields: [String: String]

    /// The longest text a field may hold: a data file's text cell's.
    static let longestField = 2_000

    static func read(_ request: Request, context: AppRequestContext, limit: Int) async throws -> CareUpload {
        let l = context.language
        let upload = try await UploadForm.read(request, context: context, limit: limit)
        var files: [String: UploadedFile] = [:]
        for name in ["children", "dropouts", "cohorts", "teachers"] { files[name] = upload.file(name) }
        var fields: [String: String] = [:]
        for name in ["child_id", "opened", "status", "closed", "visit_date", "visitor", "outcome", "reason"] {
            if let text = upload.form.text(name)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
                guard text.count <= Self.longestField else { throw WebError.badRequest(name) }
                fields[name] = text
            }
        }
        let rules = try upload.rules(typedName: l.pick("关爱帮扶规则", "care rules"), chineseName: "关爱帮扶规则", limit: RotationUpload.rulesLimit, language: l)
        return CareUpload(files: files, rules: rules, year: try upload.year(), fields: fields)
    }

    /// The date in field `name`, or nil when empty.
    ///
    /// - Throws: ``WebError/badRequest(_:)`` for text that is no date.
    func date(_ name: String, language l: Language) throws(WebError) -> CalendarDate? {
        guard let text = fields[name] else { return nil }
        guard let date = CalendarDate(text: text) else {
            throw WebError.badRequest(l.pick("“\(name)”应为日期，例如 2026-09-10。", "\(name) must be a date such as 2026-09-10."))
        }
        return date
    }
}

