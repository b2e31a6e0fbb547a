import Domain
import Hummingbird
import Storage

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
        let visible = try await services.store.counties().filter { account.may(.readCounty($0.code)) }
        let years = Array(Set(visible.flatMap(\.years))).sorted()
        let year = asked ?? years.last
        var ranked: [ProvinceRanking.Row] = []
        if let year {
            let codes = visible.filter { $0.years.contains(year) }.map(\.code)
            if !codes.isEmpty {
                let schools = try await services.store.schoolYears(year: year, counties: codes)
                let facts = try await services.store.facts(year: year, counties: codes)
                let evaluator = services.evaluator
                // A province's evaluations are seconds of work: keep them off the event loop.
                ranked = try await services.heavy.run {
                    ProvinceRanking.rank(results: evaluator.evaluate(schools, facts: facts))
                }
            }
        }
        let model = ProvincePage(rows: ranked, year: year, years: years, sort: sort, order: order,
                                 standard: services.configuration.standard, language: context.language)
        return services.pages.page("province", model, frame: PageFrame(model.heading, context: context, path: request.uri.path))
    }
}
