import Domain
import Foundation
import Hummingbird
import UseCases
import WebForms

/// What the quota page's form (and `POST /api/counties/{county}/quota`) sends as
/// `multipart/form-data`: the file `quota`, an optional `sheet`, the apportionment `method`,
/// an optional lottery `seed`, `group_small_schools` (any non-empty value but `0` / `false`
/// turns it on), the `year` shown, and `format=xlsx|csv` for a download instead of the page.
///
/// Nothing is checked here but the form's shape; ``PlanQuota`` reads the file.
struct QuotaUpload: Sendable {
    /// The quota file; nil when the input was left empty.
    var quota: UploadedFile?
    var rules: QuotaRules
    /// The data year asked for; `nil` for the query's, or the latest.
    var year: Int?
    /// `xlsx` or `csv` for a download instead of the page.
    var format: String?

    /// The quota file, which the form must carry.
    ///
    /// - Throws: ``WebError/badRequest(_:)`` when the input was left empty.
    func requireQuota(language l: Language) throws(WebError) -> UploadedFile {
        guard let quota else { throw WebError.badRequest(l.pick("请选择优质高中招生计划文件（quota）。", "Choose a quota file.")) }
        return quota
    }

    /// Reads the multipart body of `request`.
    ///
    /// - Throws: ``WebError/badRequest(_:)`` for a body that is not multipart form data, or a
    ///   malformed year, method, seed or format.
    static func read(_ request: Request, context: AppRequestContext, limit: Int) async throws -> QuotaUpload {
        let l = context.language
        let upload = try await UploadForm.read(request, context: context, limit: limit)
        let form = upload.form
        func field(_ name: String) -> String? {
            guard let text = form.text(name)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        var rules = QuotaRules.defaults
        if let text = field("method") {
            guard let method = ApportionmentMethod(rawValue: text) else {
                throw WebError.badRequest(l.pick("分配方法应为 largest_remainder、sainte_lague、dhondt 或 huntington_hill。",
                                                 "The method is largest_remainder, sainte_lague, dhondt or huntington_hill."))
            }
            rules.method = method
        }
        if let text = field("seed") {
            guard let seed = UInt64(text) else {
                throw WebError.badRequest(l.pick("摇号种子应为不小于 0 的整数，例如 20260615。", "The lottery seed is a whole number, 0 or more, such as 20260615."))
            }
            rules.lotterySeed = seed
        }
        if let text = field("group_small_schools") { rules.groupSmallSchools = !["0", "false", "off", "no"].contains(text.lowercased()) }
        var format: String?
        if let text = field("format") {
            guard ["xlsx", "csv"].contains(text) else { throw WebError.badRequest("format") }
            format = text
        }
        return QuotaUpload(quota: upload.file("quota"), rules: rules, year: try upload.year(), format: format)
    }
}
