import Foundation
import HTTPTypes
import Storage
import Testing
@testable import Web

/// Publishing a county's evaluation report: who may publish and withdraw, the public page
/// without sign-in (a snapshot, no personal data), the province page's links, the trail.
@Suite("Published reports")
struct PublicationPageTests {
    @Test func everyRoleOnThePublicationRoutes() async throws {
        let (fixture, register) = try await CarePageTests.fixture()
        let a = fixture.countyA, b = fixture.countyB
        try await fixture.test { client in
            var anonymous = Browser(client)
            #expect(try await anonymous.send("/published/\(a)/2025").status == .notFound)
            for (role, mayA, mayB) in [("clerk", false, false), ("supervisor", false, false), ("care", false, false),
                                       ("planner", true, false), ("admin", true, true)] {
                var browser = try await Browser.signedIn(client, as: role)
                let published = try await browser.post("/counties/\(a)/years/2025/publish", form: [])
                #expect(published.status == (mayA ? .seeOther : .forbidden), "\(role) publishes A")
                let other = try await browser.post("/counties/\(b)/years/2025/publish", form: [])
                #expect(other.status == (mayB ? .seeOther : .forbidden), "\(role) publishes B")
            }
            // Anyone reads it, signed in or not; it names no child.
            let page = try await anonymous.send("/published/\(a)/2025")
            #expect(page.status == .ok && page.text.contains("督导评估报告") && page.text.contains(a))
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(!register.contains { page.text.contains($0.name) || page.text.contains($0.id) })
            let index = try await anonymous.send("/published")
            #expect(index.status == .ok && index.text.contains("/published/\(a)/2025") && index.text.contains("/published/\(b)/2025"))
            // The supervisor's province page links both; the county page says it is published.
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            let province = try await supervisor.send("/province")
            #expect(PageHTML.section("published", of: province.text).contains("/published/\(a)/2025"))
            var planner = try await Browser.signedIn(client, as: "planner")
            let county = try await planner.send("/counties/\(a)?year=2025")
            #expect(PageHTML.section("publication", of: county.text).contains("/published/\(a)/2025"))
            // Withdrawn: gone for everyone; withdrawing again is 404; forged token refused.
            #expect(try await planner.post("/counties/\(a)/years/2025/unpublish", form: [], csrf: "forged").status == .forbidden)
            #expect(try await supervisor.post("/counties/\(a)/years/2025/unpublish", form: []).status == .forbidden)
            #expect(try await planner.post("/counties/\(a)/years/2025/unpublish", form: []).status == .seeOther)
            #expect(try await planner.post("/counties/\(a)/years/2025/unpublish", form: []).status == .notFound)
            #expect(try await anonymous.send("/published/\(a)/2025").status == .notFound)
            #expect(try await anonymous.send("/published/\(b)/2025").status == .ok)
            #expect(try await anonymous.post("/counties/\(b)/years/2025/unpublish", form: []).status != .seeOther)
            #expect(try await planner.post("/counties/\(a)/years/2019/publish", form: []).status == .notFound)
        }
        let trail = await fixture.store.auditTrail(AuditQuery(counties: [a])).entries.filter { [.publish, .unpublish].contains($0.action) }
        #expect(trail.map(\.action) == [.unpublish, .publish, .publish])
        #expect(trail.map(\.accountName) == ["planner", "admin", "planner"])
    }

    /// The public page is the snapshot taken when published: a later edit changes it only when
    /// it is published again.
    @Test func thePublishedReportIsASnapshot() async throws {
        let fixture = try await WebFixture()
        let a = fixture.countyA
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            #expect(try await planner.post("/counties/\(a)/years/2025/publish", form: []).status == .seeOther)
            var anonymous = Browser(client)
            let first = try await anonymous.send("/published/\(a)/2025").text
            var row = try #require(await fixture.store.schoolYear(county: a, school: fixture.schoolA, year: 2025))
            let admin = try #require(await fixture.store.account(named: "admin"))
            row.schoolName = "改名后的学校"
            _ = try await fixture.store.updateSchoolYear(row, by: admin, at: fixture.clock.now)
            #expect(try await anonymous.send("/published/\(a)/2025").text == first)
            #expect(try await planner.post("/counties/\(a)/years/2025/publish", form: []).status == .seeOther)
            #expect(try await anonymous.send("/published/\(a)/2025").text.contains("改名后的学校"))
        }
    }
}

/// A planner whose county has no data yet lands on what to do first, not a bare 404.
@Suite("A new county's first screen")
struct CountyFirstStepsTests {
    @Test func aPlannerOfANewCountySeesWhatToDoNext() async throws {
        let fixture = try await WebFixture()
        _ = try await fixture.store.createAccount(
            NewAccount(name: "newPlanner", role: .planner, counties: ["650101"], passwordHash: try await fixture.services.passwords.hash("pw-newPlanner")),
            at: fixture.clock.now)
        _ = try await fixture.store.createAccount(
            NewAccount(name: "newSupervisor", role: .supervisor, counties: ["650101"], passwordHash: try await fixture.services.passwords.hash("pw-newSupervisor")),
            at: fixture.clock.now)
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "newPlanner")
            let page = try await planner.send("/counties/650101")
            #expect(page.status == .ok)
            let steps = PageHTML.section("first-steps", of: page.text)
            #expect(steps.contains("/import/template.xlsx") && steps.contains("href=\"/import\""))
            #expect(try await planner.send("/counties/650101?year=2025").status == .notFound)
            var supervisor = try await Browser.signedIn(client, as: "newSupervisor")
            #expect(try await supervisor.send("/counties/650101").status == .notFound)
            var admin = try await Browser.signedIn(client, as: "admin")
            #expect(try await admin.send("/counties/650101").status == .notFound)
        }
    }
}
