import Domain
import Foundation
import HTTPTypes
import Interchange
import Reports
import Testing
import UseCases
@testable import Web

extension Browser {
    /// `POST /api/counties/{county}/quota` with the page's multipart body, the session's token as `X-CSRF-Token`.
    mutating func postQuotaAPI(_ uri: String, quota: [UInt8]?, fields: [(String, String)] = []) async throws -> TestResponse {
        var body = MultipartBody()
        for (name, value) in fields { body.field(name, value) }
        if let quota { body.file("quota", filename: "quota.csv", bytes: quota) }
        var headers: HTTPFields = [:]
        if let csrf { headers[HTTPField.Name("X-CSRF-Token")!] = csrf }
        return try await send(uri, bytes: body.finished(), contentType: body.contentType, headers: headers)
    }
}

/// The high-school quota page (指标到校) and its API: who may use them, what they answer, and
/// what they refuse.
@Suite("High-school quota page and API")
struct QuotaPageTests {
    /// Two high schools of `county` for 2025 (the fixture's year).
    static func quota(_ county: String, year: Int = 2025) throws -> [UInt8] {
        try QuotaWriter().write([
            HighSchoolQuota(countyCode: county, highSchool: "一中", year: year, totalPlaces: 400, allocatedShare: 0.6, ruralWeight: 0.2),
            HighSchoolQuota(highSchool: "市实验高中", year: year, totalPlaces: 200, allocatedShare: 0.5, minimumPerSchool: 1),
        ])
    }

    @Test func everyRoleOnEveryQuotaRoute() async throws {
        let fixture = try await WebFixture()
        let a = fixture.countyA, b = fixture.countyB
        let quotaA = try Self.quota(a)
        try await fixture.test { client in
            for (role, statuses) in WebFixture.countyReadAccess {
                var browser = try await Browser.signedIn(client, as: role)
                #expect(try await browser.send("/counties/\(a)/quota?year=2025").status == statuses.a, "\(role) reads A's quota page")
                #expect(try await browser.send("/counties/\(b)/quota").status == statuses.b, "\(role) reads B's quota page")
                let made = try await browser.postForm("/counties/\(a)/quota", files: [("quota", "quota.csv", quotaA)], fields: [])
                #expect(made.status == statuses.a, "\(role) allocates A's places")
                let xlsx = try await browser.postForm("/counties/\(a)/quota", files: [("quota", "quota.csv", quotaA)], fields: [("format", "xlsx")])
                #expect(xlsx.status == statuses.a, "\(role) downloads A's allocation")
                #expect(try await browser.postQuotaAPI("/api/counties/\(a)/quota", quota: quotaA).status == statuses.a, "\(role) allocates A's places by the API")
                // A's rows name county A: who may read B learns that, who may not is refused first.
                let other = try await browser.postQuotaAPI("/api/counties/\(b)/quota", quota: quotaA)
                #expect(other.status == (statuses.b == .ok ? .unprocessableContent : statuses.b), "\(role) allocates B's places by the API")
            }
            var anonymous = Browser(client)
            #expect(try await anonymous.send("/counties/\(a)/quota").status == .found)
            #expect(try await anonymous.postForm("/counties/\(a)/quota", files: [("quota", "quota.csv", quotaA)], fields: []).status != .ok)
            #expect(try await anonymous.postQuotaAPI("/api/counties/\(a)/quota", quota: quotaA).status == .unauthorized)
            var admin = try await Browser.signedIn(client, as: "admin")
            #expect(try await admin.send("/counties/999999/quota").status == .notFound)
            #expect(try await admin.send("/counties/\(a)/quota?year=2019").status == .notFound)
            var planner = try await Browser.signedIn(client, as: "planner")
            var forged = MultipartBody()
            forged.field("csrf", "forged")
            forged.file("quota", filename: "quota.csv", bytes: quotaA)
            #expect(try await planner.send("/counties/\(a)/quota", bytes: forged.finished(), contentType: forged.contentType).status == .forbidden)
        }
    }

    /// The page and the API show what the use case allocates among the stored junior schools;
    /// the API's answer is the command's document, each object with exactly its schema's members.
    @Test func thePageAndTheAPIAllocateTheStoredSchools() async throws {
        let fixture = try await WebFixture()
        let a = fixture.countyA
        let quota = try Self.quota(a)
        let rows = await fixture.store.schoolYears(county: a, year: 2025)
        let quotas = try QuotaReader().read(quota, file: "quota.csv").quotas
        let rules = QuotaRules(method: .sainteLague, lotterySeed: 7)
        let expected = try PlanQuota(rules: rules).allocate(quotas, schools: rows)
        let text = try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let form = try await planner.send("/counties/\(a)/quota")
            #expect(PageHTML.section("upload", of: form.text).contains("name=\"quota\""))
            #expect(PageHTML.section("data", of: form.text).contains("填报了初中应届毕业生数"))
            let page = try await planner.postForm("/counties/\(a)/quota", files: [("quota", "quota.csv", quota)],
                                                  fields: [("year", "2025"), ("method", "sainte_lague"), ("seed", "7")])
            #expect(page.status == .ok)
            #expect(PageHTML.isClean(page.text))
            let report = QuotaReport(language: .chinese).report(expected, rules: rules)
            let renderer = HTMLRenderer(language: .chinese, rowLimit: QuotaPage.rowLimit, showsDetail: true)
            #expect(page.text.contains(renderer.facts(report.headline)))
            #expect(!PageHTML.section("places", of: page.text).isEmpty)
            let csv = try await planner.postForm("/counties/\(a)/quota", files: [("quota", "quota.csv", quota)], fields: [("format", "csv")])
            #expect(csv.status == .ok && csv.text.hasPrefix("high_school,year,county_code,school_code"))

            let answer = try await planner.postQuotaAPI("/api/counties/\(a)/quota?lang=en", quota: quota,
                                                        fields: [("method", "sainte_lague"), ("seed", "7")])
            #expect(answer.status == .ok)
            #expect(answer.text == (try JSONValue(encoding: QuotaPlanDocument(expected, rules: rules)).serialized()))
            #expect(try JSONDecoder().decode(QuotaPlanDocument.self, from: Data(answer.text.utf8)) == QuotaPlanDocument(expected, rules: rules))
            // Refusals: no file, a bad method or seed, a file of another year.
            #expect(try await planner.postQuotaAPI("/api/counties/\(a)/quota", quota: nil).status == .badRequest)
            #expect(try await planner.postQuotaAPI("/api/counties/\(a)/quota", quota: quota, fields: [("method", "coin")]).status == .badRequest)
            #expect(try await planner.postQuotaAPI("/api/counties/\(a)/quota", quota: quota, fields: [("seed", "-1")]).status == .badRequest)
            let otherYear = try await planner.postQuotaAPI("/api/counties/\(a)/quota?lang=en", quota: try Self.quota(a, year: 2024))
            #expect(otherYear.status == .unprocessableContent)
            let details = (otherYear.json["error"] as? [String: Any])?["details"] as? [String] ?? []
            #expect(details.count == 2 && details[0].hasPrefix("quota.csv:2:年度:"))
            let refused = try await planner.postForm("/counties/\(a)/quota", files: [("quota", "quota.csv", try Self.quota(a, year: 2024))], fields: [])
            #expect(refused.status == .unprocessableContent)
            #expect(PageHTML.tableRows(PageHTML.section("problems", of: refused.text)).contains { $0.prefix(2) == ["quota.csv", "2"] })
            #expect(PageHTML.section("summary", of: refused.text).isEmpty)
            return answer.text
        }
        let check = try await OpenAPITests.memberCheck()
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        check(plan, "QuotaPlan")
        let allocation = try #require((plan["allocations"] as? [[String: Any]])?.first)
        check(allocation, "QuotaAllocation")
        let highSchool = try #require((allocation["plans"] as? [[String: Any]])?.first)
        check(highSchool, "QuotaHighSchool")
        check((highSchool["lines"] as? [[String: Any]])?.first, "QuotaLine")
    }
}
