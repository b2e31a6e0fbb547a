import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import Testing
@testable import Web

/// The review routes (填报 → 审核) by role: who may submit a school's row, who may approve or
/// return it, who sees the queue; the county page's count of rows under review; a lock over
/// them only with a reason.
@Suite("Review of school rows")
struct ReviewPageTests {
    static func base(_ fixture: WebFixture, _ school: String) -> String {
        "/counties/\(fixture.countyA)/schools/\(school)/years/2025"
    }

    /// The clerk of school A saves a change, so that there is something to submit.
    static func draft(_ fixture: WebFixture, _ client: any TestClientProtocol) async throws {
        var clerk = try await Browser.signedIn(client, as: "clerk")
        let row = fixture.row(fixture.schoolA)
        #expect(try await clerk.post(base(fixture, fixture.schoolA), form: [("books", String((row.facilities.books ?? 0) + 40))]).status == .seeOther)
    }

    @Test func everyRoleOnTheSubmitRoute() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            try await Self.draft(fixture, client)
            var anonymous = Browser(client)
            let signIn = try await anonymous.post(Self.base(fixture, fixture.schoolA) + "/submit", form: [])
            #expect(signIn.status == .found && signIn.location?.hasPrefix("/login?next=") == true)
            for role in ["supervisor", "supervisorB"] {
                var browser = try await Browser.signedIn(client, as: role)
                #expect(try await browser.post(Self.base(fixture, fixture.schoolA) + "/submit", form: []).status == .forbidden, "\(role)")
            }
            var clerk = try await Browser.signedIn(client, as: "clerk")
            #expect(try await clerk.post(Self.base(fixture, fixture.otherSchoolA) + "/submit", form: []).status == .forbidden)
            #expect(try await clerk.post(Self.base(fixture, fixture.schoolA) + "/submit", form: [], csrf: "forged").status == .forbidden)
            #expect(try await fixture.store.submission(county: fixture.countyA, school: fixture.schoolA, year: 2025)?.status == .draft)
            #expect(try await clerk.post(Self.base(fixture, fixture.schoolA) + "/submit", form: []).status == .seeOther)
            #expect(try await clerk.post(Self.base(fixture, fixture.schoolA) + "/submit", form: []).status == .conflict)
            // A school with nothing saved has nothing to submit.
            var planner = try await Browser.signedIn(client, as: "planner")
            #expect(try await planner.post(Self.base(fixture, fixture.otherSchoolA) + "/submit", form: []).status == .notFound)
            #expect(try await fixture.store.submission(county: fixture.countyA, school: fixture.schoolA, year: 2025)?.status == .submitted)
        }
    }

    @Test(arguments: ["admin", "planner", "supervisor", "supervisorB", "clerk"])
    func everyRoleOnTheReviewRoute(_ role: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            try await Self.draft(fixture, client)
            var clerk = try await Browser.signedIn(client, as: "clerk")
            #expect(try await clerk.post(Self.base(fixture, fixture.schoolA) + "/submit", form: []).status == .seeOther)
            let before = fixture.row(fixture.schoolA)
            var browser = try await Browser.signedIn(client, as: role)
            let response = try await browser.post(Self.base(fixture, fixture.schoolA) + "/review", form: [("decision", "approve")])
            let stored = await fixture.store.schoolYear(county: fixture.countyA, school: fixture.schoolA, year: 2025)
            if ["admin", "planner"].contains(role) {
                #expect(response.status == .seeOther)
                #expect(stored?.facilities.books == (before.facilities.books ?? 0) + 40)
                let trail = await fixture.store.auditTrail(AuditQuery(schoolCode: fixture.schoolA, limit: 2)).entries
                #expect(trail.map(\.action) == [.edit, .approveRow] && trail.allSatisfy { $0.accountName == role })
            } else {
                #expect(response.status == .forbidden)
                #expect(stored == before)
                #expect(try await fixture.store.submission(county: fixture.countyA, school: fixture.schoolA, year: 2025)?.status == .submitted)
            }
            // The queue: whoever reads the county.
            let queue = try await browser.send("/counties/\(fixture.countyA)/review?year=2025")
            #expect(queue.status == (["admin", "planner", "supervisor"].contains(role) ? .ok : .forbidden), "\(role)")
        }
    }

    @Test func theCountyPageCountsRowsUnderReviewAndALockOverThemNeedsAReason() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            try await Self.draft(fixture, client)
            var planner = try await Browser.signedIn(client, as: "planner")
            let county = try await planner.send("/counties/\(fixture.countyA)?year=2025").text
            let panel = PageHTML.section("review-queue", of: county)
            #expect(panel.contains("本年度有 1 所学校的填报尚未审核通过，不计入评估"))
            #expect(panel.contains("/counties/\(fixture.countyA)/review?year=2025"))
            #expect(PageHTML.section("lock", of: county).contains("name=\"reason\""))
            let queue = try await planner.send("/counties/\(fixture.countyA)/review?year=2025").text
            #expect(PageHTML.tableRows(queue).map { $0[0] } == [fixture.schoolA])
            #expect(queue.contains("填报中"))

            let lock = "/counties/\(fixture.countyA)/years/2025/lock"
            let refused = try await planner.post(lock, form: [("confirm", "yes")])
            #expect(refused.status == .conflict && refused.text.contains("所学校的填报未审核通过"))
            #expect(await fixture.store.locks(county: fixture.countyA).isEmpty)
            #expect(try await planner.post(lock, form: [("confirm", "yes"), ("reason", "报送截止，该校未按时提交")]).status == .seeOther)
            let entry = await fixture.store.auditTrail(AuditQuery(counties: [fixture.countyA], limit: 1)).entries.first
            #expect(entry?.action == .lock && entry?.note == "报送截止，该校未按时提交")
            // Locked: the clerk can no longer submit.
            var clerk = try await Browser.signedIn(client, as: "clerk")
            #expect(try await clerk.post(Self.base(fixture, fixture.schoolA) + "/submit", form: []).status == .conflict)
        }
    }
}
