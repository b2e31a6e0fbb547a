import Domain
import Foundation
import HTTPTypes
import Interchange
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
                let form = [("year", "2025"), ("cost.books", "31"), ("purchase_unit.books", "10")]
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
        #expect(await fixture.store.purchaseSettings(county: fixture.countyA) == [PurchaseSetting(.books, .purchaseUnit, 10)])
        #expect(await fixture.store.purchaseSettings(county: fixture.countyB) == [PurchaseSetting(.books, .purchaseUnit, 10)])
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
            #expect(shown.text.contains("已保存 3 项单价或购置设置的修改，已记入操作记录。"))
            #expect(PageHTML.section("prices", of: shown.text).contains("本县自定 3 项单价"))
            let rows = PageHTML.tableRows(PageHTML.section("prices", of: shown.text))
            let area = try #require(rows.first { $0[0] == Resource.teachingArea.chineseName })
            #expect(area == [Resource.teachingArea.chineseName, "m²", "3,500.000", "4,200.000", "", "", "3,800.000", "", ""])
            let books = try #require(rows.first { $0[0] == Resource.books.chineseName })
            #expect(books == [Resource.books.chineseName, "册", "30.000", "", "", "", "", "", ""])
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
            #expect(PageHTML.section("edit", of: page.text).contains("aria-label=\"computers (yearly capacity)\" inputmode=\"decimal\" size=\"10\" placeholder=\"no limit\""))
            let setting = try await admin.post("/counties/\(fixture.countyA)/costs?lang=en", form: [("purchase_unit.computers", "2.5")])
            #expect(setting.status == .unprocessableContent)
            #expect(setting.text.contains("computers (purchase unit): computers is bought whole; the purchase unit cannot be 2.5"),
                    "\(PageHTML.section("edit", of: setting.text))")
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

/// Issue 15: purchase units (购置单位) and yearly capacities (每年限额) on the unit-cost page —
/// typed, imported, audited, and applied to the plan as `junheng plan invest --costs` applies
/// them.
@Suite("Unit cost page: purchase settings")
struct CostsPagePurchaseSettingTests {
    /// A costs file with prices, purchase units and yearly capacities.
    static let csv = """
        item,unit,unit_cost,locality,purchase_unit,yearly_capacity
        teaching_area,m2,4200,,50,400
        teaching_area,m2,3800,乡村,50,
        sports_area,m2,300,,,1500
        equipment_value,元,1,,5000,
        computers,台,5000,,10,30
        teachers,人·年,100000,,,2

        """

    @Test func anImportedCostsFilePlansOnTheWebAsOnTheCommandLine() async throws {
        let fixture = try await WebFixture()
        let rows = await fixture.store.schoolYears(county: fixture.countyA, year: 2025)
        // The command line: `junheng plan invest --costs costs.csv --budget …` on the same bytes.
        let costs = try UnitCostsReader().read(Array(Self.csv.utf8), file: "costs.csv").costs
        #expect(costs.purchaseUnit(of: .teachingArea) == 50 && costs.yearlyCapacity(of: .teachers) == 2)
        let budgets = [YearBudget(year: 2026, budget: 3_000_000), YearBudget(year: 2027, budget: 3_000_000), YearBudget(year: 2028, budget: 3_000_000)]
        func document(_ costs: UnitCosts) throws -> InvestmentPlanDocument {
            let plan = try InvestmentPlanner(standard: WebFixture.standard, costs: costs).plan(rows)
            let schedule = try BudgetSchedule(plan: plan, budgets: budgets, standard: WebFixture.standard, schools: rows)
            return InvestmentPlanDocument(plan, schedule: schedule, standard: WebFixture.standard, language: .chinese)
        }
        let expected = try document(costs)
        // The settings matter to this county's plan: the prices alone plan otherwise.
        let pricesOnly = UnitCosts.defaults.setting(try UnitCostsReader().prices(Array(Self.csv.utf8), file: "costs.csv").content)
        #expect(try document(pricesOnly) != expected)
        let plan = try InvestmentPlanner(standard: WebFixture.standard, costs: costs).plan(rows)
        for item in plan.items where item.resource == .teachingArea {
            #expect(item.amount.remainder(dividingBy: 50) == 0, "a multiple of the purchase unit: \(item.amount)")
        }

        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            // Set by hand first: the file replaces these, and clears what it leaves blank.
            _ = try await planner.post("/counties/\(fixture.countyA)/costs", form: [
                ("purchase_unit.books", "20"), ("yearly_capacity.teaching_area", "100"), ("yearly_capacity.multimedia_rooms", "3"),
            ])
            let imported = try await CostsPageTests.postCosts(&planner, county: fixture.countyA, csv: Self.csv)
            #expect(imported.status == .seeOther)
            #expect(await fixture.store.purchaseSettings(county: fixture.countyA) == [
                PurchaseSetting(.teachers, .yearlyCapacity, 2),
                PurchaseSetting(.teachingArea, .purchaseUnit, 50), PurchaseSetting(.teachingArea, .yearlyCapacity, 400),
                PurchaseSetting(.sportsArea, .yearlyCapacity, 1_500), PurchaseSetting(.equipmentValue, .purchaseUnit, 5_000),
                PurchaseSetting(.computers, .purchaseUnit, 10), PurchaseSetting(.computers, .yearlyCapacity, 30),
            ])
            let trail = await fixture.store.auditTrail(AuditQuery(counties: [fixture.countyA])).entries
            let fields = Dictionary(trail.filter { $0.field?.contains("unit_cost:") == false }.map { ($0.field ?? "", [$0.oldValue ?? "-", $0.newValue ?? "-"]) },
                                    uniquingKeysWith: { later, _ in later })
            #expect(fields["purchase_unit:books"] == ["20", "-"], "cleared: the file leaves it blank")
            #expect(fields["yearly_capacity:multimedia_rooms"] == ["3", "-"])
            #expect(fields["yearly_capacity:teaching_area"] == ["100", "400"])
            #expect(fields["purchase_unit:computers"] == ["-", "10"])

            // The API (and so the page and the workbook, which plan through the same use case)
            // answers the command line's document.
            let answer = try await planner.api("/api/counties/\(fixture.countyA)/plan?year=2025&budget=2026:3000000,2027:3000000,2028:3000000")
            #expect(answer.status == .ok)
            #expect(answer.text == (try JSONValue(encoding: expected).serialized()))

            // The page shows the settings, in the table and the form.
            let page = try await planner.send("/counties/\(fixture.countyA)/costs?year=2025")
            #expect(PageHTML.section("prices", of: page.text).contains("本县自定 7 项购置单位或每年限额"))
            let area = try #require(PageHTML.tableRows(PageHTML.section("prices", of: page.text)).first { $0[0] == Resource.teachingArea.chineseName })
            #expect(area.suffix(2) == ["50", "400"])
            let form = PageHTML.section("edit", of: page.text)
            #expect(form.contains("name=\"purchase_unit.teaching_area\" value=\"50\""))
            #expect(form.contains("name=\"yearly_capacity.teachers\" value=\"2\""))
            #expect(form.contains("name=\"purchase_unit.books\" value=\"\" aria-label=\"图书（购置单位）\" inputmode=\"decimal\" size=\"10\" placeholder=\"1\""))
            #expect(form.contains("name=\"purchase_unit.equipment_value\" value=\"5000\" aria-label=\"教学仪器设备值（购置单位）\" inputmode=\"decimal\" size=\"10\" placeholder=\"100\""))
            #expect(form.contains("name=\"yearly_capacity.books\" value=\"\" aria-label=\"图书（每年限额）\" inputmode=\"decimal\" size=\"10\" placeholder=\"不限\""))
            let audit = try await planner.send("/audit?county=\(fixture.countyA)")
            #expect(audit.text.contains("计算机（购置单位）"))
            let planPage = try await planner.send("/counties/\(fixture.countyA)/plan?year=2025")
            #expect(planPage.text.contains("本县自定 7 项购置单位或每年限额，方案和年度安排按其测算。"))
            #expect(PageHTML.section("summary", of: planPage.text).contains(
                "<tr><th>一次性投入</th><td class=\"num\">\(Decimals.grouped(plan.cost / 10_000, places: 2)) 万元</td></tr>"))
        }
    }

    @Test func typedSettingsAreReadLikeAmountsAndClearedWhenBlank() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let saved = try await planner.post("/counties/\(fixture.countyA)/costs", form: [
                ("year", "2025"), ("cost.books", "28"), ("purchase_unit.equipment_value", "1,000"), ("yearly_capacity.backbone_teachers", "１２"),
                ("purchase_unit.teaching_area", " 0.5 "), ("yearly_capacity.teachers", "0"), ("yearly_capacity.books", ""),
            ])
            #expect(saved.location == "/counties/\(fixture.countyA)/costs?year=2025&saved=5")
            #expect(await fixture.store.purchaseSettings(county: fixture.countyA) == [
                PurchaseSetting(.teachers, .yearlyCapacity, 0), PurchaseSetting(.backboneTeachers, .yearlyCapacity, 12),
                PurchaseSetting(.teachingArea, .purchaseUnit, 0.5), PurchaseSetting(.equipmentValue, .purchaseUnit, 1_000),
            ])
            // A blank field clears its setting; the prices stay as typed.
            let cleared = try await planner.post("/counties/\(fixture.countyA)/costs", form: [
                ("cost.books", "28"), ("purchase_unit.equipment_value", "1000"), ("yearly_capacity.backbone_teachers", ""),
            ])
            #expect(cleared.location?.hasSuffix("&saved=3") == true)
            #expect(await fixture.store.purchaseSettings(county: fixture.countyA) == [PurchaseSetting(.equipmentValue, .purchaseUnit, 1_000)])
            #expect(await fixture.store.unitCostPrices(county: fixture.countyA) == [UnitCostPrice(.books, yuan: 28)])
        }
    }

    @Test(arguments: [
        ("purchase_unit.computers", "2.5", "计算机（购置单位）：计算机按整数购置，购置单位不能是2.5"),
        ("purchase_unit.teaching_area", "0", "教学及辅助用房面积（购置单位）：购置单位须大于0"),
        ("purchase_unit.teaching_area", "2亿", "教学及辅助用房面积（购置单位）：购置单位200000000超过上限100000000"),
        ("yearly_capacity.teachers", "-1", "专任教师（每年限额）：每年限额不能小于0（留空为不限）"),
        ("yearly_capacity.teachers", "1.5", "专任教师（每年限额）：专任教师按整数增加，每年限额不能是1.5"),
        ("yearly_capacity.sports_area", "abc", "体育运动场馆面积（每年限额）“abc”不是数：请写m²数，如 10、1,000；留空则不限"),
    ])
    func aRefusedSettingIsExplainedAndNothingIsSaved(field: String, typed: String, message: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let page = try await planner.post("/counties/\(fixture.countyA)/costs", form: [
                ("year", "2024"), (field, typed), ("cost.books", "28"), ("purchase_unit.books", "10"),
            ])
            #expect(page.status == .unprocessableContent)
            let form = PageHTML.section("edit", of: page.text)
            #expect(form.contains("<li>\(PageHTML.escaped(message))"), "\(form)")
            #expect(form.contains("name=\"\(field)\" value=\"\(PageHTML.escaped(typed))\""))
            #expect(form.contains("class=\"fail\" aria-invalid=\"true\""))
            #expect(form.contains("name=\"purchase_unit.books\" value=\"10\""))
            #expect(PageHTML.isClean(page.text))
        }
        #expect(try await fixture.store.countyUnitCosts(county: fixture.countyA) == CountyUnitCosts())
    }
}
