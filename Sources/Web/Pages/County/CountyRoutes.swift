import Domain
import Hummingbird
import Storage
import UseCases

/// The county overview (`GET /counties/:county`) and the year's lock
/// (`POST /counties/:county/years/:year/lock`, `…/unlock`), each authorised before any data
/// is read.
struct CountyRoutes {
    let services: WebServices

    func add(to router: Router<AppRequestContext>) {
        router.get("/counties/:county") { request, context in try await overview(request, context) }
        router.post("/counties/:county/years/:year/lock") { _, context in try await lock(context) }
        router.post("/counties/:county/years/:year/unlock") { _, context in try await unlock(context) }
    }

    /// `?year=&sort=&order=&page=&filter=failing&stage=&done=locked|unlocked`
    private func overview(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let viewer = try context.requireViewer()
        let evaluation = try await services.evaluation.evaluate(county: county, year: try request.yearQuery(), store: services.store)
        let query = try CountySchoolQuery(request: request, year: evaluation.year)
        var history: [CountyEvaluation] = []
        if evaluation.years.count > 1 {
            for year in evaluation.years {
                history.append(year == evaluation.year ? evaluation : try await services.evaluation.evaluate(county: county, year: year, store: services.store))
            }
        }
        let l = context.language
        let page = CountyPage(evaluation: evaluation, history: history, query: query,
                              standard: services.configuration.standard, viewer: viewer, language: l)
        let frame = PageFrame(page.heading, context: context, path: request.uri.path,
                              notice: CountyPage.notice(request.textQuery("done"), year: evaluation.year, language: l))
        return services.pages.page("county", page, frame: frame)
    }

    private func lock(_ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let account = try context.require(.lockYear(county: county))
        let year = try context.yearParameter()
        // A lock only makes sense on a year the county has data for.
        _ = try await services.countyYears.choose(county: county, year: year)
        _ = try await services.store.lockYear(county: county, year: year, by: account, at: services.clock())
        return .redirect(to: "/counties/\(county)?year=\(year)&done=locked", type: .normal)
    }

    private func unlock(_ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let account = try context.require(.unlockYear)
        let year = try context.yearParameter()
        _ = try await services.countyYears.choose(county: county, year: year)
        try await services.store.unlockYear(county: county, year: year, by: account, at: services.clock())
        return .redirect(to: "/counties/\(county)?year=\(year)&done=unlocked", type: .normal)
    }
}
