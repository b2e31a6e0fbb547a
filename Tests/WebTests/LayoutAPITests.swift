import Domain
import Foundation
import HTTPTypes
import Interchange
import Planning
import Reports
import Testing
import UseCases
@testable import Web

extension Browser {
    /// `POST /api/counties/{county}/layout` with the page's multipart body, the session's token as `X-CSRF-Token`.
    mutating func postLayoutAPI(_ uri: String, sites: [UInt8]?, fields: [(String, String)],
                                files: [(input: String, bytes: [UInt8])] = []) async throws -> TestResponse {
        var body = MultipartBody()
        for (name, value) in fields { body.field(name, value) }
        if let sites { body.file("sites", filename: "sites.csv", bytes: sites) }
        for file in files { body.file(file.input, filename: "\(file.input).csv", bytes: file.bytes) }
        var headers: HTTPFields = [:]
        if let csrf { headers[HTTPField.Name("X-CSRF-Token")!] = csrf }
        return try await send(uri, bytes: body.finished(), contentType: body.contentType, headers: headers)
    }
}

@Suite("Layout in the API")
struct LayoutAPITests {
    @Test func everyRoleOnTheLayoutAPI() async throws {
        let fixture = try await WebFixture()
        let sitesA = try SitesWriter().write(await LayoutPageTests.sites(fixture, county: fixture.countyA))
        let sitesB = try SitesWriter().write(await LayoutPageTests.sites(fixture, county: fixture.countyB))
        try await fixture.test { client in
            var admin = try await Browser.signedIn(client, as: "admin")
            let a = fixture.countyA, b = fixture.countyB
            #expect(try await admin.postZoneData("/counties/\(a)/zones/data", blocks: ("blocks.csv", ZonesPageTests.csv(fixture.blocks(of: a)))).status == .seeOther)
            for (role, statuses) in WebFixture.countyReadAccess {
                var browser = try await Browser.signedIn(client, as: role)
                let planned = try await browser.postLayoutAPI("/api/counties/\(a)/layout", sites: sitesA, fields: [("open", "4")])
                #expect(planned.status == statuses.a, "\(role) plans A's layout")
                // A's sites name schools B does not have: who may read B learns that, who may not is refused first.
                let other = try await browser.postLayoutAPI("/api/counties/\(b)/layout", sites: sitesA, fields: [("open", "4")])
                #expect(other.status == (statuses.b == .ok ? .unprocessableContent : statuses.b), "\(role) plans B's layout")
            }
            // B's own sites are fine, but B has no blocks stored.
            #expect(try await admin.postLayoutAPI("/api/counties/\(b)/layout", sites: sitesB, fields: [("open", "1")]).status == .notFound)
            var anonymous = Browser(client)
            #expect(try await anonymous.postLayoutAPI("/api/counties/\(a)/layout", sites: sitesA, fields: [("open", "4")]).status == .unauthorized)
        }
    }

    /// The answer is the command's document of the same plan; its objects carry exactly the members their schemas list.
    @Test func theAnswerIsTheCommandsDocument() async throws {
        let fixture = try await WebFixture()
        let blocks = fixture.blocks(of: fixture.countyA)
        let sites = await LayoutPageTests.sites(fixture, county: fixture.countyA)
        let text = try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let a = fixture.countyA
            #expect(try await planner.postZoneData("/counties/\(a)/zones/data", blocks: ("blocks.csv", ZonesPageTests.csv(blocks))).status == .seeOther)
            let answer = try await planner.postLayoutAPI("/api/counties/\(a)/layout?lang=en", sites: try SitesWriter().write(sites),
                                                         fields: [("open", "4"), ("stage", "primary")])
            #expect(answer.status == .ok)
            let stored = await fixture.store.blocks(county: a)
            let plan = try LayoutPlanner(rules: .defaults).plan(stage: .primary, blocks: stored, sites: sites, distances: [], target: .open(4))
            #expect(answer.text == (try JSONValue(encoding: LayoutPlanDocument(plan)).serialized()))
            #expect(try JSONDecoder().decode(LayoutPlanDocument.self, from: Data(answer.text.utf8)) == LayoutPlanDocument(plan))

            // Refusals: no sites, no target, a target the sites cannot meet, a bad rules text.
            #expect(try await planner.postLayoutAPI("/api/counties/\(a)/layout", sites: nil, fields: [("open", "4")]).status == .badRequest)
            #expect(try await planner.postLayoutAPI("/api/counties/\(a)/layout", sites: try SitesWriter().write(sites), fields: []).status == .badRequest)
            let tooMany = try await planner.postLayoutAPI("/api/counties/\(a)/layout", sites: try SitesWriter().write(sites), fields: [("open", "999")])
            #expect(tooMany.status == .unprocessableContent)
            #expect((tooMany.json["error"] as? [String: Any])?["code"] as? String == "invalid_data")
            let rules = try await planner.postLayoutAPI("/api/counties/\(a)/layout", sites: try SitesWriter().write(sites),
                                                        fields: [("open", "4"), ("rules", #"{"community_rules": [{"stage": "primary", "population_from": 1, "classes_min": 0}]}"#)])
            #expect(rules.status == .unprocessableContent)
            return answer.text
        }
        let check = try await OpenAPITests.memberCheck()
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        check(plan, "LayoutPlan")
        for (key, name) in [("assignments", "LayoutAssignment"), ("sites", "LayoutSite"), ("years", "LayoutYear")] {
            check((plan[key] as? [Any])?.first, name)
        }
        let mergers = (plan["mergers"] as? [Any] ?? []) + (plan["merger_candidates"] as? [Any] ?? [])
        for merger in mergers {
            check(merger, "LayoutMerger")
            for receiver in (merger as? [String: Any])?["receivers"] as? [Any] ?? [] { check(receiver, "LayoutReceiver") }
        }
        for requirement in plan["requirements"] as? [Any] ?? [] {
            check(requirement, "LayoutRequirement")
            check((requirement as? [String: Any])?["today"], "LayoutProvision")
        }
    }

    /// With the enrollment and births uploaded, each community the rules cover has its need in
    /// each forecast year — the plan the planner makes with the county's forecast.
    @Test func theForecastStatesTheCommunitiesNeedsAhead() async throws {
        let fixture = try await WebFixture()
        let a = fixture.countyA
        let blocks = fixture.blocks(of: a)
        let sites = await LayoutPageTests.sites(fixture, county: a)
        let codes = Set(fixture.rows(county: a, year: 2025).map(\.schoolCode))
        let enrollment = WebFixture.demoZones.enrollment.filter { codes.contains($0.schoolCode) }
        let births = WebFixture.demoZones.births.filter { $0.areaCode == a }
        let rulesText = #"{"community_rules": [{"stage": "primary", "population_from": 1000, "classes_min": 6}]}"#
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            #expect(try await planner.postZoneData("/counties/\(a)/zones/data", blocks: ("blocks.csv", ZonesPageTests.csv(blocks))).status == .seeOther)
            let answer = try await planner.postLayoutAPI(
                "/api/counties/\(a)/layout", sites: try SitesWriter().write(sites), fields: [("open", "4"), ("rules", rulesText)],
                files: [("enrollment", try EnrollmentWriter().write(enrollment)), ("births", try BirthsWriter().write(births))])
            #expect(answer.status == .ok)
            let stored = await fixture.store.blocks(county: a)
            let rows = await fixture.store.schoolYears(county: a, year: 2025)
            let forecast = PlanZones().forecast(schools: rows, county: a, history: enrollment, births: births, blocks: stored)
            let rules = try JSONDecoder().decode(LayoutRules.self, from: Data(rulesText.utf8))
            let plan = try PlanLayout(rules: rules).plan(stage: .primary, blocks: stored, sites: sites, distances: [], target: .open(4),
                                                         forecast: (forecast, history: enrollment))
            #expect(!plan.requirements.isEmpty && plan.requirements.allSatisfy { $0.forecast.count == forecast.years.count })
            #expect(try JSONDecoder().decode(LayoutPlanDocument.self, from: Data(answer.text.utf8)) == LayoutPlanDocument(plan))
            // A refused enrollment file is listed with the sites' problems, all at once.
            var wrong = enrollment
            wrong[0].schoolCode = "7777777777"
            var wrongSites = sites
            wrongSites[0].schoolCode = "8888888888"
            let refused = try await planner.postLayoutAPI(
                "/api/counties/\(a)/layout", sites: try SitesWriter().write(wrongSites), fields: [("open", "4")],
                files: [("enrollment", try EnrollmentWriter().write(wrong))])
            #expect(refused.status == .unprocessableContent)
            let details = (refused.json["error"] as? [String: Any])?["details"] as? [String] ?? []
            #expect(details.contains { $0.hasPrefix("enrollment.csv:2:") } && details.contains { $0.hasPrefix("sites.csv:2:") }, "\(details)")
        }
    }
}
