import Domain
import Hummingbird
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
        guard let order = PageListing.Order(rawValue: request.textQuery("order") ?? "asc") else { throw WebError.badRequest("order") }
        let sort = request.textQuery("sort").flatMap { ProvincePage.columns.contains($0) ? $0 : nil } ?? "rank"
        let view = try await services.province.rank(year: asked, for: account)
        let model = ProvincePage(rows: view.rows, year: view.year, years: view.years, sort: sort, order: order,
                                 standard: services.configuration.standard, language: context.language)
        return services.pages.page("province", model, frame: PageFrame(model.heading, context: context, path: request.uri.path))
    }
}
