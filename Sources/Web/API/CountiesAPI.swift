import Foundation
import Hummingbird
import Interchange
import Reports
import Storage
import UseCases

/// Counties: the list a viewer may read, a year's evaluation, and locking a year.
struct CountiesAPI: Sendable {
    let services: WebServices

    /// One county in `GET /api/counties`.
    struct County: Encodable {
        var code: String
        var name: String?
        var years: [Int]
        var lockedYears: [Int]

        enum CodingKeys: String, CodingKey {
            case code, name, years, lockedYears = "locked_years"
        }
    }

    struct CountyList: Encodable { var counties: [County] }

    /// `GET /api/counties`: the counties whose data the viewer may read (none for a clerk,
    /// who reads one school), with their years and locked years.
    @Sendable func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireViewer().account
        var counties: [County] = []
        for summary in try await services.store.counties() where account.may(.readCounty(summary.code)) {
            let locked = try await services.store.locks(county: summary.code).map(\.year).sorted()
            counties.append(County(code: summary.code, name: summary.name, years: summary.years, lockedYears: locked))
        }
        return try APIResponse.json(CountyList(counties: counties), context: context)
    }

    /// `GET /api/counties/{county}/years/{year}/evaluation`: the evaluation in the contract
    /// of `junheng evaluate --format json` (``EvaluationDocument``), in the request's language.
    @Sendable func evaluation(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter(), year = try context.yearParameter()
        try context.require(.readCounty(county))
        let loaded = try await services.evaluation.evaluate(county: county, year: year, store: services.store, work: services.heavy)
        return try APIResponse.document(
            EvaluationDocument([loaded.result], standard: services.configuration.standard, language: context.language))
    }

    /// A lock as the API shows it.
    struct Lock: Encodable {
        var countyCode: String
        var year: Int
        var lockedBy: String
        var lockedAt: Date

        enum CodingKeys: String, CodingKey {
            case countyCode = "county_code", year, lockedBy = "locked_by", lockedAt = "locked_at"
        }
    }

    /// Why a year is locked while schools' rows are under review.
    static let lockReason = APIParameter(
        query: "reason", "Why the year is locked while schools' rows are still under review (required then; recorded in the audit trail).",
        rule: .text(1...500))

    /// `POST /api/counties/{county}/years/{year}/lock?reason=`: closes the year for changes
    /// (201 with the lock; 409 `locked` when it is locked already, 409 `conflict` when
    /// schools' rows are under review and no reason is given).
    @Sendable func lock(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter(), year = try context.yearParameter()
        let account = try context.require(.lockYear(county: county))
        // A year can be locked only when the county has rows in it.
        _ = try await services.countyYears.choose(county: county, year: year)
        let lock = try await services.store.lockYear(county: county, year: year, reason: request.textQuery("reason"), by: account, at: services.clock())
        return try APIResponse.json(
            Lock(countyCode: lock.countyCode, year: lock.year, lockedBy: lock.lockedBy, lockedAt: lock.lockedAt),
            status: .created, context: context
        )
    }

    /// `DELETE /api/counties/{county}/years/{year}/lock`: lifts the lock (administrators;
    /// 204, or 404 when the year is not locked).
    @Sendable func unlock(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter(), year = try context.yearParameter()
        let account = try context.require(.unlockYear)
        try await services.store.unlockYear(county: county, year: year, by: account, at: services.clock())
        return APIResponse.noContent()
    }
}
