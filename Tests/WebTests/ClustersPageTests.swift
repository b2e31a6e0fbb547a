import Domain
import Foundation
import HTTPTypes
import Planning
import Storage
import Testing
@testable import Web

/// The school clusters page: who may read and define clusters, a cluster checked against the
/// county's schools and its other clusters, its CVs shown beside the county's, the pairing proposal.
@Suite("School clusters page")
struct ClustersPageTests {
    @Test(arguments: ["admin", "planner", "supervisor", "supervisorB", "clerk"])
    func everyRoleOnTheClusterRoutes(_ role: String) async throws {
        let fixture = try await WebFixture()
        let county = fixture.countyA
        let schools = fixture.rows.filter { $0.countyCode == county && $0.year == 2025 }.map(\.schoolCode)
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: role)
            let reads = ["admin", "planner", "supervisor"].contains(role)
            let defines = ["admin", "planner"].contains(role)
            let page = try await browser.send("/counties/\(county)/clusters?year=2025")
            #expect(page.status == (reads ? .ok : .forbidden), "\(role) reads")
            if reads { #expect(page.text.contains("name=\"members\"") == defines, "\(role) sees the form") }
            let saved = try await browser.post("/counties/\(county)/clusters?year=2025", form: [
                ("id", "XQ01"), ("name", "城东学区"), ("kind", "district"), ("core", schools[0]), ("members", "\(schools[1]), \(schools[2])"),
            ])
            #expect(saved.status == (defines ? .seeOther : .forbidden), "\(role) defines")
            let removed = try await browser.post("/counties/\(county)/clusters/XQ01/delete?year=2025", form: [])
            #expect(removed.status == (defines ? .seeOther : .forbidden), "\(role) removes")
        }
        let trail = await fixture.store.auditTrail(AuditQuery(counties: [county])).entries.filter { $0.action == .cluster }
        #expect(trail.count == (["admin", "planner"].contains(role) ? 2 : 0))
    }

    @Test func aClusterIsCheckedAndShownWithItsCVs() async throws {
        let fixture = try await WebFixture()
        let county = fixture.countyA
        let schools = fixture.rows.filter { $0.countyCode == county && $0.year == 2025 && $0.type != .teachingPoint }.map(\.schoolCode)
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let path = "/counties/\(county)/clusters?year=2025"
            #expect(try await planner.post(path, form: [("id", "XQ01"), ("name", "城东学区"), ("kind", "district"), ("members", "\(schools[0]),\(schools[1]),\(schools[2])")]).status == .seeOther)
            // A school of another county, or already in a district, is refused.
            #expect(try await planner.post(path, form: [("id", "XQ02"), ("name", "x"), ("kind", "district"), ("members", "\(schools[3]),\(fixture.schoolB)")]).status == .unprocessableContent)
            let twice = try await planner.post(path, form: [("id", "XQ02"), ("name", "城西学区"), ("kind", "district"), ("members", "\(schools[2]),\(schools[3])")])
            #expect(twice.status == .unprocessableContent && twice.text.contains("已属于学区“城东学区”"))
            // The same schools may form an education group.
            #expect(try await planner.post(path, form: [("id", "JT01"), ("name", "实验教育集团"), ("kind", "group"), ("core", schools[2]), ("members", "\(schools[3])")]).status == .seeOther)
            let stored = await fixture.store.clusters(county: county)
            #expect(stored.map(\.id) == ["XQ01", "JT01"])
            #expect(stored.first { $0.id == "JT01" }?.members == [schools[2], schools[3]])
            let page = try await planner.send(path).text
            let rows = PageHTML.tableRows(PageHTML.section("clusters", of: page))
            #expect(rows.count == 2 && rows.contains { $0[0] == "XQ01" && $0[4] == "3" })
            #expect(page.contains("集团内差异系数"))
            let pairing = PageHTML.section("pairing", of: page)
            #expect(pairing.contains("强弱结对建议"))
        }
    }

    /// A teacher shared within a cluster is recorded on the clusters page and counted by the
    /// rotation plan's quota on the rotation page, which does not move them.
    @Test func aSharedTeacherCountsInTheRotationQuota() async throws {
        let fixture = try await WebFixture()
        let county = fixture.countyA
        let teachers = fixture.teachers(of: county)
        let eligible = try #require(teachers.first { !$0.isPrincipal && RotationRules.defaults.eligibility(of: $0, in: 2025).isEligible })
        let host = try #require(fixture.rows.first { $0.countyCode == county && $0.year == 2025 && $0.schoolCode != eligible.schoolCode
                                                     && $0.type != .teachingPoint }).schoolCode
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let path = "/counties/\(county)/clusters?year=2025"
            #expect(try await planner.post(path, form: [("id", "JT01"), ("name", "实验教育集团"), ("kind", "group"), ("members", "\(eligible.schoolCode),\(host)")]).status == .seeOther)
            let shared = "/counties/\(county)/clusters/shared?year=2025"
            // Both schools must be members of the cluster, and differ.
            #expect(try await planner.post(shared, form: [("teacher_id", eligible.id), ("cluster", "JT01"), ("home", eligible.schoolCode), ("host", fixture.schoolB)]).status
                    == .unprocessableContent)
            #expect(try await planner.post(shared, form: [("teacher_id", eligible.id), ("cluster", "JT01"), ("home", host), ("host", host)]).status
                    == .unprocessableContent)
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            #expect(try await supervisor.post(shared, form: [("teacher_id", eligible.id), ("cluster", "JT01"), ("home", eligible.schoolCode), ("host", host)]).status
                    == .forbidden)
            #expect(try await planner.post(shared, form: [("teacher_id", eligible.id), ("cluster", "JT01"), ("home", eligible.schoolCode), ("host", host)]).status
                    == .seeOther)
            #expect(await fixture.store.sharedTeachers(county: county, year: 2025).map(\.teacherID) == [eligible.id])
            #expect(PageHTML.section("shared", of: try await planner.send(path).text).contains(eligible.id))

            let page = try await planner.postRotate("/counties/\(county)/rotate", teachers: ("teachers.csv", RotatePageTests.csv(teachers)))
            #expect(page.status == .ok)
            #expect(page.text.contains("另有学区、集团内互派教师 1 名"))
            let plan = await fixture.rotation(county: county, teachers: teachers)
            let rows = await fixture.store.schoolYears(county: county, year: 2025)
            let counted = RotationPlanner(rules: .defaults).plan(schools: rows, teachers: teachers, year: 2025, shared: [eligible.id])
            #expect(counted.sharedTeachers == 1 && plan.sharedTeachers == 0)
            #expect(!counted.moves.contains { $0.teacherID == eligible.id })
            let api = try await planner.postRotate("/api/counties/\(county)/rotate", teachers: ("teachers.csv", RotatePageTests.csv(teachers)), asHeader: true)
            #expect(api.json["shared_teachers"] as? Int == 1)

            #expect(try await planner.post("/counties/\(county)/clusters/shared/\(eligible.id)/delete?year=2025", form: []).status == .seeOther)
            #expect(await fixture.store.sharedTeachers(county: county, year: 2025).isEmpty)
            let trail = await fixture.store.auditTrail(AuditQuery(counties: [county], limit: 2)).entries.map(\.action)
            #expect(trail == [.sharedTeacher, .sharedTeacher])
        }
    }
}
