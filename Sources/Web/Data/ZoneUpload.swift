import Domain
import Foundation
import Hummingbird
import UseCases
import WebForms

/// What the zones page's forms (and `PUT /api/counties/{county}/zone-data`) send as
/// `multipart/form-data`: the files `blocks` and `distances` (the data to store), or
/// `enrollment` and `births` (a forecast), an optional `sheet`, zoning rules as JSON typed in
/// `rules` or uploaded as `rules_file`, the `stage` and `year` shown, and `format=xlsx|csv`
/// for a download instead of the page.
///
/// Nothing is checked here but the form's shape; ``PlanZones`` reads the files.
struct ZoneUpload: Sendable {
    /// The files by input name; an input left empty is absent.
    var files: [String: UploadedFile]
    /// The rules JSON (typed or uploaded); `nil` for the defaults.
    var rules: UploadedFile?
    /// The rules text as typed in the form, shown back with the plan.
    var typedRules: String
    /// The stage asked for; `nil` for primary.
    var stage: Stage?
    /// The data year asked for; `nil` for the query's, or the latest.
    var year: Int?
    /// `xlsx` or `csv` for a download instead of the page.
    var format: String?

    /// The file of input `name`, which the form must carry.
    ///
    /// - Throws: ``WebError/badRequest(_:)`` naming the file when the input was left empty.
    func require(_ name: String, language l: Language) throws(WebError) -> UploadedFile {
        guard let file = files[name] else {
            throw WebError.badRequest(l.pick("请选择\(Self.chineseName(name))文件（\(name)）。", "Choose a \(name) file."))
        }
        return file
    }

    private static func chineseName(_ input: String) -> String {
        switch input {
        case "blocks": "居住片区"
        case "distances": "距离"
        case "enrollment": "分年级在校生"
        case "births": "出生人口"
        default: input
        }
    }

    /// Reads the multipart body of `request`.
    ///
    /// - Throws: ``WebError/badRequest(_:)`` for a body that is not multipart form data, a
    ///   malformed year, stage or format, or rules both typed and uploaded, or longer than 64 KiB.
    static func read(_ request: Request, context: AppRequestContext, limit: Int) async throws -> ZoneUpload {
        let l = context.language
        let upload = try await UploadForm.read(request, context: context, limit: limit)
        let form = upload.form
        let typedPart = form.part("rules").flatMap { $0.filename == nil ? $0 : nil }
        let typed = typedPart.map { String(buffer: $0.body) } ?? ""
        var rules: [UploadedFile] = []
        if !typed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            rules.append(UploadedFile(name: l.pick("学区规则", "rules"), bytes: Array(typed.utf8)))
        }
        for name in ["rules_file", "rules"] {
            guard let part = form.part(name), let filename = part.filename, part.body.readableBytes > 0 else { continue }
            rules.append(UploadedFile(name: filename, bytes: Array(part.body.readableBytesView)))
        }
        guard rules.count <= 1 else {
            throw WebError.badRequest(l.pick("学区规则请只在文本框或文件中给出一处。", "Give the rules either typed or as a file, not both."))
        }
        guard (rules.first?.bytes.count ?? 0) <= RotationUpload.rulesLimit else {
            throw WebError.badRequest(l.pick("学区规则超过 64 KiB，不像是规则文件。", "The rules are longer than 64 KiB: not a rules file."))
        }
        var year: Int?
        if let text = form.text("year")?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let number = Int(text), (1949...2200).contains(number) else { throw WebError.badRequest("year") }
            year = number
        }
        var stage: Stage?
        if let text = form.text("stage")?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            stage = try ZonesQuery.stage(text)
        }
        var format: String?
        if let text = form.text("format")?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard ["xlsx", "csv"].contains(text) else { throw WebError.badRequest("format") }
            format = text
        }
        var files: [String: UploadedFile] = [:]
        for name in ["blocks", "distances", "enrollment", "births"] { files[name] = upload.file(name) }
        return ZoneUpload(files: files, rules: rules.first, typedRules: typed, stage: stage, year: year, format: format)
    }
}
