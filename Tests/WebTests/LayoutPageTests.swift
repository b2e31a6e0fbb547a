import Domain
import Foundation
import HTTPTypes
import Interchange
import Planning
import Reports
import Storage
import Testing
import UseCases
@testable import Web

@Suite("School layout page")
struct LayoutPageTests {
    /// The sites of `county`: its located primary schools of 2025 (places 120 % of their
    /// students) and two candidate sites near the first two.
    static func sites(_ fixture: WebFixture, county: String) async -> [LayoutSite] {
        let rows = await fixture.store.schoolYears(county: county, year: 2025).filter { $0.coordinate != nil && $0.type.stages.contains(.primary) }
        var sites = rows.map { row in
            LayoutSite(id: "E-\(row.schoolCode)", name: row.schoolName, location: row.coordinate, schoolCode: row.schoolCode)
        }
        for (k, row) in rows.prefix(2).enumerated() {
            let at = row.coordinate!
            sites.append(LayoutSite(id: "C\(k)", name: "新址\(k)", location: Coordinate(longitude: at.longitude + 0.01, latitude: at.latitude + 0.01),
                                    capacity: [.primary: 1_350], buildCost: 30_000_000))
        }
        return sites
    }

    @Test func everyRoleOnEveryLayoutRoute() async throws {
        let fixture = try await WebFixture()
        let blocksA = ZonesPageTests.csv(fixture.blocks(of: fixture.countyA))
        let sitesA = try SitesWriter().write(await Self.sites(fixture, county: fixture.countyA))
        try await fixture.test { client in
            var admin = try await Browser.signedIn(client, as: "admin")
            #expect(try await admin.postZoneData("/counties/\(fixture.countyA)/zones/data", blocks: ("blocks.csv", blocksA)).status == .seeOther)
            let a = fixture.countyA
            for (role, statuses) in WebFixture.countyReadAccess {
                var browser = try await Browser.signedIn(client, as: role)
                #expect(try await browser.send("/counties/\(a)/layout?year=2025").status == statuses.a, "\(role) reads A's layout page")
                #expect(try await browser.send("/counties/\(fixture.countyB)/layout").status == statuses.b, "\(role) reads B's layout page")
                let planned = try await browser.postForm("/counties/\(a)/layout", files: [("sites", "sites.csv", sitesA)], fields: [("open", "4")])
                #expect(planned.status == statuses.a, "\(role) plans A's layout")
                let xlsx = try await browser.postForm("/counties/\(a)/layout", files: [("sites", "sites.csv", sitesA)],
                                                      fields: [("open", "4"), ("format", "xlsx")])
                #expect(xlsx.status == statuses.a, "\(role) downloads A's layout")
            }
            var anonymous = Browser(client)
            #expect(try await anonymous.send("/counties/\(a)/layout").status == .found)
            #expect(try await anonymous.postForm("/counties/\(a)/layout", files: [("sites", "sites.csv", sitesA)], fields: [("open", "4")]).status != .ok)
            #expect(try await admin.send("/counties/999999/layout").status == .notFound)
            #expect(try await admin.send("/counties/\(a)/layout?year=2019").status == .notFound)
            // Without the session's token nothing is planned.
            var planner = try await Browser.signedIn(client, as: "planner")
            var forged = MultipartBody()
            forged.field("csrf", "forged")
            forged.field("open", "4")
            forged.file("sites", filename: "sites.csv", bytes: sitesA)
            #expect(try await planner.send("/counties/\(a)/layout", bytes: forged.finished(), contentType: forged.contentType).status == .forbidden)
        }
    }

    /// The page shows the plan the planner makes of the stored blocks and the uploaded sites —
    /// the same headline as the report made here — with the map, the classes and the sequence.
    @Test func theLayoutPagePlansTheStoredBlocksOverUploadedSites() async throws {
        let fixture = try await WebFixture()
        let blocks = fixture.blocks(of: fixture.countyA)
        let sites = await Self.sites(fixture, county: fixture.countyA)
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let a = fixture.countyA
            let empty = try await planner.send("/counties/\(a)/layout")
            #expect(PageHTML.section("data", of: empty.text).contains("学区划分"))
            #expect(try await planner.postZoneData("/counties/\(a)/zones/data", blocks: ("blocks.csv", ZonesPageTests.csv(blocks))).status == .seeOther)
            let form = try await planner.send("/counties/\(a)/layout")
            #expect(PageHTML.section("upload", of: form.text).contains("name=\"sites\""))

            let made = try await planner.postForm("/counties/\(a)/layout", files: [("sites", "sites.csv", try SitesWriter().write(sites))],
                                                  fields: [("year", "2025"), ("open", "4"), ("stage", "primary")])
            #expect(made.status == .ok)
            #expect(PageHTML.isClean(made.text))
            let stored = await fixture.store.blocks(county: a)
            let plan = try LayoutPlanner(rules: .defaults).plan(stage: .primary, blocks: stored, sites: sites, distances: [], target: .open(4))
            let report = LayoutReport(language: .chinese).report(plan)
            let renderer = HTMLRenderer(language: .chinese, rowLimit: LayoutPlanPage.rowLimit, showsDetail: true)
            #expect(made.text.contains(renderer.facts(report.headline)))
            #expect(made.text.contains("<svg"))
            #expect(PageHTML.section("sites", of: made.text).contains("永久性保留") || PageHTML.section("sites", of: made.text).contains("过渡性保留"))
            #expect(!PageHTML.section("years", of: made.text).isEmpty)

            let csv = try await planner.postForm("/counties/\(a)/layout", files: [("sites", "sites.csv", try SitesWriter().write(sites))],
                                                 fields: [("open", "4"), ("format", "csv")])
            #expect(csv.status == .ok)
            #expect(csv.text.hasPrefix("block_id,block_name,site_id,site_name,children,distance,today_site,today_distance"))

            let budget = try await planner.postForm("/counties/\(a)/layout", files: [("sites", "sites.csv", try SitesWriter().write(sites))],
                                                    fields: [("budget", "30,000,000")])
            #expect(budget.status == .ok)
        }
    }

    @Test func refusedSitesAndTargetsAreListed() async throws {
        let fixture = try await WebFixture()
        let blocks = fixture.blocks(of: fixture.countyA)
        let sites = await Self.sites(fixture, county: fixture.countyA)
        // A site of a school the county does not have, and one with no place on the map.
        var wrong = sites
        wrong[0].schoolCode = "7777777777"
        wrong[1].location = nil
        let bad = try SitesWriter().write(wrong), good = try SitesWriter().write(sites)
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let a = fixture.countyA
            #expect(try await planner.postZoneData("/counties/\(a)/zones/data", blocks: ("blocks.csv", ZonesPageTests.csv(blocks))).status == .seeOther)
            let refused = try await planner.postForm("/counties/\(a)/layout", files: [("sites", "sites.csv", bad)],
                                                     fields: [("open", "4")])
            #expect(refused.status == .unprocessableContent)
            let rows = PageHTML.tableRows(PageHTML.section("problems", of: refused.text))
            #expect(rows.contains { $0.prefix(2) == ["sites.csv", "2"] })
            #expect(rows.contains { $0.prefix(2) == ["sites.csv", "3"] })
            #expect(PageHTML.section("summary", of: refused.text).isEmpty)
            // Targets: none, both, one the sites cannot meet.
            #expect(try await planner.postForm("/counties/\(a)/layout", files: [("sites", "sites.csv", good)]).status == .badRequest)
            #expect(try await planner.postForm("/counties/\(a)/layout", files: [("sites", "sites.csv", good)],
                                               fields: [("open", "4"), ("budget", "100")]).status == .badRequest)
            let tooMany = try await planner.postForm("/counties/\(a)/layout", files: [("sites", "sites.csv", good)], fields: [("open", "999")])
            #expect(tooMany.status == .unprocessableContent)
            #expect(PageHTML.section("problems", of: tooMany.text).contains("--open 999") == false)
            #expect(PageHTML.section("problems", of: tooMany.text).contains("999"))
            #expect(try await planner.postForm("/counties/\(a)/layout", files: [], fields: [("open", "4")]).status == .badRequest)
        }
    }
}
