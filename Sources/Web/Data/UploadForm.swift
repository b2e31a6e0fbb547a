import Domain
import Foundation
import Hummingbird
import UseCases
import WebForms

/// A `multipart/form-data` body a page posts with files (the import and the rotation forms):
/// its parts, and each file as an ``UploadedFile`` read from the form's `sheet` field.
struct UploadForm {
    /// The form's parts.
    let form: MultipartForm
    /// The worksheet named in the form's `sheet` field, for every workbook it carries.
    let sheet: String?

    /// Reads the body of `request`, up to `limit` bytes.
    ///
    /// - Throws: ``WebError/badRequest(_:)`` for a body that is not multipart form data.
    static func read(_ request: Request, context: AppRequestContext, limit: Int) async throws -> UploadForm {
        let l = context.language
        var request = request
        let body = try await request.collectBody(upTo: limit)
        guard let contentType = request.headers[.contentType], contentType.hasPrefix("multipart/form-data"),
              let boundary = MultipartForm.boundary(of: contentType), let form = MultipartForm(body: body, boundary: boundary) else {
            throw WebError.badRequest(l.pick("表单应以 multipart/form-data 提交。", "The form must be sent as multipart/form-data."))
        }
        return UploadForm(form: form, sheet: form.text("sheet")?.trimmingCharacters(in: .whitespaces))
    }

    /// The file of the input `name`; `nil` when the input was left empty (a part without bytes).
    func file(_ name: String) -> UploadedFile? {
        guard let part = form.part(name), part.body.readableBytes > 0 else { return nil }
        return UploadedFile(name: part.filename ?? name, bytes: Array(part.body.readableBytesView), sheet: sheet)
    }

    /// The rules a planner takes as data (交流规则, 学区规则): typed in the `rules` box or uploaded
    /// as `rules_file` (or a file in `rules`) — the same input, so at most one; a blank one is
    /// none. `typedName` names typed rules in messages; `chineseName` names the rules.
    ///
    /// - Throws: ``WebError/badRequest(_:)`` for rules both typed and uploaded, or longer than
    ///   `limit` bytes (no rules file is that long).
    func rules(typedName: String, chineseName: String, limit: Int, language l: Language) throws -> UploadedFile? {
        let typedPart = form.part("rules").flatMap { $0.filename == nil ? $0 : nil }
        let typed = typedPart.map { String(buffer: $0.body) } ?? ""
        var rules: [UploadedFile] = []
        if !typed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            rules.append(UploadedFile(name: typedName, bytes: Array(typed.utf8)))
        }
        for name in ["rules_file", "rules"] {
            guard let part = form.part(name), let filename = part.filename, part.body.readableBytes > 0 else { continue }
            rules.append(UploadedFile(name: filename, bytes: Array(part.body.readableBytesView)))
        }
        guard rules.count <= 1 else {
            throw WebError.badRequest(l.pick("\(chineseName)请只在文本框或文件中给出一处。", "Give the rules either typed or as a file, not both."))
        }
        guard (rules.first?.bytes.count ?? 0) <= limit else {
            throw WebError.badRequest(l.pick("\(chineseName)超过 64 KiB，不像是规则文件。", "The rules are longer than 64 KiB: not a rules file."))
        }
        return rules.first
    }

    /// The form's `year` (1949–2200), or nil when left empty.
    ///
    /// - Throws: ``WebError/badRequest(_:)`` for anything else.
    func year() throws -> Int? {
        guard let text = form.text("year")?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let number = Int(text), (1949...2200).contains(number) else { throw WebError.badRequest("year") }
        return number
    }
}
