import Domain
import Hummingbird
import Interchange
import Reports
import Storage

/// `GET /api/province?year=`: the counties the viewer may read ranked side by side
/// (``ProvinceRanking``), for administrators (every county) and supervisors (their
/// counties). The year defaults to the latest year of those counties.
struct ProvinceAPI: Sendable {
    let services: WebServices

    /// `?year=`.
    static let year = APIParameter(
        query: "year", "The year (default: the latest year of the viewer's counties).", rule: APIParameters.years)

    @Sendable func ranking(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.require(.readProvince)
        let asked = try request.yearQuery()
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
                // Many counties' evaluations: keep them off the event loop.
                ranked = try await services.heavy.run {
                    ProvinceRanking.rank(results: evaluator.evaluate(schools, facts: facts))
                }
            }
        }
        let keys = services.configuration.standard.indicators.map(\.key)
        return APIResponse.document(.object([
            ("year", year.map(JSONValue.int) ?? .null),
            ("years", .array(years.map(JSONValue.int))),
            ("counties", .array(ranked.map { row in
                .object([
                    ("rank", .int(row.rank)),
                    ("county_code", .string(row.countyCode)),
                    ("county_name", .string(row.countyName)),
                    ("year", .int(row.year)),
                    ("verdict", .string(row.verdict.rawValue)),
                    ("indicators_within_limit", .int(row.indicatorsWithinLimit)),
                    ("indicator_count", .int(row.indicatorCount)),
                    ("worst_ratio", .number(row.worstRatio)),
                    ("worst_indicator", row.worstIndicator.map { ref in
                        .object([("stage", .string(ref.stage.rawValue)), ("indicator", .string(keys[ref.index]))])
                    } ?? .null),
                    ("compliant_schools", .int(row.compliantSchools)),
                    ("evaluated_schools", .int(row.evaluatedSchools)),
                    ("school_count", .int(row.schoolCount)),
                    ("compliant_share", .number(row.compliantShare)),
                ])
            })),
        ]))
    }
}
