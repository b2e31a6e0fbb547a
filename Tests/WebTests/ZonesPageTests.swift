import Demo
import Domain
import Foundation
import HTTPTypes
import Interchange
import Planning
import Reports
import Storage
import Testing
import UseCases
@testable import Web

extension WebFixture {
    /// The blocks, enrollment and births of the fixture's demo counties (the same seed and
    /// year), as `DemoGenerator.zones(of:)` draws them for the stored rows.
    static let demoZones: DemoZones = {
        let demo = DemoGenerator(seed: 11, counties: 2, year: 2025)
        return demo.zones(of: demo.generate())
    }()

    /// The first 120 demo blocks of `county` (a county has hundreds; a debug-built plan of
    /// them all takes long enough to crowd the suite's timing tests).
    func blocks(of county: String) -> [ResidentialBlock] {
        Array(Self.demoZones.blocks.filter { $0.countyCode == county }.prefix(120))
    }

    /// The zones of `county` in 2025 planned here from its stored rows and blocks, as the page must.
    func zoningPlan(county: String, stage: Stage = .primary) async throws -> ZoningPlan? {
        let rows = await store.schoolYears(county: county, year: 2025)
        let blocks = await store.blocks(county: county)
        let distances = await store.distances(county: county)
        return PlanZones().plans(schools: rows, blocks: blocks, distances: distances, county: county, stages: [stage]).first
    }
}

extension Browser {
    /// Posts the zoning data form (or, with an `/api/` address, the API's PUT): the blocks
    /// and distances files, with the session's CSRF token (`""`: none).
    @discardableResult
    mutating func postZoneData(
        _ uri: String, blocks: (name: String, bytes: [UInt8])?, distances: (name: String, bytes: [UInt8])? = nil,
        year: String = "2025", csrf token: String? = nil
    ) async throws -> TestResponse {
        let api = uri.hasPrefix("/api/")
        var body = MultipartBody()
        let token = token ?? csrf ?? ""
        if !token.isEmpty, !api { body.field("csrf", token) }
        body.field("year", year)
        body.field("stage", "primary")
        body.file("blocks", filename: blocks?.name ?? "", bytes: blocks?.bytes ?? [])
        body.file("distances", filename: distances?.name ?? "", bytes: distances?.bytes ?? [])
        body.field("sheet", "")
        var headers: HTTPFields = [:]
        if api, !token.isEmpty { headers[HTTPField.Name("X-CSRF-Token")!] = token }
        return try await send(uri, method: api ? .put : .post, bytes: body.finished(), contentType: body.contentType, headers: headers)
    }

    /// Posts a form of the zones or forecast page with `files` and `fields`.
    @discardableResult
    mutating func postForm(_ uri: String, files: [(input: String, name: String, bytes: [UInt8])], fields: [(String, String)] = []) async throws -> TestResponse {
        var body = MultipartBody()
        body.field("csrf", csrf ?? "")
        for (name, value) in fields { body.field(name, value) }
        for file in files { body.file(file.input, filename: file.name, bytes: file.bytes) }
        return try await send(uri, bytes: body.finished(), contentType: body.contentType)
    }
}

@Suite("Zones page")
struct ZonesPageTests {
    static func csv(_ blocks: [ResidentialBlock]) -> [UInt8] { try! BlocksWriter().write(blocks) }

    @Test func everyRoleOnEveryZonesRoute() async throws {
        let fixture = try await WebFixture()
        let blocksA = Self.csv(fixture.blocks(of: fixture.countyA))
        try await fixture.test { client in
            // Stored first by the administrator, so that the readers' answers have a plan to show.
            var admin = try await Browser.signedIn(client, as: "admin")
            #expect(try await admin.postZoneData("/counties/\(fixture.countyA)/zones/data", blocks: ("blocks.csv", blocksA)).status == .seeOther)
            for (role, statuses) in WebFixture.countyReadAccess {
                var browser = try await Browser.signedIn(client, as: role)
                let a = fixture.countyA
                #expect(try await browser.send("/counties/\(a)/zones?year=2025").status == statuses.a, "\(role) reads A's zones")
                #expect(try await browser.send("/counties/\(fixture.countyB)/zones?stage=junior").status == statuses.b, "\(role) reads B's zones")
                #expect(try await browser.send("/counties/\(a)/zones.xlsx?year=2025").status == statuses.a, "\(role) downloads A's workbook")
                #expect(try await browser.send("/counties/\(a)/zones.csv?year=2025").status == statuses.a, "\(role) downloads A's CSV")
                #expect(try await browser.send("/counties/\(a)/forecast").status == statuses.a, "\(role) reads A's forecast page")
                #expect(try await browser.postForm("/counties/\(a)/zones", files: [], fields: [("rules", "{}")]).status == statuses.a,
                        "\(role) plans A under typed rules")
                #expect(try await browser.api("/api/counties/\(a)/zones?year=2025").status == statuses.a, "\(role) API on A")
                // Only who may change the county's data stores it: the administrator and A's planner.
                let mayStore = role == "admin" || role == "planner"
                let page = try await browser.postZoneData("/counties/\(a)/zones/data", blocks: ("blocks.csv", blocksA))
                #expect(page.status == (mayStore ? .seeOther : .forbidden), "\(role) stores A's blocks")
                let api = try await browser.postZoneData("/api/counties/\(a)/zone-data", blocks: ("blocks.csv", blocksA))
                #expect(api.status == (mayStore ? .ok : .forbidden), "\(role) stores A's blocks by the API")
                if !mayStore { #expect(api.errorCode == "forbidden") }
                // The form is shown to them alone.
                if statuses.a == .ok {
                    let shown = try await browser.send("/counties/\(a)/zones")
                    #expect(PageHTML.section("data", of: shown.text).contains("name=\"blocks\"") == mayStore, "\(role) sees the upload form")
                }
            }
            #expect(try await admin.postZoneData("/counties/\(fixture.countyB)/zones/data", blocks: ("blocks.csv", Self.csv(fixture.blocks(of: fixture.countyB)))).status == .seeOther)
            var planner = try await Browser.signedIn(client, as: "planner")
            #expect(try await planner.postZoneData("/counties/\(fixture.countyB)/zones/data", blocks: ("b.csv", blocksA)).status == .forbidden)
            // Without the session's token nothing is stored.
            #expect(try await planner.postZoneData("/counties/\(fixture.countyA)/zones/data", blocks: ("b.csv", blocksA), csrf: "forged").status == .forbidden)

            var anonymous = Browser(client)
            let page = try await anonymous.send("/counties/\(fixture.countyA)/zones?year=2025")
            #expect(page.status == .found)
            #expect(page.location == "/login?next=%2Fcounties%2F\(fixture.countyA)%2Fzones%3Fyear%3D2025")
            #expect(try await anonymous.send("/counties/\(fixture.countyA)/forecast").status == .found)
            #expect(try await anonymous.send("/counties/\(fixture.countyA)/zones.xlsx").status == .found)
            let api = try await anonymous.api("/api/counties/\(fixture.countyA)/zones")
            #expect(api.status == .unauthorized && api.errorCode == "unauthenticated")
            let put = try await anonymous.postZoneData("/api/counties/\(fixture.countyA)/zone-data", blocks: ("b.csv", blocksA))
            #expect(put.status == .unauthorized)
            // Unknown counties, years and stages.
            #expect(try await admin.send("/counties/999999/zones").status == .notFound)
            #expect(try await admin.send("/counties/\(fixture.countyA)/zones?year=2019").status == .notFound)
            #expect(try await admin.send("/counties/\(fixture.countyA)/zones?stage=senior").status == .badRequest)
            #expect(try await admin.api("/api/counties/\(fixture.countyA)/zones?stage=senior").status == .badRequest)
        }
    }

    /// Issue 16: demo blocks uploaded by the planner are stored and audited; the page draws the
    /// map and shows the plan's measures, the same as the report of the plan made here.
    @Test func uploadedBlocksAreStoredAuditedAndPlanned() async throws {
        let fixture = try await WebFixture()
        let blocks = fixture.blocks(of: fixture.countyA)
        #expect(!blocks.isEmpty)
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let empty = try await planner.send("/counties/\(fixture.countyA)/zones?year=2025")
            #expect(empty.status == .ok)
            #expect(PageHTML.section("data", of: empty.text).contains("本县尚未上传居住片区数据"))
            #expect(PageHTML.section("map", of: empty.text).isEmpty)
            #expect(try await planner.send("/counties/\(fixture.countyA)/zones.xlsx").status == .notFound)
            #expect(try await planner.api("/api/counties/\(fixture.countyA)/zones").errorCode == "not_found")
            // The overview links here beside the other plans.
            let overview = try await planner.send("/counties/\(fixture.countyA)?year=2025")
            #expect(overview.text.contains("<a class=\"zones\" href=\"/counties/\(fixture.countyA)/zones?year=2025\">学区划分</a>"))
            #expect(overview.text.contains("<a class=\"forecast\" href=\"/counties/\(fixture.countyA)/forecast?year=2025\">招生预测</a>"))

            let before = try await fixture.trailCount()
            let stored = try await planner.postZoneData("/counties/\(fixture.countyA)/zones/data", blocks: ("blocks.csv", Self.csv(blocks)))
            #expect(stored.status == .seeOther)
            #expect(stored.location == "/counties/\(fixture.countyA)/zones?year=2025&stage=primary&saved=\(blocks.count)")
            let read = try BlocksReader().read(Self.csv(blocks), file: "blocks.csv").blocks
            #expect(await fixture.store.blocks(county: fixture.countyA) == read.sorted { Array($0.id.utf8).lexicographicallyPrecedes(Array($1.id.utf8)) })
            let trail = await fixture.store.auditTrail(AuditQuery(counties: [fixture.countyA], limit: 1_000)).entries
            #expect(try await fixture.trailCount() > before)
            #expect(trail.contains { $0.action == .zoneData && $0.accountName == "planner" && $0.at == fixture.clock.now })

            let page = try await planner.send(try #require(stored.location))
            #expect(page.status == .ok)
            #expect(PageHTML.isClean(page.text))
            #expect(page.text.contains("片区数据已保存：\(blocks.count) 个片区有增删改，已记入操作记录。"))
            #expect(PageHTML.section("data", of: page.text).contains("已保存 \(blocks.count) 个居住片区、0 条实测距离"))
            // The map first, as SVG; then the measures the report of the same plan shows.
            let map = PageHTML.section("map", of: page.text)
            #expect(map.contains("<svg") && map.contains("class=\"zone\""))
            #expect(page.text.range(of: "<section id=\"map\">")!.lowerBound < page.text.range(of: "<section id=\"measures\">")!.lowerBound)
            let plan = try #require(try await fixture.zoningPlan(county: fixture.countyA))
            let report = ZoneReport(language: .chinese).report(plan)
            let renderer = HTMLRenderer(language: .chinese, rowLimit: ZonesPage.rowLimit, showsDetail: true)
            let measures = try #require(report.sections.first { $0.id == "measures" })
            #expect(page.text.contains(renderer.section(measures)))
            #expect(PageHTML.section("measures", of: page.text).contains("就近入学比例"))
            // Every block is listed with its school.
            let listed = PageHTML.tableRows(PageHTML.section("assignments", of: page.text))
            #expect(listed.count == blocks.count)
            #expect(Set(listed.map { $0[0] }) == Set(blocks.map(\.id)))
            #expect(page.text.contains("href=\"/counties/\(fixture.countyA)/zones.xlsx?year=2025&amp;stage=primary\""))
            // The junior stage has its own plan.
            let junior = try await planner.send("/counties/\(fixture.countyA)/zones?stage=junior")
            #expect(junior.text.contains("初中学区划分") && PageHTML.section("map", of: junior.text).contains("<svg"))

            // The downloads are the report's workbook and its assignments' CSV.
            let workbook = try await planner.send("/counties/\(fixture.countyA)/zones.xlsx?year=2025")
            #expect(workbook.status == .ok && workbook.headers[.contentType] == Download.xlsx)
            #expect(workbook.bytes == (try XLSXRenderer(language: .chinese, summaryName: ZoneReport(language: .chinese).summaryName).workbook(report)))
            let csv = try await planner.send("/counties/\(fixture.countyA)/zones.csv?year=2025")
            #expect(csv.bytes == CSVRenderer().document(ZoneReport(language: .chinese).assignments(plan)))

            // Storing the same data again changes nothing and records nothing.
            let count = try await fixture.trailCount()
            let again = try await planner.postZoneData("/api/counties/\(fixture.countyA)/zone-data", blocks: ("blocks.csv", Self.csv(blocks)))
            #expect(again.status == .ok)
            #expect(again.json["blocks_changed"] as? Int == 0 && again.json["blocks_after"] as? Int == blocks.count)
            #expect(try await fixture.trailCount() == count)
        }
    }

    @Test func refusedUploadsListEveryProblemAndStoreNothing() async throws {
        let fixture = try await WebFixture()
        let blocks = fixture.blocks(of: fixture.countyA)
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let before = try await fixture.trailCount()
            // A duplicate block id: the reader's refusal, at its row and column.
            let duplicate = Self.csv(blocks + [blocks[0]])
            let page = try await planner.postZoneData("/counties/\(fixture.countyA)/zones/data", blocks: ("blocks.csv", duplicate))
            #expect(page.status == .unprocessableContent)
            #expect(PageHTML.section("problems", of: page.text).contains("未保存任何数据"))
            let rows = PageHTML.tableRows(PageHTML.section("problems", of: page.text))
            #expect(rows == [["blocks.csv", String(blocks.count + 2), "片区编号", "片区编号重复，首次出现在第2行"]], "\(rows)")
            let api = try await planner.postZoneData("/api/counties/\(fixture.countyA)/zone-data", blocks: ("blocks.csv", duplicate))
            #expect(api.status == .unprocessableContent && api.errorCode == "invalid_data")
            #expect(api.errorDetails == ["blocks.csv:\(blocks.count + 2):片区编号: 片区编号重复，首次出现在第2行"])

            // An unknown current school and a block of another county: the checks against the rows.
            var changed = blocks
            changed[1].currentSchool[.primary] = "9999999999"
            changed[2].countyCode = fixture.countyB
            let wrong = try await planner.postZoneData("/api/counties/\(fixture.countyA)/zone-data?lang=en", blocks: ("blocks.csv", Self.csv(changed)))
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.errorDetails == [
                "blocks.csv:3:现划入小学: no school '9999999999' in the schools file",
                "blocks.csv:4:县区代码: the block belongs to county '\(fixture.countyB)', not to \(fixture.countyA)",
            ], "\(wrong.errorDetails)")
            // A distance to an unknown school, at its cell.
            let distances = try DistancesWriter().write([TravelDistance(from: blocks[0].id, to: "8888888888", measure: .kilometres(2))])
            let far = try await planner.postZoneData("/counties/\(fixture.countyA)/zones/data?lang=en",
                                                     blocks: ("blocks.csv", Self.csv(fixture.blocks(of: fixture.countyA))), distances: ("distances.csv", distances))
            #expect(far.status == .unprocessableContent)
            #expect(PageHTML.tableRows(PageHTML.section("problems", of: far.text)).first?.prefix(3) == ["distances.csv", "2", "学校标识码或布点编号"])
            // A form without a blocks file.
            #expect(try await planner.postZoneData("/counties/\(fixture.countyA)/zones/data", blocks: nil).status == .badRequest)
            #expect(try await fixture.trailCount() == before)
        }
        #expect(await fixture.store.blocks(county: fixture.countyA).isEmpty)
    }

    /// Issue 13's hostile files on the new upload: refused with their place, nothing stored,
    /// the server still serving; a file over the upload limit refused before it is read.
    @Test func hostileUploadsAreRefusedWithoutACrash() async throws {
        let fixture = try await WebFixture { $0.maxUploadSize = 1 << 20 }
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let bomb = try HostileUploadTests.workbook(sheetData: #"<row r="1">"# + String(repeating: "<c/>", count: 2_000_000) + "</row>")
            let refused = try await planner.postZoneData("/api/counties/\(fixture.countyA)/zone-data", blocks: ("bomb.xlsx", bomb))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.errorDetails.first?.hasPrefix("bomb.xlsx:1:1: ") == true, "\(refused.errorDetails)")
            let crash = try HostileUploadTests.workbook(sheetData: HostileUploadTests.overflowingIndex)
            let page = try await planner.postZoneData("/counties/\(fixture.countyA)/zones/data", blocks: ("crash.xlsx", crash))
            #expect(page.status == .unprocessableContent)
            let garbage = (0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
            #expect(try await planner.postZoneData("/counties/\(fixture.countyA)/zones/data", blocks: ("x.csv", garbage)).status == .unprocessableContent)
            let huge = [UInt8](repeating: UInt8(ascii: "1"), count: 2 << 20)
            #expect(try await planner.postZoneData("/counties/\(fixture.countyA)/zones/data", blocks: ("huge.csv", huge)).status == .badRequest)
            #expect(try await planner.send("/health").status == .ok)
        }
        #expect(await fixture.store.blocks(county: fixture.countyA).isEmpty)
    }

    @Test func theAPIAnswersTheCommandsDocument() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let stored = try await planner.postZoneData("/api/counties/\(fixture.countyA)/zone-data", blocks: ("blocks.csv", Self.csv(fixture.blocks(of: fixture.countyA))))
            #expect(stored.status == .ok)
            #expect(stored.json["blocks_before"] as? Int == 0 && stored.json["blocks_after"] as? Int == fixture.blocks(of: fixture.countyA).count)
            for stage in [Stage.primary, .junior] {
                let plan = try #require(try await fixture.zoningPlan(county: fixture.countyA, stage: stage))
                let answer = try await planner.api("/api/counties/\(fixture.countyA)/zones?year=2025&stage=\(stage.rawValue)")
                #expect(answer.status == .ok)
                #expect(answer.text == (try JSONValue(encoding: ZoningPlanDocument(plan)).serialized()))
                #expect(try JSONDecoder().decode(ZoningPlanDocument.self, from: Data(answer.text.utf8)) == ZoningPlanDocument(plan))
            }
        }
    }

    /// Once blocks are stored, the county's evaluation computes items 13 and 15 from them (the
    /// facts' source is `computed`), on the page and in the API — the cached overview too.
    @Test func theEvaluationComputesItem13FromStoredBlocks() async throws {
        let fixture = try await WebFixture()
        let blocks = fixture.blocks(of: fixture.countyA)
        let rows = await fixture.store.schoolYears(county: fixture.countyA, year: 2025)
        let facts = await fixture.store.facts(year: 2025, counties: [fixture.countyA])
        let evaluate = EvaluateCounties(standard: WebFixture.standard)
        let typed = try #require(evaluate.evaluate(rows, facts: facts, year: nil, county: nil).results.first)
        #expect(typed.facts.first { $0.rule.key == ComputedItems.nearbyPrimary }?.fact?.source != .computed)
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let overviewBefore = try await planner.send("/counties/\(fixture.countyA)?year=2025")
            let apiBefore = try await planner.api("/api/counties/\(fixture.countyA)/years/2025/evaluation")
            #expect(try await planner.postZoneData("/counties/\(fixture.countyA)/zones/data", blocks: ("blocks.csv", Self.csv(blocks))).status == .seeOther)
            // As `junheng evaluate` with the blocks file: items 13 and 15 computed from the blocks.
            let storedBlocks = await fixture.store.blocks(county: fixture.countyA)
            let expected = try #require(evaluate.evaluate(rows, facts: facts, year: nil, county: nil, data: CountyItemData(blocks: storedBlocks)).results.first)
            let item13 = try #require(expected.facts.first { $0.rule.key == ComputedItems.nearbyPrimary })
            #expect(item13.fact?.source == .computed)
            let stored = try await evaluate.evaluate(county: fixture.countyA, year: 2025, store: fixture.store)
            #expect(stored.result == expected)
            #expect(stored.result.facts.first { $0.rule.key == ComputedItems.nearbyPrimary }?.fact?.source == .computed)
            let api = try await planner.api("/api/counties/\(fixture.countyA)/years/2025/evaluation")
            #expect(api.text == (try JSONValue(encoding: EvaluationDocument([expected], standard: WebFixture.standard, language: .chinese)).serialized()))
            #expect(api.text != apiBefore.text)
            // The kept overview is made again: the zone data moved the county's revision.
            let overview = try await planner.send("/counties/\(fixture.countyA)?year=2025")
            #expect(overview.text != overviewBefore.text)
        }
    }

    @Test func typedRulesPlanWithoutStoringAndRefusedRulesAreListed() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            #expect(try await planner.postZoneData("/counties/\(fixture.countyA)/zones/data", blocks: ("blocks.csv", Self.csv(fixture.blocks(of: fixture.countyA)))).status == .seeOther)
            let page = try await planner.send("/counties/\(fixture.countyA)/zones")
            #expect(PageHTML.section("rules", of: page.text).contains("detour_factor"), "the defaults as the example")
            let typed = try await planner.postForm("/counties/\(fixture.countyA)/zones", files: [], fields: [
                ("year", "2025"), ("stage", "primary"), ("rules", #"{"detour_factor": 2}"#),
            ])
            #expect(typed.status == .ok)
            #expect(PageHTML.section("rules", of: typed.text).contains("{&quot;detour_factor&quot;: 2}"))
            // Twice the detour: twice the child-km of the default plan, computed here.
            let rows = await fixture.store.schoolYears(county: fixture.countyA, year: 2025)
            let blocks = await fixture.store.blocks(county: fixture.countyA)
            var rules = ZoningRules.defaults
            rules.detourFactor = 2
            let plan = try #require(PlanZones(rules: rules).plans(schools: rows, blocks: blocks, distances: [], county: fixture.countyA, stages: [.primary]).first)
            let report = ZoneReport(rules: rules, language: .chinese).report(plan)
            let measures = try #require(report.sections.first { $0.id == "measures" })
            #expect(typed.text.contains(HTMLRenderer(language: .chinese, rowLimit: ZonesPage.rowLimit, showsDetail: true).section(measures)))
            let csv = try await planner.postForm("/counties/\(fixture.countyA)/zones", files: [], fields: [
                ("year", "2025"), ("rules", #"{"detour_factor": 2}"#), ("format", "csv"),
            ])
            #expect(Array(csv.text.utf8) == CSVRenderer().document(ZoneReport(rules: rules, language: .chinese).assignments(plan)))
            let refused = try await planner.postForm("/counties/\(fixture.countyA)/zones?lang=en", files: [], fields: [("rules", #"{"detour_factor": "far"}"#)])
            #expect(refused.status == .unprocessableContent)
            #expect(PageHTML.section("problems", of: refused.text).contains("detour_factor"))
            // No plan under refused rules: the default rules' would read as their answer.
            #expect(PageHTML.section("summary", of: refused.text).isEmpty)
            #expect(PageHTML.section("rules", of: refused.text).contains("far"))
        }
    }

    @Test func theForecastPageForecastsAnUploadOrListsItsProblems() async throws {
        let fixture = try await WebFixture()
        let codes = Set(fixture.rows(county: fixture.countyA, year: 2025).map(\.schoolCode))
        let enrollment = WebFixture.demoZones.enrollment.filter { codes.contains($0.schoolCode) }
        let births = WebFixture.demoZones.births.filter { $0.areaCode == fixture.countyA }
        #expect(!enrollment.isEmpty)
        try await fixture.test { client in
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            let form = try await supervisor.send("/counties/\(fixture.countyA)/forecast")
            #expect(form.status == .ok && PageHTML.section("upload", of: form.text).contains("name=\"enrollment\""))
            let made = try await supervisor.postForm("/counties/\(fixture.countyA)/forecast", files: [
                ("enrollment", "enrollment.csv", try EnrollmentWriter().write(enrollment)), ("births", "births.csv", try BirthsWriter().write(births)),
            ], fields: [("year", "2025")])
            #expect(made.status == .ok)
            #expect(PageHTML.isClean(made.text))
            let rows = await fixture.store.schoolYears(county: fixture.countyA, year: 2025)
            let forecast = PlanZones().forecast(schools: rows, county: fixture.countyA, history: enrollment, births: births)
            let report = ForecastReport(language: .chinese).report(forecast, county: fixture.countyA)
            let county = try #require(report.sections.first { $0.id == "county" })
            #expect(made.text.contains(HTMLRenderer(language: .chinese, rowLimit: ForecastPage.rowLimit, showsDetail: true).section(county)))
            var wrong = enrollment
            wrong[0].schoolCode = "7777777777"
            let refused = try await supervisor.postForm("/counties/\(fixture.countyA)/forecast", files: [
                ("enrollment", "enrollment.csv", try EnrollmentWriter().write(wrong)),
            ])
            #expect(refused.status == .unprocessableContent)
            #expect(PageHTML.tableRows(PageHTML.section("problems", of: refused.text)).first?.prefix(2) == ["enrollment.csv", "2"])
            #expect(PageHTML.section("county", of: refused.text).isEmpty)
            #expect(try await supervisor.postForm("/counties/\(fixture.countyA)/forecast", files: []).status == .badRequest)
        }
    }

    @Test func englishVersionAndTheBasemapsOrigin() async throws {
        let fixture = try await WebFixture { $0.mapTiles = "https://tile.example.org/{z}/{x}/{y}.png" }
        try await fixture.test { client in
            var admin = try await Browser.signedIn(client, as: "admin")
            #expect(try await admin.postZoneData("/counties/\(fixture.countyA)/zones/data", blocks: ("blocks.csv", Self.csv(fixture.blocks(of: fixture.countyA)))).status == .seeOther)
            let page = try await admin.send("/counties/\(fixture.countyA)/zones?lang=en")
            #expect(page.text.contains("<html lang=\"en\">"))
            #expect(page.text.contains("enrollment zones, primary"))
            #expect(PageHTML.section("measures", of: page.text).contains("Zoned to the nearest school"))
            #expect(PageHTML.section("map", of: page.text).contains("<image href=\"https://tile.example.org/"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("img-src 'self' data: https://tile.example.org;") == true)
            // Other pages allow no outside image.
            let overview = try await admin.send("/counties/\(fixture.countyA)")
            #expect(overview.headers[.contentSecurityPolicy]?.contains("img-src 'self' data:;") == true)
        }
        #expect(MapTiles.origin(of: "javascript:alert(1)//{z}") == [])
        #expect(MapTiles.origin(of: "http://localhost:8088/{z}/{x}/{y}.png") == ["http://localhost:8088"])
    }
}
