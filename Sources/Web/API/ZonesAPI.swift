import Domain
import Hummingbird
import Reports
import Storage
import UseCases

/// The county's enrollment zones in the API:
///
/// - `GET /api/counties/{county}/zones?stage=primary|junior&year=`: the plan of the stored
///   blocks over the year's school rows as `junheng plan zones --format json` writes it
///   (``ZoningPlanDocument``), for whoever may read the county; 404 `not_found` when the
///   county has no blocks, or none with children of the stage.
/// - `PUT /api/counties/{county}/zone-data?year=` with the zones page's multipart body (file
///   `blocks`, optional `distances` and `sheet`): replaces the county's zoning data, for
///   whoever may change it (its planner, administrators) — authorised before the body is
///   read; checked against the school rows of `year` (the latest by default), all or
///   nothing: 422 `invalid_data` with every problem in `details` (`FILE:ROW:COLUMN: message`)
///   and nothing stored, or 200 with the counts (``Receipt``), audited by the store.
struct ZonesAPI: Sendable {
    let services: WebServices

    /// `?stage=`, besides the county and the year.
    static let stage = APIParameter(query: "stage", "The stage zoned: `primary` (default) or `junior`.", rule: .oneOf(["primary", "junior"]))
    /// `?year=`, which the form field `year` overrides.
    static let year = APIParameter(
        query: "year", "The year of the school rows the files are checked against (default: the county's latest); the form field `year` wins.",
        rule: APIParameters.years)

    /// What a replacement did.
    struct Receipt: Encodable {
        var blocksBefore: Int
        var blocksAfter: Int
        var blocksChanged: Int
        var distancesBefore: Int
        var distancesAfter: Int
        var warnings: [String]

        enum CodingKeys: String, CodingKey {
            case blocksBefore = "blocks_before", blocksAfter = "blocks_after", blocksChanged = "blocks_changed"
            case distancesBefore = "distances_before", distancesAfter = "distances_after", warnings
        }
    }

    @Sendable func plan(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let l = context.language
        let stage = try ZonesQuery.stage(request.textQuery("stage"))
        let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        let zones = try await PlanZones.plan(chosen, stage: stage, rules: nil, store: services.store, work: services.heavy, language: l)
        guard let plan = zones.plan else { throw ZonesQuery.noPlan(zones, language: l) }
        return try APIResponse.document(ZoningPlanDocument(plan))
    }

    @Sendable func replace(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        let account = try context.require(.editZoneData(county: county))
        let l = context.language
        let upload = try await ZoneUpload.read(request, context: context, limit: services.configuration.maxUploadSize)
        let chosen = try await services.countyYears.choose(county: county, year: try upload.year ?? request.yearQuery())
        let read = try await PlanZones.readZoneData(
            chosen, blocks: try upload.require("blocks", language: l), distances: upload.files["distances"],
            store: services.store, work: services.heavy, language: l)
        let changes = try await services.store.replaceZoneData(
            county: county, blocks: read.blocks, distances: read.distances, by: account, at: services.clock())
        return try APIResponse.json(Receipt(
            blocksBefore: changes.blocksBefore, blocksAfter: changes.blocksAfter, blocksChanged: changes.blocks.count,
            distancesBefore: changes.distances.before, distancesAfter: changes.distances.after, warnings: read.warnings), context: context)
    }
}
