import Domain
import Foundation
import HTTPTypes
import Storage
import Testing
@testable import Web

@Suite("Audit page")
struct AuditPageTests {
    /// Edits `school`'s teaching area through the store, as `name`, one minute later than now.
    static func edit(_ fixture: WebFixture, school: String, county: String, by name: String, area: Double) async throws -> Double? {
        let account = try #require(await fixture.store.account(named: name))
        var row = try #require(await fixture.store.schoolYear(county: county, school: school, year: 2025))
        let old = row.facilities.teachingArea
        row.facilities.teachingArea = area
        fixture.clock.advance(60)
        _ = try await fixture.store.updateSchoolYear(row, by: account, at: fixture.clock.now)
        return old
    }

    @Test func editShowsWhoWhenOldAndNew() async throws {
        let fixture = try await WebFixture()
        let old = try #require(try await Self.edit(fixture, school: fixture.schoolA, county: fixture.countyA, by: "clerk", area: 6543.5))
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            let page = try await browser.send("/audit")
            #expect(page.status == .ok)
            let row = try #require(page.text.components(separatedBy: "<tr>").first { $0.contains("6543.5") })
            // 1_790_000_060 s is 2026-09-21 22:14:20 in Beijing.
            #expect(row.contains("<td>2026-09-21 22:14:20</td><td>clerk</td><td>修改</td><td>\(fixture.countyA)</td><td class=\"num\">2025</td>"))
            #expect(row.contains("<a href=\"/counties/\(fixture.countyA)/schools/\(fixture.schoolA)?year=2025\">\(fixture.schoolA)</a>"))
            #expect(row.contains("<td>教学及辅助用房面积</td><td>\(FieldValue.decimal(old).text)</td><td>6543.5</td>"))
            // The header names the old and the new value's columns.
            #expect(page.text.contains("<th>字段</th><th>原值</th><th>新值</th>"))
            // Newest first: the edit is the first row of the table.
            let firstRow = try #require(page.text.components(separatedBy: "<tbody>").last?.components(separatedBy: "<tr>").dropFirst().first)
            #expect(firstRow.contains("6543.5"))

            let english = try await browser.send("/audit?lang=en")
            #expect(english.text.contains("<td>Edit</td>") && english.text.contains("<td>teaching_area</td>"))
        }
    }

    /// A supervisor reads an update of the blocks: the count, each block added, each changed
    /// value named by the blocks file's column and the block, and the distances' count.
    @Test func blockUpdatesNameTheBlockAndTheColumn() async throws {
        let fixture = try await WebFixture()
        let account = try #require(await fixture.store.account(named: "planner"))
        let county = fixture.countyA
        var block = ResidentialBlock(id: "B01", name: "幸福小区", countyCode: county, location: nil, children: [.primary: 120, .junior: 60])
        _ = try await fixture.store.replaceZoneData(county: county, blocks: [block], distances: [], by: account, at: fixture.clock.now)
        block.children[.primary] = 130
        fixture.clock.advance(60)
        _ = try await fixture.store.replaceZoneData(county: county, blocks: [block],
                                                    distances: [TravelDistance(from: "B01", to: fixture.schoolA, measure: .minutes(12))],
                                                    by: account, at: fixture.clock.now)
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            // Columns: time, account, action, county, year, school, field, old, new, note.
            let zh = PageHTML.tableRows(try await browser.send("/audit").text).filter { $0[2] == "更新居住片区" }
            #expect(zh.map { Array($0[6...9]) } == [
                ["测量距离数", "0", "1", ""],
                ["小学适龄儿童数（片区 B01）", "120", "130", "幸福小区"],
                ["居住片区数", "1", "1", ""],
                ["居住片区 B01", "", "block_name=幸福小区; children_primary=120; children_junior=60", "幸福小区"],
                ["居住片区数", "0", "1", ""],
            ])
            let en = PageHTML.tableRows(try await browser.send("/audit?lang=en").text).filter { $0[2] == "Residential blocks updated" }
            #expect(en.map { $0[6] } == ["Measured distances", "primary-age children (block B01)", "Residential blocks", "Block B01", "Residential blocks"])
        }
    }

    @Test func factAnswersReadAsYesOrNoInThePagesLanguage() async throws {
        let fixture = try await WebFixture()
        let vetoes = await fixture.store.auditTrail(AuditQuery(counties: [fixture.countyA], limit: 50)).entries
            .filter { $0.action == .factChange && $0.newValue == "no" }
        try #require(!vetoes.isEmpty)
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            // Column 9 is the new value; column 3 the action.
            let zh = PageHTML.tableRows(try await browser.send("/audit").text).filter { $0[2] == "导入县级指标" }
            #expect(zh.contains { $0[8] == "否" } && !zh.contains { $0[8] == "no" })
            let en = PageHTML.tableRows(try await browser.send("/audit?lang=en").text).filter { $0[2] == "County fact imported" }
            #expect(en.contains { $0[8] == "no" } && !en.contains { $0[8] == "否" })
        }
    }

    @Test(arguments: ["admin", "supervisor"])
    func administratorsAndSupervisorsOfBothCountiesSeeBoth(_ name: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: name)
            for county in [fixture.countyA, fixture.countyB] {
                let page = try await browser.send("/audit?county=\(county)")
                #expect(page.status == .ok)
                #expect(page.text.contains("<td>\(county)</td>"))
                #expect(page.text.contains("<option value=\"\(county)\" selected>"))
            }
        }
    }

    @Test func plannerSeesTheirCountyOnly() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            let page = try await browser.send("/audit")
            #expect(page.status == .ok)
            #expect(page.text.contains("<td>\(fixture.countyA)</td>"))
            #expect(!page.text.contains("<td>\(fixture.countyB)</td>"))
            #expect(!page.text.contains("<option value=\"\(fixture.countyB)\""))
            #expect(try await browser.send("/audit?county=\(fixture.countyB)").status == .forbidden)
        }
    }

    @Test func supervisorOfOneCountyIsRefusedTheOther() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "supervisorB")
            let page = try await browser.send("/audit")
            #expect(page.status == .ok)
            #expect(page.text.contains("<td>\(fixture.countyB)</td>") && !page.text.contains("<td>\(fixture.countyA)</td>"))
            #expect(try await browser.send("/audit?county=\(fixture.countyA)").status == .forbidden)
        }
    }

    @Test func clerkIsRefusedAndAnonymousIsSentToSignIn() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var clerk = try await Browser.signedIn(client, as: "clerk")
            #expect(try await clerk.send("/audit").status == .forbidden)
            #expect(try await clerk.send("/audit?county=\(fixture.countyA)").status == .forbidden)
            var anonymous = Browser(client)
            let response = try await anonymous.send("/audit?county=\(fixture.countyA)")
            #expect(response.status == .found)
            #expect(response.location == "/login?next=%2Faudit%3Fcounty%3D\(fixture.countyA)")
        }
    }

    @Test func pagesOfFiftyWithAPager() async throws {
        let fixture = try await WebFixture()
        let total = await fixture.store.auditTrail(AuditQuery(counties: [fixture.countyA], limit: 0)).total
        try #require(total > 50)
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            let first = try await browser.send("/audit")
            let rows = { (text: String) in text.components(separatedBy: "<tbody>").last!.components(separatedBy: "<tr>").count - 1 }
            #expect(rows(first.text) == 50)
            let pages = (total + 49) / 50
            #expect(first.text.contains("共 \(total) 条，第 1 / \(pages) 页"))
            #expect(first.text.contains("<a href=\"/audit?page=2\" rel=\"next\">"))
            #expect(!first.text.contains("rel=\"prev\""))
            let last = try await browser.send("/audit?page=\(pages)")
            #expect(rows(last.text) == total - 50 * (pages - 1))
            #expect(last.text.contains("<a href=\"/audit?page=\(pages - 1)\" rel=\"prev\">"))
            #expect(!last.text.contains("rel=\"next\""))
            // The oldest entry (the demo import of the first county-year) ends the last page.
            let oldest = await fixture.store.auditTrail(AuditQuery(counties: [fixture.countyA], limit: 1, offset: total - 1)).entries[0]
            #expect(last.text.components(separatedBy: "<tr>").last?.contains(oldest.note ?? "-") == true)
            #expect(try await browser.send("/audit?page=x").status == .badRequest)
        }
    }

    @Test func filtersBySchoolAndYearAndKeepsThemInThePager() async throws {
        let fixture = try await WebFixture()
        _ = try await Self.edit(fixture, school: fixture.schoolA, county: fixture.countyA, by: "planner", area: 7000)
        _ = try await Self.edit(fixture, school: fixture.otherSchoolA, county: fixture.countyA, by: "planner", area: 7100)
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "supervisor")
            let page = try await browser.send("/audit?county=\(fixture.countyA)&school=\(fixture.schoolA)&year=2025")
            #expect(page.status == .ok)
            #expect(page.text.contains(">7000<"))
            #expect(!page.text.contains(">7100<"))
            #expect(page.text.contains("name=\"school\" value=\"\(fixture.schoolA)\""))
            let tableRows = page.text.components(separatedBy: "<tbody>").last!.components(separatedBy: "<tr>").dropFirst()
            #expect(!tableRows.isEmpty && tableRows.allSatisfy { $0.contains("<td class=\"num\">2025</td>") && $0.contains(">\(fixture.schoolA)</a>") })
            let year2024 = try await browser.send("/audit?year=2024&school=\(fixture.schoolA)")
            #expect(!year2024.text.contains(">7000<") && year2024.text.contains("<td class=\"num\">2024</td>"))
            let county = try await browser.send("/audit?county=\(fixture.countyA)&year=2025")
            #expect(county.text.contains("<a href=\"/audit?county=\(fixture.countyA)&amp;year=2025&amp;page=2\" rel=\"next\">"))
        }
    }

    @Test func theTrailIsReadOnly() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "admin")
            let before = try await fixture.trailCount()
            let token = try #require(browser.csrf)
            for method in [HTTPRequest.Method.post, .put, .patch, .delete] {
                var headers: HTTPFields = [:]
                headers[HTTPField.Name("X-CSRF-Token")!] = token
                for uri in ["/audit", "/api/audit", "/api/audit/1"] {
                    let response = try await browser.send(uri, method: method, body: "{}", contentType: "application/json", headers: headers)
                    #expect(!(200..<300).contains(response.status.code), "\(method) \(uri)")
                }
            }
            #expect(try await fixture.trailCount() == before)
        }
    }
}
