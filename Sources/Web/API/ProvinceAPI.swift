import Domain
import Hummingbird
import Interchange
import Reports
import Storage
import UseCases

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
        let view = try await services.province.rank(year: asked, for: account)
        let year = view.year, years = view.years, ranked = view.rows
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
