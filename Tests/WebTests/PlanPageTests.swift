import Domain
import Foundation
import HTTPTypes
import Planning
import Reports
import Storage
import Testing
@testable import Web

extension WebFixture {
    /// The plan of `county` in `year` computed here, from the store's rows, as the page must.
    func plan(county: String, year: Int) async throws -> InvestmentPlan {
        let rows = await store.schoolYears(county: county, year: year)
        return try InvestmentPlanner(standard: Self.standard, costs: .defaults).plan(rows)
    }

    /// Blanks a value the plan needs (the sports area of school A in 2025), as an admin edit.
    func blankSportsArea() async throws {
        var row = row(schoolA)
        row.facilities.sportsArea = nil
        let admin = try #require(await store.account(named: "admin"))
        _ = try await store.updateSchoolYear(row, by: admin, at: clock.now)
    }
}

@Suite("Plan page")
struct PlanPageTests {
    /// Yuan as the page prints it: 3 decimals, thousands grouped (the unit is in the header).
    static func yuan(_ value: Double) -> String { Decimals.grouped(value, places: 3) }

    /// The class of a CV cell judged `pass`.
    static func judged(_ pass: Bool?) -> String { pass.map { $0 ? "num pass" : "num fail" } ?? "num" }

    @Test func everyRoleOnBothCounties() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let expected = WebFixture.countyReadAccess
            for (role, statuses) in expected {
                var browser = try await Browser.signedIn(client, as: role)
                #expect(try await browser.send("/counties/\(fixture.countyA)/plan?year=2025").status == statuses.0, "\(role) on A")
                #expect(try await browser.send("/counties/\(fixture.countyB)/plan").status == statuses.1, "\(role) on B")
                #expect(try await browser.api("/api/counties/\(fixture.countyA)/plan?year=2025").status == statuses.0, "\(role) API on A")
            }
            var clerk = try await Browser.signedIn(client, as: "clerk")
            #expect(try await clerk.api("/api/counties/\(fixture.countyA)/plan").errorCode == "forbidden")
            var anonymous = Browser(client)
            let page = try await anonymous.send("/counties/\(fixture.countyA)/plan?year=2025")
            #expect(page.status == .found)
            #expect(page.location == "/login?next=%2Fcounties%2F\(fixture.countyA)%2Fplan%3Fyear%3D2025")
            let api = try await anonymous.send("/api/counties/\(fixture.countyA)/plan?year=2025")
            #expect(api.status == .unauthorized)
            #expect(api.errorCode == "unauthenticated")
        }
    }

    @Test func unknownCountyOrYearIsRefused() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var admin = try await Browser.signedIn(client, as: "admin")
            #expect(try await admin.send("/counties/999999/plan").status == .notFound)
            #expect(try await admin.send("/counties/\(fixture.countyA)/plan?year=2019").status == .notFound)
            #expect(try await admin.send("/counties/\(fixture.countyA)/plan?year=abc").status == .badRequest)
            #expect(try await admin.send("/counties/\(fixture.countyA)/plan?items_page=-1").status == .badRequest)
            #expect(try await admin.api("/api/counties/\(fixture.countyA)/plan?year=2019").errorCode == "not_found")
        }
    }

    @Test func pageShowsTheVerdictBeforeAndAfterTheCostAndTheItems() async throws {
        let fixture = try await WebFixture()
        let plan = try await fixture.plan(county: fixture.countyA, year: 2025)
        #expect(!plan.items.isEmpty, "the demo county needs additions")
        #expect(!ResourceCheck(plan.before).passes && ResourceCheck(plan.after).passes)
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let page = try await planner.send("/counties/\(fixture.countyA)/plan?year=2025")
            #expect(page.status == .ok)
            #expect(PageHTML.isClean(page.text))

            // Which lever closes which gaps: a row per lever the plan uses, none for moves (no teacher records here).
            let levers = PageHTML.tableRows(PageHTML.section("levers", of: page.text))
            #expect(levers.map { $0[0] } == PlanLever.allCases.filter { lever in plan.items.contains { $0.lever == lever } }.map(\.chineseName))
            #expect(!levers.contains { $0[0] == PlanLever.rotation.chineseName })

            let summary = PageHTML.section("summary", of: page.text)
            let before = ResourceCheck(plan.before), after = ResourceCheck(plan.after)
            #expect(summary.contains("<tr><th>方案前资源配置</th><td class=\"fail\">未达标（\(before.compliantUnits)/\(before.units) 个学校单位达标）</td></tr>"))
            #expect(summary.contains("<tr><th>方案后资源配置</th><td class=\"pass\">达标（\(after.units)/\(after.units) 个学校单位达标）</td></tr>"))
            let schools = Set(plan.items.map(\.schoolCode)).count
            #expect(summary.contains("<tr><th>投入项目</th><td>\(plan.items.count) 项，涉及 \(schools) 所学校</td></tr>"))
            #expect(summary.contains("<tr><th>一次性投入</th><td class=\"num\">\(Decimals.grouped(plan.cost / 10_000, places: 2)) 万元</td></tr>"))
            #expect(summary.contains("<tr><th>比较口径下界</th><td class=\"num\">\(Decimals.grouped(plan.lowerBound / 10_000, places: 2)) 万元</td></tr>"))
            #expect(summary.contains(ReportCell.percent(plan.gap).shown(in: .chinese)))
            #expect(summary.contains(plan.optimality == .optimal ? "已证明为最低投入" : "搜索所得，最低投入不低于下界"))

            // The items: the first page, in the plan's order, each school linking to its page.
            let items = PageHTML.section("items", of: page.text)
            let rows = PageHTML.tableRows(items)
            #expect(rows.count == min(plan.items.count, PlanQuery.pageSize))
            #expect(items.contains("<th>单价（元）</th><th>金额（元）</th>"))
            for (row, item) in zip(rows, plan.items) {
                #expect(row[0] == item.schoolCode && row[1] == item.schoolName)
                #expect(row[3] == item.resource.chineseName)
                #expect(row[4] == (item.stage?.chineseName ?? "全校"))
                // Teachers are counted as people; the rest in the unit they are priced in.
                #expect(row[5].hasSuffix(" " + (item.resource.isSchoolWide ? item.resource.unit : "人")))
                #expect(row[6] == Self.yuan(item.unitCost))
                #expect(row[7] == Self.yuan(item.cost))
            }
            let first = try #require(plan.items.first)
            #expect(items.contains("<a href=\"/counties/\(fixture.countyA)/schools/\(first.schoolCode)?year=2025\">"))
            #expect(items.contains("共 \(plan.items.count) 项"))

            // A chart per stage and each indicator's CV before and after against its limit.
            let charts = PageHTML.section("charts", of: page.text)
            #expect(charts.components(separatedBy: "<svg").count - 1 == plan.before.stages.count)
            for (stage, later) in zip(plan.before.stages, plan.after.stages) {
                for (indicator, improved) in zip(stage.indicators, later.indicators) {
                    let name = WebFixture.standard.indicators[indicator.index].name(in: .chinese)
                    let cells = "<td>\(PageHTML.escaped(name))</td><td class=\"\(Self.judged(indicator.pass))\">\(ReportCell.three(indicator.cv).shown(in: .chinese))</td>"
                        + "<td class=\"\(Self.judged(improved.pass))\">\(ReportCell.three(improved.cv).shown(in: .chinese))</td>"
                        + "<td class=\"num\">\(ReportCell.three(indicator.limit).shown(in: .chinese))</td>"
                    #expect(charts.contains(cells), "\(stage.stage) \(name)")
                }
            }
            #expect(charts.contains("规划前") && charts.contains("规划后") && charts.contains("限值"))

            // The gaps: most deficient first, linking the schools.
            let gaps = PageHTML.section("gaps", of: page.text)
            #expect(gaps.contains("共 \(plan.gaps.count) 处差距"))
            let ordered = plan.gaps.enumerated().sorted { a, b in
                let x = a.element.value / a.element.threshold, y = b.element.value / b.element.threshold
                return x != y ? x < y : a.offset < b.offset
            }.map(\.element).prefix(PlanQuery.pageSize)
            let gapRows = PageHTML.tableRows(gaps)
            #expect(gapRows.map { [$0[0], $0[1]] } == ordered.map { [$0.schoolCode, $0.schoolName] })
            #expect(gapRows.map { $0[4] } == ordered.map { ReportCell.three($0.value).shown(in: .chinese) })
            let shares = gapRows.indices.map { ordered[$0].value / ordered[$0].threshold }
            #expect(shares == shares.sorted())
            #expect(gapRows.contains { $0[7].hasSuffix(" 人") }, "teachers are counted as people")
            let worst = try #require(ordered.first)
            #expect(gaps.contains("<a href=\"/counties/\(fixture.countyA)/schools/\(worst.schoolCode)?year=2025\">"))

            // No schedule until budgets are given; the form is there.
            #expect(PageHTML.section("schedule", of: page.text).isEmpty)
            let form = PageHTML.section("budget", of: page.text)
            #expect(form.contains("<form class=\"stacked\" method=\"get\" action=\"/counties/\(fixture.countyA)/plan\">"))
            #expect(form.contains("name=\"budget\""))
        }
    }

    @Test func itemsAndGapsArePaged() async throws {
        let fixture = try await WebFixture()
        let plan = try await fixture.plan(county: fixture.countyA, year: 2025)
        #expect(plan.items.count > PlanQuery.pageSize, "the demo county has more than one page of items")
        try await fixture.test { client in
            var admin = try await Browser.signedIn(client, as: "admin")
            let base = "/counties/\(fixture.countyA)/plan?year=2025"
            let first = try await admin.send(base)
            #expect(PageHTML.section("items", of: first.text).contains("rel=\"next\" href=\"/counties/\(fixture.countyA)/plan?year=2025&amp;items_page=2#items\""))
            let second = try await admin.send(base + "&items_page=2")
            let rows = PageHTML.tableRows(PageHTML.section("items", of: second.text))
            let rest = Array(plan.items.dropFirst(PlanQuery.pageSize).prefix(PlanQuery.pageSize))
            #expect(rows.map { $0[7] } == rest.map { Self.yuan($0.cost) })
            #expect(rows.map { [$0[0], $0[1]] } == rest.map { [$0.schoolCode, $0.schoolName] })
            #expect(PageHTML.section("items", of: second.text).contains("rel=\"prev\""))
            // Past the last page: the last page; the other table stays on its first.
            let beyond = try await admin.send(base + "&items_page=99&budget=2026:1000000")
            let pages = (plan.items.count + PlanQuery.pageSize - 1) / PlanQuery.pageSize
            #expect(beyond.text.contains("第 \(pages)/\(pages) 页"))
            if plan.gaps.count > PlanQuery.pageSize {
                #expect(PageHTML.section("gaps", of: beyond.text)
                    .contains("href=\"/counties/\(fixture.countyA)/plan?year=2025&amp;budget=2026%3A1000000&amp;gaps_page=2&amp;items_page=99#gaps\""))
            }
        }
    }

    @Test func budgetFormSchedulesWithinEachYearsBudget() async throws {
        let fixture = try await WebFixture()
        let plan = try await fixture.plan(county: fixture.countyA, year: 2025)
        let rows = await fixture.store.schoolYears(county: fixture.countyA, year: 2025)
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            // Tight budgets: the years fill up, the rest is the shortfall.
            let tight = [YearBudget(year: 2026, budget: 4_000_000), YearBudget(year: 2027, budget: 3_000_000), YearBudget(year: 2028, budget: 2_500_000)]
            let expected = try BudgetSchedule(plan: plan, budgets: tight, standard: WebFixture.standard, schools: rows)
            let page = try await planner.send("/counties/\(fixture.countyA)/plan?year=2025&budget=" + Browser.encode("2026:400万, 2027：3000000元；2028=2500000"))
            #expect(page.status == .ok)
            #expect(PageHTML.isClean(page.text))
            let schedule = PageHTML.section("schedule", of: page.text)
            let table = PageHTML.tableRows(schedule)
            #expect(table.count == 3)
            for (row, year) in zip(table, expected.years) {
                #expect(row[0] == String(year.year))
                #expect(row[1] == Self.yuan(year.budget))
                #expect(row[2] == Self.yuan(year.spent))
                #expect(row[3] == Self.yuan(year.recurring))
                #expect(row[4] == String(year.items.count))
                #expect(row[5] == String(year.check.compliantUnits) && row[6] == String(year.check.units))
                #expect(row[7] == (year.check.passes ? "达标" : "未达标"))
                let spent = Double(row[2].replacingOccurrences(of: ",", with: "")) ?? .infinity
                let budget = Double(row[1].replacingOccurrences(of: ",", with: "")) ?? 0
                #expect(spent <= budget, "\(row[0]) spends \(row[2]) of \(row[1])")
                #expect(year.spent <= year.budget)
            }
            #expect(!expected.unscheduled.isEmpty)
            #expect(schedule.contains("预算缺口：\(expected.unscheduled.count) 项未能安排，共 \(Decimals.three(expected.shortfall)) 元"))
            #expect(schedule.contains("预算期内资源配置未能达标"))
            // The form shows back what was typed.
            #expect(PageHTML.section("budget", of: page.text).contains("value=\"2026:400万, 2027：3000000元；2028=2500000\""))

            // Enough money in the first year: it passes after that year.
            let ample = try await planner.send("/counties/\(fixture.countyA)/plan?year=2025&budget=" + Browser.encode("2026:\(Int(plan.cost + plan.yearlyCost) + 1)"))
            let passed = PageHTML.section("schedule", of: ample.text)
            #expect(passed.contains("2026年度后资源配置达标"))
            #expect(PageHTML.tableRows(passed).first?[7] == "达标")
            #expect(PageHTML.tableRows(passed).first?[4] == String(plan.items.count))
        }
    }

    /// Issue 15: the form's own example, sent as a browser sends a GET form (`+` for each space),
    /// is read and scheduled.
    @Test func theFormsOwnExampleIsAccepted() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let first = try await planner.send("/counties/\(fixture.countyA)/plan?year=2025")
            let form = PageHTML.section("budget", of: first.text)
            let placeholder = try #require(form.components(separatedBy: "placeholder=\"").dropFirst().first?.components(separatedBy: "\"").first)
            #expect(placeholder.hasPrefix("2026:") && placeholder.contains(", 2027:") && placeholder.contains(", 2028:"))
            let sent = Browser.encode(placeholder).replacingOccurrences(of: "%20", with: "+")
            #expect(sent.contains("+"))
            let page = try await planner.send("/counties/\(fixture.countyA)/plan?year=2025&budget=" + sent)
            #expect(page.status == .ok)
            #expect(PageHTML.tableRows(PageHTML.section("schedule", of: page.text)).map { $0[0] } == ["2026", "2027", "2028"])
            #expect(PageHTML.section("budget", of: page.text).contains("value=\"\(placeholder)\""))
            // A plus the browser encoded stays a plus: `%2B`.
            let plus = try await planner.send("/counties/\(fixture.countyA)/plan?year=2025&budget=2026%3A%2B5000000")
            #expect(plus.status == .ok)
            #expect(PageHTML.tableRows(PageHTML.section("schedule", of: plus.text)).first?[1] == Self.yuan(5_000_000))
        }
    }

    @Test(arguments: [
        ("2026-5000000", "预算第 1 项“2026-5000000”应写成“年度:金额”"),
        ("2026:5000000, 2027:abc", "预算第 2 项的金额“abc”不是数值"),
        ("2026:0", "预算第 1 项的金额“0”应大于 0"),
        ("2026:-5", "预算第 1 项的金额“-5”应大于 0"),
        ("2026:1e9", "预算第 1 项的金额“1e9”不是数值"),
        ("2026:100, 2026:200", "2026 年的预算出现了两次"),
        ("2019:100", "预算第 1 项的年度 2019 不可用：应在 2025 至 2200 年之间"),
        ("26:100", "预算第 1 项“26:100”应写成“年度:金额”"),
    ])
    func badBudgetIsExplainedOnThePage(input: String, message: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let page = try await planner.send("/counties/\(fixture.countyA)/plan?year=2025&budget=" + Browser.encode(input))
            #expect(page.status == .badRequest)
            let form = PageHTML.section("budget", of: page.text)
            #expect(form.contains("<div class=\"error\" role=\"alert\"><p>\(PageHTML.escaped(message))"), "\(form)")
            #expect(form.contains("value=\"\(PageHTML.escaped(input))\""))
            // Nothing scheduled; the plan itself is still shown.
            #expect(PageHTML.section("schedule", of: page.text).isEmpty)
            #expect(!PageHTML.section("items", of: page.text).isEmpty)
            #expect(PageHTML.isClean(page.text))
            // The API refuses the same budget with the same sentence.
            let api = try await planner.api("/api/counties/\(fixture.countyA)/plan?year=2025&budget=" + Browser.encode(input))
            #expect(api.status == .badRequest)
            #expect(api.errorCode == "bad_request")
            #expect(((api.json["error"] as? [String: Any])?["message"] as? String)?.hasPrefix(message) == true)
        }
    }

    @Test func aPlanThatCannotBeMadeIsAMessageNotAFailure() async throws {
        let fixture = try await WebFixture()
        try await fixture.blankSportsArea()
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let page = try await planner.send("/counties/\(fixture.countyA)/plan?year=2025&budget=2026:1000000")
            #expect(page.status == .ok)
            let error = PageHTML.section("plan-error", of: page.text)
            #expect(error.contains("<div class=\"error\" role=\"alert\"><p>规划需要的数据缺失：\(fixture.schoolA) sports_area"))
            #expect(error.contains("请在学校页面补全这些数据"))
            #expect(PageHTML.section("items", of: page.text).isEmpty)
            #expect(PageHTML.section("schedule", of: page.text).isEmpty)
            #expect(PageHTML.isClean(page.text))
            // The other year is untouched and still planned.
            #expect(!PageHTML.section("items", of: try await planner.send("/counties/\(fixture.countyA)/plan?year=2024").text).isEmpty)

            let english = try await planner.send("/counties/\(fixture.countyA)/plan?year=2025&lang=en")
            #expect(PageHTML.section("plan-error", of: english.text).contains("values the plan needs are blank: \(fixture.schoolA) sports_area"))

            let api = try await planner.api("/api/counties/\(fixture.countyA)/plan?year=2025&lang=zh")
            #expect(api.status == .unprocessableContent)
            #expect(api.errorCode == "invalid_data")
            #expect(api.errorDetails.contains("\(fixture.schoolA):sports_area"))
        }
    }

    @Test func jsonHasTheSummaryTheItemsAndTheSchedule() async throws {
        let fixture = try await WebFixture()
        let plan = try await fixture.plan(county: fixture.countyA, year: 2025)
        try await fixture.test { client in
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            let response = try await supervisor.api("/api/counties/\(fixture.countyA)/plan?year=2025")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let json = response.json
            #expect(json["county_code"] as? String == fixture.countyA)
            #expect(json["year"] as? Int == 2025)
            #expect(json["standard"] as? String == "quality-2017")
            #expect(abs((json["cost"] as? Double ?? 0) - plan.cost) < 1e-6)
            #expect(abs((json["lower_bound"] as? Double ?? 0) - plan.lowerBound) < 1e-6)
            #expect(json["optimality"] as? String == plan.optimality.rawValue)
            #expect((json["before"] as? [String: Any])?["verdict"] as? String == "fail")
            #expect((json["after"] as? [String: Any])?["verdict"] as? String == "pass")
            #expect(json["schedule"] is NSNull)
            let items = response.array("items")
            #expect(items.count == plan.items.count)
            #expect(items.map { $0["id"] as? String ?? "" } == plan.items.map(\.id))
            let first = try #require(items.first), item = try #require(plan.items.first)
            #expect(first["school_code"] as? String == item.schoolCode)
            #expect(first["resource"] as? String == item.resource.rawValue)
            #expect((first["reason_text"] as? String)?.isEmpty == false)
            #expect(first["unit"] as? String == item.resource.unit)
            #expect(first["reason"] as? String == item.reason.rawValue)
            #expect(abs((first["cost"] as? Double ?? 0) - item.cost) < 1e-6)
            #expect(first.keys.contains("stage"))
            let total = items.reduce(0.0) { $0 + ($1["cost"] as? Double ?? 0) }
            #expect(abs(total - plan.cost) < 1e-3)

            let scheduled = try await supervisor.api("/api/counties/\(fixture.countyA)/plan?year=2025&budget=2026:5000000,2027:5000000")
            let schedule = try #require(scheduled.json["schedule"] as? [String: Any])
            let years = try #require(schedule["years"] as? [[String: Any]])
            #expect(years.map { $0["year"] as? Int } == [2026, 2027])
            for year in years {
                #expect((year["spent"] as? Double ?? .infinity) <= (year["budget"] as? Double ?? 0))
            }
            let done = years.reduce(0) { $0 + (($1["items"] as? [String])?.count ?? 0) }
            #expect(done + ((schedule["unscheduled"] as? [String])?.count ?? -1) == plan.items.count)
            #expect(schedule.keys.contains("first_passing_year"))
        }
    }

    @Test func englishVersion() async throws {
        let fixture = try await WebFixture()
        let plan = try await fixture.plan(county: fixture.countyA, year: 2025)
        let item = try #require(plan.items.first)
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let page = try await planner.send("/counties/\(fixture.countyA)/plan?year=2025&budget=2026:5000000&lang=en")
            #expect(page.status == .ok)
            #expect(page.text.contains("<html lang=\"en\">"))
            #expect(page.text.contains("2025 investment plan for the resource allocation"))
            let summary = PageHTML.section("summary", of: page.text)
            #expect(summary.contains("<tr><th>Resources before</th><td class=\"fail\">fail ("))
            #expect(summary.contains("<tr><th>Resources after</th><td class=\"pass\">pass ("))
            #expect(summary.contains("<tr><th>One-off cost</th><td class=\"num\">\(Decimals.grouped(plan.cost / 10_000, places: 2)) ×10k yuan</td></tr>"))
            let row = try #require(PageHTML.tableRows(PageHTML.section("items", of: page.text)).first)
            #expect(row[3] == item.resource.englishName)
            #expect(row[7] == Self.yuan(item.cost))
            #expect(PageHTML.section("schedule", of: page.text).contains("<th>Spent (yuan)</th>"))
            #expect(PageHTML.section("charts", of: page.text).contains("Coefficients of variation (before → after)"))
            #expect(!PageHTML.section("items", of: page.text).contains("元"))
            #expect(PageHTML.isClean(page.text))
            let bad = try await planner.send("/counties/\(fixture.countyA)/plan?year=2025&budget=2026:zero&lang=en")
            #expect(PageHTML.section("budget", of: bad.text).contains("budget entry 1: the amount &quot;zero&quot; is not a number"))
        }
    }

    @Test func countyOverviewLinksToThePlan() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let page = try await planner.send("/counties/\(fixture.countyA)?year=2024")
            #expect(page.text.contains("<a class=\"plan\" href=\"/counties/\(fixture.countyA)/plan?year=2024\">资源配置达标投入方案</a>"))
            // And back.
            let plan = try await planner.send("/counties/\(fixture.countyA)/plan?year=2024")
            #expect(plan.text.contains("<a class=\"overview\" href=\"/counties/\(fixture.countyA)?year=2024\">"))
        }
    }
}
