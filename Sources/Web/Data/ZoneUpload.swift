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
    /// The layout form's target: `open` (sites in all) or `budget` (yuan; 万元 not accepted:
    /// the field says yuan); `nil` when the form has neither.
    var target: LayoutTarget?

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
        case "sites": "布点"
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
        let rules = try upload.rules(typedName: l.pick("学区规则", "rules"), chineseName: "学区规则", limit: RotationUpload.rulesLimit, language: l)
        let typed = form.part("rules").flatMap { $0.filename == nil ? String(buffer: $0.body) : nil } ?? ""
        let year = try upload.year()
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
        for name in ["blocks", "distances", "enrollment", "births", "sites"] { files[name] = upload.file(name) }
        return ZoneUpload(files: files, rules: rules, typedRules: typed, stage: stage, year: year, format: format,
                          target: try target(form.text("open"), form.text("budget"), language: l))
    }

    /// `open` as a whole number of sites, or `budget` as yuan (``YuanText/budget(_:)``);
    /// both filled is refused, neither is nil.
    private static func target(_ open: String?, _ budget: String?, language l: Language) throws(WebError) -> LayoutTarget? {
        let open = open?.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "") ?? ""
        let budget = budget?.trimmingCharacters(in: .whitespaces) ?? ""
        switch (open.isEmpty, budget.isEmpty) {
        case (true, true): return nil
        case (false, false):
            throw WebError.badRequest(l.pick("开办布点数与建设预算只填一项。", "Fill in either the number of sites or the budget, not both."))
        case (false, true):
            guard let p = Int(open), (1...100_000).contains(p) else {
                throw WebError.badRequest(l.pick("开办布点数应为正整数，例如 40。", "The number of sites is a whole number above 0, such as 40."))
            }
            return .open(p)
        case (true, false):
            guard let yuan = YuanText.budget(budget) else {
                throw WebError.badRequest(l.pick("建设预算应为不小于 0 的金额（元），例如 30000000。", "The budget is an amount of yuan, 0 or more, such as 30000000."))
            }
            return .budget(yuan)
        }
    }
}
