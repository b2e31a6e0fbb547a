import Domain
import Foundation
import HTTPTypes
import Interchange
import Reports
import Testing
import UseCases
@testable import Web

extension Browser {
    /// `POST /api/counties/{county}/funding` with the page's multipart body, the session's token as `X-CSRF-Token`.
    mutating func postFundingAPI(_ uri: String, fields: [(String, String)] = []) async throws -> TestResponse {
        var body = MultipartBody()
        for (name, value) in fields { body.field(name, value) }
        var headers: HTTPFields = [:]
        if let csrf { headers[HTTPField.Name("X-CSRF-Token")!] = csrf }
        return try await send(uri, bytes: body.finished(), contentType: body.contentType, headers: headers)
    }
}

/// The funding page (经费保障) and its API: who may use them, what they answer, what they refuse.
@Suite("Funding page and API")
struct FundingPageTests {
    @Test func everyRoleOnEveryFundingRoute() async throws {
        let fixture = try await WebFixture()
        let a = fixture.countyA, b = fixture.countyB
        try await fixture.test { client in
            for (role, statuses) in WebFixture.countyReadAccess {
                var browser = try await Browser.signedIn(client, as: role)
                #expect(try await browser.send("/counties/\(a)/funding?year=2025").status == statuses.a, "\(role) reads A's funding page")
                #expect(try await browser.send("/counties/\(b)/funding").status == statuses.b, "\(role) reads B's funding page")
                #expect(try await browser.postForm("/counties/\(a)/funding", files: [], fields: [("budget", "10,000,000")]).status == statuses.a, "\(role) funds A")
                #expect(try await browser.postForm("/counties/\(a)/funding", files: [], fields: [("format", "xlsx")]).status == statuses.a, "\(role) downloads A's funds")
                #expect(try await browser.postFundingAPI("/api/counties/\(a)/funding").status == statuses.a, "\(role) funds A by the API")
                #expect(try await browser.postFundingAPI("/api/counties/\(b)/funding").status == statuses.b, "\(role) funds B by the API")
            }
            var anonymous = Browser(client)
            #expect(try await anonymous.send("/counties/\(a)/funding").status == .found)
            #expect(try await anonymous.postFundingAPI("/api/counties/\(a)/funding").status == .unauthorized)
            var admin = try await Browser.signedIn(client, as: "admin")
            #expect(try await admin.send("/counties/999999/funding").status == .notFound)
            var planner = try await Browser.signedIn(client, as: "planner")
            var forged = MultipartBody()
            forged.field("csrf", "forged")
            #expect(try await planner.send("/counties/\(a)/funding", bytes: forged.finished(), contentType: forged.contentType).status == .forbidden)
        }
    }

    /// The page and the API show what the use case computes for the stored schools; the API's
    /// answer is the command's document, each object with exactly its schema's members.
    @Test func thePageAndTheAPIFundTheStoredSchools() async throws {
        let fixture = try await WebFixture()
        let a = fixture.countyA
        let rows = await fixture.store.schoolYears(county: a, year: 2025)
        var east = FundingRules.defaults
        east.region = .east
        let standard = try Standard.builtIn("quality-2017")
        let expected = PlanFunding(rules: east, standard: standard).plan(rows, budget: 5_000_000)
        let text = try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let opened = try await planner.send("/counties/\(a)/funding")
            #expect(opened.status == .ok && PageHTML.section("upload", of: opened.text).contains("name=\"budget\""))
            #expect(opened.text.contains(HTMLRenderer(language: .chinese, rowLimit: FundingPage.rowLimit, showsDetail: true)
                .facts(FundingReport(language: .chinese).report(PlanFunding(standard: standard).plan(rows)).headline)))
            let page = try await planner.postForm("/counties/\(a)/funding", files: [], fields: [("budget", "5,000,000"), ("rules", #"{"region": "east"}"#)])
            #expect(page.status == .ok && PageHTML.isClean(page.text))
            let renderer = HTMLRenderer(language: .chinese, rowLimit: FundingPage.rowLimit, showsDetail: true)
            #expect(page.text.contains(renderer.facts(FundingReport(language: .chinese).report(expected).headline)))
            #expect(!PageHTML.section("schools", of: page.text).isEmpty)
            let csv = try await planner.postForm("/counties/\(a)/funding", files: [], fields: [("format", "csv")])
            #expect(csv.status == .ok && csv.text.hasPrefix("county_code,school_code,school_name"))

            let answer = try await planner.postFundingAPI("/api/counties/\(a)/funding?lang=en", fields: [("budget", "5000000"), ("rules", #"{"region": "east"}"#)])
            #expect(answer.status == .ok)
            #expect(answer.text == (try JSONValue(encoding: FundingPlanDocument(expected)).serialized()))
            #expect(try JSONDecoder().decode(FundingPlanDocument.self, from: Data(answer.text.utf8)) == FundingPlanDocument(expected))
            // Refusals: a bad budget, bad rules.
            #expect(try await planner.postFundingAPI("/api/counties/\(a)/funding", fields: [("budget", "lots")]).status == .badRequest)
            let bad = try await planner.postFundingAPI("/api/counties/\(a)/funding?lang=en", fields: [("rules", #"{"training_share": 2}"#)])
            #expect(bad.status == .unprocessableContent)
            #expect(((bad.json["error"] as? [String: Any])?["details"] as? [String])?.first?.contains("training_share must be from 0 to 1") == true)
            let refused = try await planner.postForm("/counties/\(a)/funding", files: [], fields: [("rules", #"{"training_share": 2}"#)])
            #expect(refused.status == .unprocessableContent && PageHTML.section("summary", of: refused.text).isEmpty)
            return answer.text
        }
        let check = try await OpenAPITests.memberCheck()
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        check(plan, "FundingPlan")
        check((plan["schools"] as? [[String: Any]])?.first, "FundingSchool")
        check((plan["items"] as? [[String: Any]])?.first, "FundingItem")
    }
}
