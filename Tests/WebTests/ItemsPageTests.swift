import Domain
import Foundation
import HTTPTypes
import Storage
import Testing
@testable import Web

/// The county items (县级指标) on the web: every item listed with its rule, value, result and
/// source; who may record them; the form's values read by the facts file's rules; every change
/// audited; the county overview listing every item, not only the failed ones.
@Suite("County items page")
struct ItemsPageTests {
    @Test(arguments: ["admin", "planner", "supervisor", "supervisorB", "clerk"])
    func everyRoleOnTheItemsRoutes(_ role: String) async throws {
        let fixture = try await WebFixture()
        let county = fixture.countyA
        let rule = try #require(WebFixture.standard.facts.first { $0.isBoolean && $0.check == .mustBeTrue })
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: role)
            let page = try await browser.send("/counties/\(county)/items?year=2025")
            let reads = ["admin", "planner", "supervisor"].contains(role)
            #expect(page.status == (reads ? .ok : .forbidden), "\(role) reads")
            let records = ["admin", "planner"].contains(role)
            if reads {
                #expect(page.text.contains("name=\"value-\(rule.key)\"") == records, "\(role) sees the form")
                // Every item of the standard is listed.
                #expect(PageHTML.tableRows(PageHTML.section("items", of: page.text)).count == WebFixture.standard.facts.count)
            }
            let posted = try await browser.post("/counties/\(county)/years/2025/items", form: [
                ("value-\(rule.key)", "否"), ("evidence-\(rule.key)", "县政府常务会议纪要〔2025〕7号"),
            ])
            let stored = await fixture.store.facts(year: 2025, counties: [county]).first { $0.item == rule.key }
            if records {
                #expect(posted.status == .seeOther && posted.location == "/counties/\(county)/items?year=2025&saved=1")
                #expect(stored?.value == .no && stored?.evidence == "县政府常务会议纪要〔2025〕7号" && stored?.source == .recorded)
                let entry = await fixture.store.auditTrail(AuditQuery(counties: [county], limit: 5)).entries.first { $0.action == .factChange }
                #expect(entry?.field == rule.key && entry?.accountName == role)
            } else {
                #expect(posted.status == .forbidden, "\(role) records")
                #expect(stored?.value != .no || stored?.evidence != "县政府常务会议纪要〔2025〕7号")
            }
        }
    }

    @Test func aRefusedValueReshowsTheFormAndALockedYearRefuses() async throws {
        let fixture = try await WebFixture()
        let county = fixture.countyA
        let yesNo = try #require(WebFixture.standard.facts.first { $0.isBoolean })
        let number = try #require(WebFixture.standard.facts.first { !$0.isBoolean })
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let before = await fixture.store.facts(year: 2025, counties: [county])
            let refused = try await planner.post("/counties/\(county)/years/2025/items", form: [
                ("value-\(yesNo.key)", "也许"), ("value-\(number.key)", "九十五"),
            ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(yesNo.name) && refused.text.contains(number.name))
            #expect(refused.text.contains("value=\"也许\""))
            #expect(await fixture.store.facts(year: 2025, counties: [county]) == before)
            // A percentage as bureaus write it; the form as shown saves nothing more.
            let saved = try await planner.post("/counties/\(county)/years/2025/items", form: [("value-\(number.key)", "96.5%")])
            #expect(saved.status == .seeOther)
            #expect(await fixture.store.facts(year: 2025, counties: [county]).first { $0.item == number.key }?.value == .number(96.5))
            let again = try await planner.post("/counties/\(county)/years/2025/items", form: [("value-\(number.key)", "96.5")])
            #expect(again.location == "/counties/\(county)/items?year=2025&saved=0")
            // The overview lists every item.
            let overview = try await planner.send("/counties/\(county)?year=2025").text
            #expect(PageHTML.tableRows(PageHTML.section("items", of: overview)).count == WebFixture.standard.facts.count)
            let admin = try #require(await fixture.store.account(named: "admin"))
            _ = try await fixture.store.lockYear(county: county, year: 2025, by: admin, at: fixture.clock.now)
            #expect(try await planner.post("/counties/\(county)/years/2025/items", form: [("value-\(number.key)", "50")]).status == .conflict)
            #expect(!(try await planner.send("/counties/\(county)/items?year=2025").text.contains("name=\"value-")))
        }
    }
}
