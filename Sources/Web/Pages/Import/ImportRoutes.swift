import Domain
import Foundation
import Hummingbird
import Interchange
import Storage
import UseCases

/// The import page: `GET /import` (the form), `POST /import` (a multipart upload: file
/// `schools`, optional file `facts`, optional `sheet`, hidden `csrf`) and
/// `GET /import/template.xlsx` (the schools template). Administrators, planners and clerks
/// import; supervisors never write.
struct ImportRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/import") { _, context in try show(context) }
        router.post("/import") { request, context in try await upload(request, context) }
        router.get("/import/template.xlsx") { _, context in try await template(context) }
    }

    /// The account, if it may import into some county.
    private func importer(_ context: AppRequestContext) throws(WebError) -> Viewer {
        let viewer = try context.requireViewer()
        guard ImportData.mayImport(viewer.account) else { throw WebError.forbidden }
        return viewer
    }

    private func show(_ context: AppRequestContext) throws -> Response {
        let viewer = try importer(context)
        let page = ImportPage(account: viewer.account, csrf: viewer.session.csrfToken, language: context.language)
        return render(page, context: context, status: .ok)
    }

    /// 200 with the receipt; 422 with every error (nothing imported); 409 when a year is
    /// locked; 403 when a row is not the account's to change.
    private func upload(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let viewer = try importer(context)
        let l = context.language
        var page = ImportPage(account: viewer.account, csrf: viewer.session.csrfToken, language: l)
        do {
            // A file input left empty arrives as a part without bytes: no file.
            let form = try await UploadForm.read(request, context: context, limit: services.configuration.maxUploadSize)
            let (schools, facts) = (form.file("schools"), form.file("facts"))
            guard schools != nil || facts != nil else {
                throw WebError.badRequest(l.pick("请选择要导入的文件。", "Choose a file to import."))
            }
            page.show(try await services.importing.run(services.importFiles, schools: schools, facts: facts, by: viewer.account, at: services.clock(), language: l),
                      language: l)
            return render(page, context: context, status: .ok)
        } catch let error as WebError where error.kind == .invalidData || error.kind == .badRequest {
            page.show(error: error, language: l)
            return render(page, context: context, status: error.status)
        } catch let error as ImportFileError {
            let mapped = WebError.mapping(error, language: l)!
            page.show(error: mapped, language: l)
            return render(page, context: context, status: mapped.status)
        } catch let error as StoreError where error.isLocked {
            let locked = error.lockedCountyYear.map { "\($0.countyCode) \($0.year)" } ?? ""
            page.show(error: .locked(l.pick("\(locked) 年度数据已锁定，未导入任何数据。", "\(locked) is locked; nothing was imported.")), language: l)
            return render(page, context: context, status: .conflict)
        }
    }

    private func template(_ context: AppRequestContext) async throws -> Response {
        _ = try importer(context)
        let template = SchoolsTemplate(standard: services.configuration.standard, language: context.language)
        let bytes = try await services.heavy.run { try template.workbook() }
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                .contentDisposition: "attachment; filename=\"junheng-schools-template.xlsx\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }

    private func render(_ page: ImportPage, context: AppRequestContext, status: HTTPResponse.Status) -> Response {
        services.pages.page(page.html, frame: PageFrame(page.heading, context: context, path: "/import"), status: status)
    }
}
