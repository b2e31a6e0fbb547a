import Domain
import Hummingbird
import Reports
import UseCases

/// `GET /api/counties/{county}/care?year=`: the county's children who need care as counts and
/// rates by school (``CareDocument``: quality items 1 and 2 and item 15's figures) — no child
/// is named, so whoever may read the county may ask.
struct CareAPI: Sendable {
    let services: WebServices

    @Sendable func summary(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        let store = services.store
        let rates = CareRates(children: try await store.children(county: county, year: chosen.year),
                              schools: try await store.schoolYears(county: county, year: chosen.year),
                              cohorts: try await store.cohorts(county: county).filter { $0.year == chosen.year })
        return try APIResponse.document(CareDocument(rates, county: county, year: chosen.year))
    }
}
