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
}
