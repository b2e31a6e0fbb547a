import Domain
import Hummingbird
import Reports
import Storage
import UseCases

/// The province page (`GET /province?year=&sort=&order=`): administrators see every county,
/// supervisors the counties they are assigned.
struct ProvinceRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/province") { request, context in try await show(request, context) }
    }

    private func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.require(.readProvince)
        let asked = try request.yearQuery()
        let order = try PageListing.order(request.textQuery("order")) ?? .ascending
        let sort = request.textQuery("sort").flatMap { EvaluationReport.rankingSortable.contains($0) ? $0 : nil } ?? "rank"
        let view = try await services.province.rank(year: asked, for: account)
        let page = ProvincePage(rows: view.rows, year: view.year, years: view.years, sort: sort, order: order,
                                standard: services.configuration.standard, language: context.language)
        return services.pages.page(page.html, frame: PageFrame(page.heading, context: context, path: request.uri.path))
    }
}
