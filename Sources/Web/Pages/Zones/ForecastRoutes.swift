import Domain
import Hummingbird
import Storage
import UseCases

/// The county's enrollment forecast page: `GET /counties/:county/forecast?year=` (the form)
/// and `POST /counties/:county/forecast` (multipart: file `enrollment`, optional `births`,
/// optional `sheet`, hidden `year` and `csrf`), for whoever may read the county — like the
/// rotation plan, the forecast writes nothing.
///
/// A refused file answers 422 with every problem and no forecast; a form without an
/// enrollment file 400; the forecast 200.
struct ForecastRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/counties/:county/forecast") { request, context in try await show(request, context) }
        router.post("/counties/:county/forecast") { request, context in try await forecast(request, context) }
    }

    private func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let viewer = try context.requireViewer()
        let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        let page = ForecastPage(county: chosen.county, year: chosen.year, csrf: viewer.session.csrfToken, language: context.language)
        return render(page, request: request, context: context, status: .ok)
    }

    private func forecast(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let viewer = try context.requireViewer()
        let l = context.language
        let upload = try await ZoneUpload.read(request, context: context, limit: services.configuration.maxUploadSize)
        let chosen = try await services.countyYears.choose(county: county, year: try upload.year ?? request.yearQuery())
        var page = ForecastPage(county: chosen.county, year: chosen.year, csrf: viewer.session.csrfToken, language: l)
        do {
            let made = try await PlanZones.forecast(
                chosen, enrollment: try upload.require("enrollment", language: l), births: upload.files["births"],
                store: services.store, work: services.heavy, language: l)
            page.show(made, language: l)
            return render(page, request: request, context: context, status: .ok)
        } catch let error as ZoneFileError {
            page.refusal = (error.message(in: l), error.problems)
            return render(page, request: request, context: context, status: .unprocessableContent)
        } catch let error as WebError where error.kind == .badRequest {
            page.refusal = (error.message ?? ErrorMiddleware.defaultMessage(error.kind, language: l), [])
            return render(page, request: request, context: context, status: error.status)
        }
    }

    private func render(_ page: ForecastPage, request: Request, context: AppRequestContext, status: HTTPResponse.Status) -> Response {
        services.pages.page(page.html, frame: PageFrame(page.heading, context: context, path: request.uri.path), status: status)
    }
}
