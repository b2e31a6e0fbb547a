import Hummingbird
import Storage
import UseCases

/// `POST /api/import?kind=schools|facts&filename=NAME&sheet=S` with the file's bytes as the
/// body (CSV or XLSX, told apart by content): the same all-or-nothing import as the import
/// page (``ImportData``), answering the receipt.
struct ImportAPI: Sendable {
    let services: WebServices

    /// What the body is and how to read it.
    static let parameters = [
        APIParameter(query: "kind", "Which file it is.",
                     rule: .oneOf(["schools", "facts"]), required: true),
        APIParameter(query: "filename", "The file's name, used in error messages and the audit trail (default `KIND.csv`).", rule: .text(1...255)),
        APIParameter(query: "sheet", "The worksheet to read when the file is a workbook (default: the first).", rule: .text(1...255)),
    ]

    /// What an import did.
    struct Receipt: Encodable {
        var added: Int
        var changed: Int
        var unchanged: Int
        var facts: Int
        var forReview: Int
        var warnings: [String]

        enum CodingKeys: String, CodingKey {
            case added, changed, unchanged, facts, warnings
            case forReview = "for_review"
        }
    }

    @Sendable func upload(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireViewer().account
        guard ImportData.mayImport(account) else { throw WebError.forbidden }
        let l = context.language
        let kind = request.textQuery("kind")
        guard kind == "schools" || kind == "facts" else {
            throw WebError.badRequest(l.pick("kind 应为 schools 或 facts", "kind must be schools or facts"))
        }
        var request = request
        let body = try await request.collectBody(upTo: services.configuration.maxUploadSize)
        guard body.readableBytes > 0 else {
            throw WebError.badRequest(l.pick("请求体应为要导入的文件", "the body must be the file to import"))
        }
        let file = UploadedFile(
            name: request.textQuery("filename") ?? "\(kind ?? "upload").csv",
            bytes: Array(body.readableBytesView), sheet: request.textQuery("sheet")
        )
        let outcome = try await services.importing.run(
            services.importFiles, schools: kind == "schools" ? file : nil, facts: kind == "facts" ? file : nil, by: account, at: services.clock(), language: l)
        let receipt = outcome.receipt
        return try APIResponse.json(
            Receipt(added: receipt.added, changed: receipt.changed, unchanged: receipt.unchanged, facts: receipt.facts, forReview: receipt.forReview, warnings: outcome.warnings),
            context: context
        )
    }
}
