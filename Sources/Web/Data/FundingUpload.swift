import Domain
import Foundation
import Interchange
import Hummingbird
import UseCases
import WebForms

/// What the funding page's form (and `POST /api/counties/{county}/funding`) sends as
/// `multipart/form-data`: an optional `budget` in yuan (``YuanText/budget(_:)``: `30,000,000`, `3000万`), optional
/// funding rules as JSON typed in `rules` or uploaded as `rules_file`, the `year` shown, and
/// `format=xlsx|csv` for a download instead of the page.
struct FundingUpload: Sendable {
    var budget: Double?
    /// The rules JSON (typed or uploaded); `nil` for the national defaults.
    var rules: UploadedFile?
    var year: Int?
    var format: String?

    /// Reads the multipart body of `request`.
    ///
    /// - Throws: ``WebError/badRequest(_:)`` for a body that is not multipart form data, a
    ///   malformed budget, year or format, or rules both typed and uploaded.
    static func read(_ request: Request, context: AppRequestContext, limit: Int) async throws -> FundingUpload {
        let l = context.language
        let upload = try await UploadForm.read(request, context: context, limit: limit)
        let form = upload.form
        let rules = try upload.rules(typedName: l.pick("经费规则", "rules"), chineseName: "经费规则", limit: RotationUpload.rulesLimit, language: l)
        var budget: Double?
        if let text = form.text("budget")?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let yuan = YuanText.budget(text) else {
                throw WebError.badRequest(l.pick("预算应为不小于 0 的金额（元），例如 30000000。", "The budget is an amount of yuan, 0 or more, such as 30000000."))
            }
            budget = yuan
        }
        var format: String?
        if let text = form.text("format")?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard ["xlsx", "csv"].contains(text) else { throw WebError.badRequest("format") }
            format = text
        }
        return FundingUpload(budget: budget, rules: rules, year: try upload.year(), format: format)
    }

    /// The rules of the form: the national defaults, or the typed or uploaded JSON.
    ///
    /// - Throws: ``DataFileError`` with the rules' problems.
    func fundingRules(language l: Language) throws -> (FundingRules, [String]) {
        guard let rules else { return (.defaults, []) }
        switch PlanFunding.rulesInput.read(rules, language: l) {
        case let .success(read): return read
        case let .failure(error): throw DataFileError(errors: error.problems)
        }
    }
}
