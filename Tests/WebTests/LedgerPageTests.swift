import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import Testing
@testable import Web

/// The remediation ledger on the web (整改台账): who may read it, put gaps in it, report on an
/// item, upload and download evidence, verify; the overdue boards; what the data now say.
@Suite("Remediation ledger pages")
struct LedgerPageTests {
    static let pdf = Array("%PDF-1.4\n% 验收报告\n%%EOF\n".utf8)

    /// A school gap of the fixture's 2025 evaluation of county A, at school A when it has one.
    static func schoolGap(_ fixture: WebFixture) async throws -> EvaluationGap {
        let evaluation = try await fixture.services.evaluation.evaluate(county: fixture.countyA, year: 2025, store: fixture.store, work: fixture.services.heavy)
        let gaps = evaluation.result.gaps.filter { $0.schoolCode != nil }
        return try #require(gaps.first { $0.schoolCode == fixture.schoolA } ?? gaps.first, "the demo county has a school failing the school rule")
    }

    /// Posts the upload form of item `id`.
    static func upload(_ browser: inout Browser, county: String, id: Int64, name: String, bytes: [UInt8]) async throws -> TestResponse {
        var body = MultipartBody()
        body.field("csrf", browser.csrf ?? "")
        body.file("file", filename: name, bytes: bytes, contentType: "application/pdf")
        return try await browser.send("/counties/\(county)/ledger/\(id)/evidence", bytes: body.finished(), contentType: body.contentType)
    }

    @Test func aGapBecomesAnItemIsCompletedWithEvidenceAndVerified() async throws {
        let fixture = try await WebFixture()
        let county = fixture.countyA
        let gap = try await Self.schoolGap(fixture)
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let page = try await planner.send("/counties/\(county)/ledger?year=2025")
            #expect(page.status == .ok)
            #expect(PageHTML.section("gaps", of: page.text).contains("value=\"\(gap.key)\""))
            // No due date: refused, nothing added.
            #expect(try await planner.post("/counties/\(county)/ledger?year=2025", form: [("gap", gap.key)]).status == .unprocessableContent)
            let added = try await planner.post("/counties/\(county)/ledger?year=2025", form: [("gap", gap.key), ("owner", ""), ("due", "2026-06-30")])
            #expect(added.location == "/counties/\(county)/ledger?year=2025&added=1")
            let item = try #require(await fixture.store.ledgerItems(counties: [county]).first)
            #expect(item.gapKey == gap.key && item.schoolCode == gap.schoolCode && item.status == .notStarted && !item.owner.isEmpty)
            // The same gap again is not added twice.
            _ = try await planner.post("/counties/\(county)/ledger?year=2025", form: [("gap", gap.key), ("due", "2026-06-30")])
            #expect(await fixture.store.ledgerItems(counties: [county]).count == 1)
            let base = "/counties/\(county)/ledger/\(item.id)"

            // Completion needs evidence first.
            let early = try await planner.post(base, form: [("status", "completed")])
            #expect(early.status == .conflict && early.text.contains("完成整改须先上传佐证材料"))
            // A renamed page is no evidence.
            #expect(try await Self.upload(&planner, county: county, id: item.id, name: "验收.pdf", bytes: Array("<html>".utf8)).status == .unprocessableContent)
            let uploaded = try await Self.upload(&planner, county: county, id: item.id, name: "操场验收报告.pdf", bytes: Self.pdf)
            #expect(uploaded.location == "\(base)?done=uploaded")
            let file = try #require(await fixture.store.ledgerItem(id: item.id)?.evidence.first)
            let download = try await planner.send("\(base)/evidence/\(file.id)")
            #expect(download.status == .ok && download.headers[.contentType] == "application/pdf" && download.text == String(decoding: Self.pdf, as: UTF8.self))
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(try await planner.post(base, form: [("status", "completed"), ("note", "操场已扩建并验收")]).location == "\(base)?done=saved")
            // The planner cannot verify; the supervisor can.
            #expect(try await planner.post(base, form: [("status", "verified")]).status == .forbidden)
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            #expect(try await supervisor.send(base).text.contains("value=\"verified\""))
            #expect(try await supervisor.post(base, form: [("status", "verified"), ("note", "现场核验属实")]).status == .seeOther)
            let verified = try #require(await fixture.store.ledgerItem(id: item.id))
            #expect(verified.status == .verified && verified.notes.map(\.accountName) == ["planner", "supervisor"])
            // Closed: nothing more is taken.
            #expect(try await planner.post(base, form: [("note", "补充")]).status == .conflict)
            let trail = await fixture.store.auditTrail(AuditQuery(counties: [county], limit: 10)).entries.map(\.action)
            #expect(trail.prefix(6) == [.ledgerUpdate, .ledgerUpdate, .ledgerUpdate, .ledgerUpdate, .ledgerEvidence, .ledgerItem])
            // The workbook lists it.
            let workbook = try await planner.send("/counties/\(county)/ledger.xlsx?year=2025")
            #expect(workbook.status == .ok && workbook.headers[.contentType] == Download.xlsx)
        }
    }

    @Test(arguments: ["admin", "planner", "supervisor", "supervisorB", "clerk"])
    func everyRoleOnTheLedgerRoutes(_ role: String) async throws {
        let fixture = try await WebFixture()
        let county = fixture.countyA
        let gap = try await Self.schoolGap(fixture)
        let admin = try #require(await fixture.store.account(named: "admin"))
        let due = try #require(CalendarDate(year: 2026, month: 6, day: 30))
        let ofSchoolA = try await fixture.store.addLedgerItem(
            NewLedgerItem(countyCode: county, year: 2025, gapKey: gap.key, schoolCode: fixture.schoolA, title: "学校A的整改", owner: "学校A", due: due),
            by: admin, at: fixture.clock.now)
        let ofCounty = try await fixture.store.addLedgerItem(
            NewLedgerItem(countyCode: county, year: 2025, title: "县级整改", owner: "县教体局", due: due), by: admin, at: fixture.clock.now)
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: role)
            let readsCounty = ["admin", "planner", "supervisor"].contains(role)
            let manages = ["admin", "planner"].contains(role)
            #expect(try await browser.send("/counties/\(county)/ledger?year=2025").status == (readsCounty ? .ok : .forbidden), "\(role) reads")
            #expect(try await browser.send("/counties/\(county)/ledger.xlsx?year=2025").status == (readsCounty ? .ok : .forbidden), "\(role) exports")
            let add = try await browser.post("/counties/\(county)/ledger?year=2025", form: [("title", "补充事项"), ("owner", "某股"), ("due", "2026-07-01")])
            #expect(add.status == (manages ? .seeOther : .forbidden), "\(role) adds")
            // The school's item: also its clerk's to read and report on.
            let mayReportA = manages || ["supervisor", "clerk"].contains(role)
            #expect(try await browser.send("/counties/\(county)/ledger/\(ofSchoolA.id)").status == (mayReportA ? .ok : .forbidden), "\(role) reads A's item")
            #expect(try await browser.post("/counties/\(county)/ledger/\(ofSchoolA.id)", form: [("note", "进展 \(role)")]).status
                    == (mayReportA ? .seeOther : .forbidden), "\(role) reports on A's item")
            #expect(try await Self.upload(&browser, county: county, id: ofSchoolA.id, name: "a.pdf", bytes: Self.pdf).status
                    == (mayReportA ? .seeOther : .forbidden), "\(role) uploads")
            // The county's item: not the clerk's.
            #expect(try await browser.send("/counties/\(county)/ledger/\(ofCounty.id)").status == (readsCounty ? .ok : .forbidden), "\(role) reads the county's item")
            #expect(try await browser.post("/counties/\(county)/ledger/\(ofCounty.id)", form: [("status", "in_progress")]).status
                    == (manages ? .seeOther : .forbidden), "\(role) sets the county item's status")
            let board = try await browser.send("/ledger/overdue")
            #expect(board.status == (role == "clerk" ? .forbidden : .ok), "\(role) reads the overdue board")
        }
        let notes = await fixture.store.ledgerItem(id: ofSchoolA.id)?.notes.map(\.accountName) ?? []
        #expect(notes == (["admin", "planner", "supervisor", "clerk"].contains(role) ? [role] : []))
    }

    @Test func overdueItemsShowOnTheBoardsAndAClosedGapIsSuggestedForVerification() async throws {
        let fixture = try await WebFixture()
        let county = fixture.countyA
        let admin = try #require(await fixture.store.account(named: "admin"))
        let past = try #require(CalendarDate(year: 2020, month: 1, day: 31))
        let late = try await fixture.store.addLedgerItem(
            NewLedgerItem(countyCode: county, year: 2025, title: "逾期事项", owner: "县教体局", due: past), by: admin, at: fixture.clock.now)
        let closed = try await fixture.store.addLedgerItem(
            NewLedgerItem(countyCode: county, year: 2025, gapKey: "cv:primary:99", title: "已不存在的问题", owner: "县教体局", due: try #require(CalendarDate(year: 2030, month: 1, day: 31))),
            by: admin, at: fixture.clock.now)
        try await fixture.test { client in
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            let board = try await supervisor.send("/ledger/overdue").text
            #expect(board.contains("共 1 项整改事项逾期未完成") && board.contains("逾期事项") && !board.contains("已不存在的问题"))
            #expect(board.contains("/counties/\(county)/ledger/\(late.id)"))
            let ledger = try await supervisor.send("/counties/\(county)/ledger?year=2025").text
            #expect(PageHTML.section("overdue", of: ledger).contains("逾期事项"))
            let rows = PageHTML.tableRows(PageHTML.section("ledger", of: ledger))
            #expect(rows.first { $0[0] == "#\(closed.id)" }?.last == "数据显示已达标，建议核验销号")
            #expect(rows.first { $0[0] == "#\(late.id)" }?.last == "")
            var supervisorB = try await Browser.signedIn(client, as: "supervisorB")
            #expect(!(try await supervisorB.send("/ledger/overdue").text.contains("逾期事项")))
        }
    }

    /// The planner adopts the investment plan as a version; its items enter the ledger.
    @Test(arguments: ["admin", "planner", "supervisor", "clerk"])
    func anAdoptedPlansItemsEnterTheLedger(_ role: String) async throws {
        let fixture = try await WebFixture()
        let county = fixture.countyA
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: role)
            let adopts = ["admin", "planner"].contains(role)
            if ["admin", "planner", "supervisor"].contains(role) {
                let page = try await browser.send("/counties/\(county)/plan?year=2025").text
                #expect(page.contains("action=\"/counties/\(county)/plan/adopt?year=2025\"") == adopts, "\(role) sees the adopt button")
            }
            let adopted = try await browser.post("/counties/\(county)/plan/adopt?year=2025", form: [])
            #expect(adopted.status == (adopts ? .seeOther : .forbidden), "\(role) adopts")
            guard adopts else {
                #expect(await fixture.store.adoptedPlans(county: county).isEmpty)
                return
            }
            #expect(adopted.location == "/counties/\(county)/ledger?year=2025&adopted=1")
            #expect(try await browser.post("/counties/\(county)/plan/adopt?year=2025", form: []).location == "/counties/\(county)/ledger?year=2025&adopted=2")
            let plans = await fixture.store.adoptedPlans(county: county)
            #expect(plans.map(\.version) == [1, 2] && plans.allSatisfy { $0.kind == .investment && !$0.items.isEmpty })
            let latest = try #require(plans.last)
            let ledger = try await browser.send("/counties/\(county)/ledger?year=2025").text
            let key = latest.ledgerKey(of: latest.items[0])
            #expect(PageHTML.section("plans", of: ledger).contains("value=\"\(key)\""))
            #expect(try await browser.post("/counties/\(county)/ledger?year=2025", form: [("plan_item", key), ("due", "2026-08-31")]).status == .seeOther)
            let item = try #require(await fixture.store.ledgerItems(counties: [county]).first)
            #expect(item.gapKey == key && item.title == latest.items[0].text && item.schoolCode == latest.items[0].schoolCode)
            // An adopted plan's item is not judged by the evaluation's gaps.
            let rows = PageHTML.tableRows(PageHTML.section("ledger", of: try await browser.send("/counties/\(county)/ledger?year=2025").text))
            #expect(rows.first?.last == "")
        }
    }

    /// The rotation page makes and adopts the plan in one post (the teachers file is uploaded
    /// each time): the planner may, the supervisor may only make it.
    @Test func theRotationPlanIsAdoptedFromItsPage() async throws {
        let fixture = try await WebFixture()
        let county = fixture.countyA
        let teachers = fixture.teachers(of: county)
        try await fixture.test { client in
            func post(_ browser: inout Browser) async throws -> TestResponse {
                var body = MultipartBody()
                body.field("csrf", browser.csrf ?? "")
                body.field("year", "2025")
                body.file("teachers", filename: "teachers.csv", bytes: RotatePageTests.csv(teachers))
                body.field("adopt", "yes")
                return try await browser.send("/counties/\(county)/rotate", bytes: body.finished(), contentType: body.contentType)
            }
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            #expect(try await post(&supervisor).status == .forbidden)
            var planner = try await Browser.signedIn(client, as: "planner")
            #expect(try await planner.send("/counties/\(county)/rotate?year=2025").text.contains("name=\"adopt\""))
            let page = try await post(&planner)
            #expect(page.status == .ok && page.text.contains("方案已采纳为第 1 版"))
            let plan = try #require(await fixture.store.adoptedPlans(county: county).first)
            #expect(plan.kind == .rotation && plan.version == 1 && !plan.items.isEmpty)
            let ledger = try await planner.send("/counties/\(county)/ledger?year=2025").text
            #expect(PageHTML.section("plans", of: ledger).contains(plan.ledgerKey(of: plan.items[0])))
        }
    }
}
