import Domain
import Foundation
import HTTPTypes
import Planning
import Reports
import Storage
import Testing
@testable import Web

@Suite("Plan workbook download")
struct PlanWorkbookTests {
    /// The workbook `junheng plan invest --out` writes of the fixture's plan, with the county's
    /// stored name.
    static func expected(_ fixture: WebFixture, budgets: [YearBudget]? = nil, language: Language = .chinese) async throws -> [UInt8] {
        var plan = try await fixture.plan(county: fixture.countyA, year: 2025)
        let storedName = await fixture.store.counties().first { $0.code == fixture.countyA }?.name
        plan.countyName = plan.countyName ?? storedName
        let rows = await fixture.store.schoolYears(county: fixture.countyA, year: 2025)
        let schedule = try budgets.map { try BudgetSchedule(plan: plan, budgets: $0, standard: WebFixture.standard, schools: rows) }
        return try PlanReport(standard: WebFixture.standard, language: language).workbook(plan, schedule: schedule)
    }

    @Test func everyRoleOnBothCounties() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let expected = WebFixture.countyReadAccess
            for (role, statuses) in expected {
                var browser = try await Browser.signedIn(client, as: role)
                #expect(try await browser.send("/counties/\(fixture.countyA)/plan.xlsx?year=2025").status == statuses.0, "\(role) on A")
                #expect(try await browser.send("/counties/\(fixture.countyB)/plan.xlsx").status == statuses.1, "\(role) on B")
            }
            var anonymous = Browser(client)
            let refused = try await anonymous.send("/counties/\(fixture.countyA)/plan.xlsx?year=2025")
            #expect(refused.status == .found)
            #expect(refused.location == "/login?next=%2Fcounties%2F\(fixture.countyA)%2Fplan%2Exlsx%3Fyear%3D2025")
            var admin = try await Browser.signedIn(client, as: "admin")
            #expect(try await admin.send("/counties/999999/plan.xlsx").status == .notFound)
            #expect(try await admin.send("/counties/\(fixture.countyA)/plan.xlsx?year=2019").status == .notFound)
        }
    }

    /// Issue 15: the page links to its workbook, which is the command's, with the schedule of
    /// the same budgets, named for the county and year.
    @Test func thePageLinksToTheCommandsWorkbook() async throws {
        let fixture = try await WebFixture()
        let budgets = [YearBudget(year: 2026, budget: 4_917_093), YearBudget(year: 2027, budget: 5_000_000)]
        let plain = try await Self.expected(fixture)
        let scheduled = try await Self.expected(fixture, budgets: budgets)
        let english = try await Self.expected(fixture, language: .english)
        let name = try #require(await fixture.store.counties().first { $0.code == fixture.countyA }?.name)
        try await fixture.test { client in
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            let page = try await supervisor.send("/counties/\(fixture.countyA)/plan?year=2025")
            let summary = PageHTML.section("summary", of: page.text)
            #expect(summary.contains("<a class=\"download\" href=\"/counties/\(fixture.countyA)/plan.xlsx?year=2025\">下载方案工作簿（.xlsx）</a>"))

            let download = try await supervisor.send("/counties/\(fixture.countyA)/plan.xlsx?year=2025")
            #expect(download.status == .ok)
            #expect(download.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(download.headers[.cacheControl] == "no-store")
            let disposition = try #require(download.headers[.contentDisposition])
            #expect(disposition.hasPrefix("attachment; filename=\"junheng-plan-\(fixture.countyA)-2025.xlsx\"; filename*=UTF-8''"))
            let encoded = try #require(disposition.components(separatedBy: "filename*=UTF-8''").last)
            #expect(encoded.removingPercentEncoding == "\(name)（\(fixture.countyA)）2025年度资源配置达标投入方案.xlsx")
            #expect(encoded.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "%-._".contains($0)) })
            #expect(download.bytes == plain)

            // The placeholder's budgets, sent as the form sends them: the link carries them.
            let typed = "2026:4,917,093, 2027:5000000"
            let withBudget = try await supervisor.send("/counties/\(fixture.countyA)/plan?year=2025&budget="
                + Browser.encode(typed).replacingOccurrences(of: "%20", with: "+"))
            #expect(withBudget.status == .ok)
            let link = "/counties/\(fixture.countyA)/plan.xlsx?year=2025&amp;budget=2026%3A4%2C917%2C093%2C%202027%3A5000000"
            #expect(PageHTML.section("summary", of: withBudget.text).contains("href=\"\(link)\""))
            let scheduledDownload = try await supervisor.send(link.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(scheduledDownload.status == .ok)
            #expect(scheduledDownload.bytes == scheduled)
            #expect(scheduled != plain)

            // A budget the page refused is not carried into the link; the download refuses it alike.
            let refused = try await supervisor.send("/counties/\(fixture.countyA)/plan?year=2025&budget=2026:abc")
            #expect(PageHTML.section("summary", of: refused.text).contains("href=\"/counties/\(fixture.countyA)/plan.xlsx?year=2025\""))
            let bad = try await supervisor.send("/counties/\(fixture.countyA)/plan.xlsx?year=2025&budget=2026:abc")
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("预算第 1 项的金额“abc”不是数值"))

            let englishDownload = try await supervisor.send("/counties/\(fixture.countyA)/plan.xlsx?year=2025&lang=en")
            #expect(englishDownload.bytes == english)
            #expect(englishDownload.headers[.contentDisposition]?.hasSuffix("%202025%20investment%20plan.xlsx") == true)
        }
    }

    @Test func aPlanThatCannotBeMadeIsRefusedWithItsReason() async throws {
        let fixture = try await WebFixture()
        try await fixture.blankSportsArea()
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let response = try await planner.send("/counties/\(fixture.countyA)/plan.xlsx?year=2025")
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("规划需要的数据缺失：\(fixture.schoolA) sports_area"))
        }
    }

    /// Issue 15: the API reads the budget as the page does — a form's `+` is a space — so the
    /// page's placeholder and a bureau's thousands separators work there too.
    @Test(arguments: [
        "2026%3A4917093%2C+2027%3A5000000", "2026:4917093,+2027:5000000", "2026:4,917,093,+2027:5,000,000",
        "%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96%EF%BC%9A4917093%EF%BC%8C2027%EF%BC%9A5000000",
    ])
    func theAPIReadsTheBudgetAsThePageDoes(query: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let api = try await planner.api("/api/counties/\(fixture.countyA)/plan?year=2025&budget=" + query)
            #expect(api.status == .ok, "\(api.text.prefix(300))")
            let years = ((api.json["schedule"] as? [String: Any])?["years"] as? [[String: Any]]) ?? []
            #expect(years.map { $0["year"] as? Int } == [2026, 2027])
            #expect(years.map { $0["budget"] as? Double } == [4_917_093, 5_000_000])
            let page = try await planner.send("/counties/\(fixture.countyA)/plan?year=2025&budget=" + query)
            #expect(page.status == .ok)
            #expect(PageHTML.tableRows(PageHTML.section("schedule", of: page.text)).map { $0[0] } == ["2026", "2027"])
        }
    }
}
