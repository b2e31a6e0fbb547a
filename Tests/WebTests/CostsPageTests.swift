import Domain
import Foundation
import HTTPTypes
import Planning
import Reports
import Storage
import Testing
@testable import Web

extension WebFixture {
    /// The plan of `county` in `year` at `prices` over the defaults, computed here.
    func plan(county: String, year: Int, prices: [UnitCostPrice]) async throws -> InvestmentPlan {
        let rows = await store.schoolYears(county: county, year: year)
        return try InvestmentPlanner(standard: Self.standard, costs: UnitCosts.defaults.setting(prices)).plan(rows)
    }
}

@Suite("Unit cost page")
struct CostsPageTests {
    @Test func everyRoleSeesOrEditsAsTheirRoleSays() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            // (GET on A, GET on B, the form shown on A, POST on A, POST on B)
            let expected: [String: (HTTPResponse.Status, HTTPResponse.Status, Bool, HTTPResponse.Status, HTTPResponse.Status)] = [
                "admin": (.ok, .ok, true, .seeOther, .seeOther),
                "planner": (.ok, .forbidden, true, .seeOther, .forbidden),
                "supervisor": (.ok, .ok, false, .forbidden, .forbidden),
                "supervisorB": (.forbidden, .ok, false, .forbidden, .forbidden),
                "clerk": (.forbidden, .forbidden, false, .forbidden, .forbidden),
            ]
            for (role, statuses) in expected {
                var browser = try await Browser.signedIn(client, as: role)
                let pageA = try await browser.send("/counties/\(fixture.countyA)/costs?year=2025")
                #expect(pageA.status == statuses.0, "\(role) reads A")
                #expect(try await browser.send("/counties/\(fixture.countyB)/costs").status == statuses.1, "\(role) reads B")
                if pageA.status == .ok {
                    #expect(PageHTML.section("edit", of: pageA.text).isEmpty == !statuses.2, "\(role) sees the form")
                    #expect(PageHTML.isClean(pageA.text))
                }
                let form = [("year", "2025"), ("cost.books", "31")]
                #expect(try await browser.post("/counties/\(fixture.countyA)/costs", form: form).status == statuses.3, "\(role) sets A")
                #expect(try await browser.post("/counties/\(fixture.countyB)/costs", form: form).status == statuses.4, "\(role) sets B")
            }
            var anonymous = Browser(client)
            let page = try await anonymous.send("/counties/\(fixture.countyA)/costs")
            #expect(page.status == .found)
            #expect(page.location?.hasPrefix("/login?next=") == true)
            #expect(try await anonymous.post("/counties/\(fixture.countyA)/costs", form: [("cost.books", "1")]).status != .seeOther)
            // Without the session's CSRF token nothing is saved.
            var planner = try await Browser.signedIn(client, as: "planner")
            #expect(try await planner.post("/counties/\(fixture.countyA)/costs", form: [("cost.books", "1")], csrf: "forged").status == .forbidden)
            #expect(try await planner.send("/counties/999999/costs").status == .forbidden)
            var admin = try await Browser.signedIn(client, as: "admin")
            #expect(try await admin.send("/counties/999999/costs").status == .notFound)
            #expect(try await admin.post("/counties/999999/costs", form: [("cost.books", "1")]).status == .notFound)
        }
        #expect(await fixture.store.unitCostPrices(county: fixture.countyA) == [UnitCostPrice(.books, yuan: 31)])
        #expect(await fixture.store.unitCostPrices(county: fixture.countyB) == [UnitCostPrice(.books, yuan: 31)])
    }

    /// Issue 15: a planner sets the county's prices; they are stored, audited, shown beside
    /// the defaults, and the plan page, the API and the workbook cost the plan at them.
    @Test func savedPricesAreAuditedAndCostThePlan() async throws {
        let fixture = try await WebFixture()
        let prices = [UnitCostPrice(.teachers, yuan: 120_000), UnitCostPrice(.teachingArea, yuan: 4_200), UnitCostPrice(.teachingArea, in: .rural, yuan: 3_800)]
        let before = try await fixture.plan(county: fixture.countyA, year: 2025)
        let after = try await fixture.plan(county: fixture.countyA, year: 2025, prices: prices)
        #expect(after.cost != before.cost, "the prices change the plan's cost")
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let empty = try await planner.send("/counties/\(fixture.countyA)/costs?year=2025")
            #expect(PageHTML.section("prices", of: empty.text).contains("本县未自定单价"))
            let emptyPlan = try await planner.send("/counties/\(fixture.countyA)/plan?year=2025")
            #expect(emptyPlan.text.contains("按默认单位成本测算"))
            #expect(emptyPlan.text.contains("<a class=\"costs\" href=\"/counties/\(fixture.countyA)/costs?year=2025\">"))

            // Thousands separators, full-width digits, 万; a blank field is no price.
            let saved = try await planner.post("/counties/\(fixture.countyA)/costs", form: [
                ("year", "2025"), ("cost.teachers", "12万"), ("cost.teaching_area", "4,200"), ("cost.teaching_area.rural", "３８００"),
                ("cost.books", "  "),
            ])
            #expect(saved.status == .seeOther)
            #expect(saved.location == "/counties/\(fixture.countyA)/costs?year=2025&saved=3")
            let shown = try await planner.send(try #require(saved.location))
            #expect(shown.text.contains("已保存 3 项单价的修改，已记入操作记录。"))
            #expect(PageHTML.section("prices", of: shown.text).contains("本县自定 3 项单价"))
            let rows = PageHTML.tableRows(PageHTML.section("prices", of: shown.text))
            let area = try #require(rows.first { $0[0] == Resource.teachingArea.chineseName })
            #expect(area == [Resource.teachingArea.chineseName, "m²", "3,500.000", "4,200.000", "", "", "3,800.000"])
            let books = try #require(rows.first { $0[0] == Resource.books.chineseName })
            #expect(books == [Resource.books.chineseName, "册", "30.000", "", "", "", ""])
            // The form shows the stored prices back, the defaults beside them.
            let form = PageHTML.section("edit", of: shown.text)
            #expect(form.contains("name=\"cost.teaching_area\" value=\"4200\""))
            #expect(form.contains("name=\"cost.teachers\" value=\"120000\""))
            #expect(form.contains("name=\"cost.teaching_area.rural\" value=\"3800\""))
            #expect(form.contains("name=\"cost.books\" value=\"\""))
            #expect(await fixture.store.unitCostPrices(county: fixture.countyA) == prices.sorted { $0.key < $1.key })

            // The audit trail: who, when, old → new.
            let trail = await fixture.store.auditTrail(AuditQuery(counties: [fixture.countyA], limit: 3)).entries
            #expect(trail.allSatisfy { $0.action == .unitCost && $0.accountName == "planner" && $0.at == fixture.clock.now })
            #expect(Set(trail.map { [$0.field ?? "", $0.oldValue ?? "", $0.newValue ?? ""] }) == [
                ["unit_cost:teachers", "", "120000"], ["unit_cost:teaching_area", "", "4200"], ["unit_cost:teaching_area:rural", "", "3800"],
            ])
            let entries = try await planner.api("/api/audit?county=\(fixture.countyA)&limit=3").json["entries"] as? [[String: Any]] ?? []
            #expect(entries.count == 3 && entries.allSatisfy { $0["action"] as? String == "unit_cost" && $0["old"] is NSNull })
            #expect(Set(entries.compactMap { $0["new"] as? String }) == ["120000", "4200", "3800"])
            let audit = try await planner.send("/audit?county=\(fixture.countyA)")
            #expect(audit.text.contains("修改单位成本"))
            #expect(audit.text.contains("教学及辅助用房面积（乡村）"))

            // The plan page, the API and the workbook cost the plan at the county's prices.
            let plan = try await planner.send("/counties/\(fixture.countyA)/plan?year=2025")
            #expect(plan.text.contains("按本县单位成本测算（本县自定 3 项单价"))
            #expect(PageHTML.section("summary", of: plan.text).contains("<tr><th>一次性投入</th><td class=\"num\">\(Decimals.grouped(after.cost / 10_000, places: 2)) 万元</td></tr>"))
            let api = try await planner.api("/api/counties/\(fixture.countyA)/plan?year=2025")
            #expect(abs((api.json["cost"] as? Double ?? 0) - after.cost) < 1e-6)
            let workbook = try await planner.send("/counties/\(fixture.countyA)/plan.xlsx?year=2025")
            var named = after
            let storedName = await fixture.store.counties().first { $0.code == fixture.countyA }?.name
            named.countyName = after.countyName ?? storedName
            #expect(workbook.bytes == (try PlanReport(standard: WebFixture.standard, language: .chinese).workbook(named)))

            // Saving the same prices changes nothing; clearing one brings its default back.
            #expect(try await planner.post("/counties/\(fixture.countyA)/costs", form: [
                ("cost.teachers", "120000"), ("cost.teaching_area", "4200"), ("cost.teaching_area.rural", "3800"),
            ]).location?.hasSuffix("&saved=0") == true)
            #expect(try await planner.post("/counties/\(fixture.countyA)/costs", form: [
                ("cost.teachers", "120000"), ("cost.teaching_area", "4200"),
            ]).location?.hasSuffix("&saved=1") == true)
            #expect(await fixture.store.auditTrail(AuditQuery(counties: [fixture.countyA], limit: 1)).entries.first?.oldValue == "3800")
            // The other county keeps the defaults.
            #expect(await fixture.store.unitCostPrices(county: fixture.countyB).isEmpty)
        }
    }

    @Test(arguments: [
        ("abc", "专任教师（全县）的单价“abc”不是金额：请写每人·年的元数，如 3500、3,500 或 0.35万；留空则用默认值"),
        ("-5", "专任教师（全县）的单价“-5”不能小于 0"),
        ("20亿", "专任教师（全县）的单价“20亿”超过 10 亿元，请检查"),
        ("1e9", "专任教师（全县）的单价“1e9”不是金额"),
        ("12,34", "专任教师（全县）的单价“12,34”不是金额"),
    ])
    func aRefusedPriceIsExplainedAndNothingIsSaved(typed: String, message: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let page = try await planner.post("/counties/\(fixture.countyA)/costs", form: [
                ("year", "2024"), ("cost.teachers", typed), ("cost.books", "28"),
            ])
            #expect(page.status == .unprocessableContent)
            let form = PageHTML.section("edit", of: page.text)
            #expect(form.contains("<li>\(PageHTML.escaped(message))"), "\(form)")
            // Shown back as typed, the wrong one marked.
            #expect(form.contains("name=\"cost.teachers\" value=\"\(PageHTML.escaped(typed))\""))
            #expect(form.contains("id=\"f-cost.teachers\" name=\"cost.teachers\" value=\"\(PageHTML.escaped(typed))\" aria-label=\"专任教师（全县）\" inputmode=\"decimal\" size=\"10\" placeholder=\"100000\" class=\"fail\" aria-invalid=\"true\""))
            #expect(form.contains("name=\"cost.books\" value=\"28\""))
            #expect(form.contains("<input type=\"hidden\" name=\"year\" value=\"2024\">"))
            #expect(PageHTML.isClean(page.text))
        }
        #expect(await fixture.store.unitCostPrices(county: fixture.countyA).isEmpty)
        #expect(await fixture.store.auditTrail(AuditQuery(counties: [fixture.countyA])).entries.allSatisfy { $0.action != .unitCost })
    }

    @Test func englishVersion() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var admin = try await Browser.signedIn(client, as: "admin")
            let page = try await admin.send("/counties/\(fixture.countyA)/costs?lang=en")
            #expect(page.status == .ok)
            #expect(page.text.contains("<html lang=\"en\">"))
            #expect(page.text.contains("unit costs"))
            #expect(PageHTML.section("prices", of: page.text).contains("<th>Default (yuan)</th>"))
            let refused = try await admin.post("/counties/\(fixture.countyA)/costs?lang=en", form: [("cost.sports_area.town", "x")])
            #expect(refused.text.contains("sports ground and gymnasium area (town): &quot;x&quot; is not an amount"), "\(PageHTML.section("edit", of: refused.text))")
            #expect(PageHTML.section("edit", of: page.text).contains("Save the prices"))
        }
    }

    /// Posts the import form with a costs file.
    static func postCosts(_ browser: inout Browser, county: String, csv: String, csrf: String? = nil) async throws -> TestResponse {
        var body = MultipartBody()
        body.field("csrf", csrf ?? browser.csrf ?? "")
        body.field("year", "2025")
        body.file("costs", filename: "costs.csv", bytes: Array(csv.utf8))
        body.field("sheet", "")
        return try await browser.send("/counties/\(county)/costs/import", bytes: body.finished(), contentType: body.contentType)
    }

    @Test func aCostsFileBecomesTheCountysPrices() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            // Set by hand first: the file replaces these.
            _ = try await planner.post("/counties/\(fixture.countyA)/costs", form: [("cost.books", "28"), ("cost.computers", "6000")])
            let csv = "项目,单位,单价,城乡类型\n教学及辅助用房面积,平方米,4200,\nteaching_area,m2,3800,乡村\ncomputers,台,6000,\n"
            let imported = try await Self.postCosts(&planner, county: fixture.countyA, csv: csv)
            #expect(imported.status == .seeOther)
            #expect(imported.location == "/counties/\(fixture.countyA)/costs?year=2025&saved=3")
            #expect(await fixture.store.unitCostPrices(county: fixture.countyA) == [
                UnitCostPrice(.teachingArea, yuan: 4_200), UnitCostPrice(.teachingArea, in: .rural, yuan: 3_800), UnitCostPrice(.computers, yuan: 6_000),
            ])
            let trail = await fixture.store.auditTrail(AuditQuery(counties: [fixture.countyA], limit: 3)).entries
            #expect(Set(trail.map { [$0.field ?? "", $0.oldValue ?? "", $0.newValue ?? ""] }) == [
                ["unit_cost:teaching_area", "", "4200"], ["unit_cost:teaching_area:rural", "", "3800"], ["unit_cost:books", "28", ""],
            ])

            // A refused file: every problem, nothing changed.
            let refused = try await Self.postCosts(&planner, county: fixture.countyA, csv: "item,unit,unit_cost\nteaching_area,台,-1\nnothing,m2,5\n")
            #expect(refused.status == .unprocessableContent)
            let section = PageHTML.section("import", of: refused.text)
            #expect(section.contains("单位成本文件有"))
            #expect(PageHTML.tableRows(section).count >= 3, "\(section)")
            #expect(PageHTML.isClean(refused.text))
            let huge = try await Self.postCosts(&planner, county: fixture.countyA, csv: "item,unit,unit_cost\nbooks,册,2000000000\n")
            #expect(huge.status == .unprocessableContent)
            #expect(PageHTML.section("import", of: huge.text).contains("超过 10 亿元"))
            #expect(await fixture.store.unitCostPrices(county: fixture.countyA).count == 3)

            // Only who sets the prices imports them; the token is checked.
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            #expect(try await Self.postCosts(&supervisor, county: fixture.countyA, csv: csv).status == .forbidden)
            #expect(try await Self.postCosts(&planner, county: fixture.countyB, csv: csv).status == .forbidden)
            #expect(try await Self.postCosts(&planner, county: fixture.countyA, csv: csv, csrf: "forged").status == .forbidden)
            var clerk = try await Browser.signedIn(client, as: "clerk")
            #expect(try await Self.postCosts(&clerk, county: fixture.countyA, csv: csv).status == .forbidden)
            var admin = try await Browser.signedIn(client, as: "admin")
            #expect(try await Self.postCosts(&admin, county: fixture.countyB, csv: csv).status == .seeOther)
            #expect(await fixture.store.unitCostPrices(county: fixture.countyB).count == 3)
        }
    }
}
