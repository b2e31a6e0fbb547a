import Domain
import Hummingbird
import Storage
import UseCases

/// The county's teacher rotation page: `GET /counties/:county/rotate?year=` (the form) and
/// `POST /counties/:county/rotate` (multipart: file `teachers`, optional `sheet`, rules typed
/// in `rules` or uploaded as `rules_file`, hidden `year` and `csrf`), for whoever may read the
/// county's evaluation — like the investment plan, the rotation plan writes nothing.
///
/// A refused teachers file or rules answer 422 with every problem and no plan; a form
/// without a teachers file 400; the plan 200.
struct RotateRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/counties/:county/rotate") { request, context in try await show(request, context) }
        router.post("/counties/:county/rotate") { request, context in try await plan(request, context) }
    }

    private func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let viewer = try context.requireViewer()
        let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        let page = RotatePage(county: chosen.county, year: chosen.year, csrf: viewer.session.csrfToken, language: context.language)
        return render(page, request: request, context: context, status: .ok)
    }

    private func plan(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let viewer = try context.requireViewer()
        let l = context.language
        // The form's own year wins over the query's: it is the year the form was shown for.
        let upload: RotationUpload
        do {
            upload = try await RotationUpload.read(request, context: context, limit: services.configuration.maxUploadSize)
        } catch let error as WebError where error.kind == .badRequest {
            let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
            var page = RotatePage(county: chosen.county, year: chosen.year, csrf: viewer.session.csrfToken, language: l)
            page.show(error, language: l)
            return render(page, request: request, context: context, status: error.status)
        }
        let chosen = try await services.countyYears.choose(county: county, year: try upload.year ?? request.yearQuery())
        var page = RotatePage(county: chosen.county, year: chosen.year, csrf: viewer.session.csrfToken, rules: upload.typedRules, language: l)
        do {
            let rotation = try await PlanRotation.plan(
                chosen, teachers: try upload.requireTeachers(language: l), rules: upload.rules,
                store: services.store, work: services.heavy, language: l)
            if upload.wantsWorkbook {
                return try await RotateWorkbook.response(rotation, standard: services.configuration.standard, language: l, heavy: services.heavy)
            }
            page.show(rotation, standard: services.configuration.standard, language: l)
            return render(page, request: request, context: context, status: .ok)
        } catch let error as RotationFileError {
            page.show(error, language: l)
            return render(page, request: request, context: context, status: .unprocessableContent)
        } catch let error as WebError where error.kind == .badRequest {
            page.show(error, language: l)
            return render(page, request: request, context: context, status: error.status)
        }
    }

    private func render(_ page: RotatePage, request: Request, context: AppRequestContext, status: HTTPResponse.Status) -> Response {
        services.pages.page(page.html, frame: PageFrame(page.heading, context: context, path: request.uri.path), status: status)
    }
}
