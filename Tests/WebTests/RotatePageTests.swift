import Demo
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
    /// The teachers of the fixture's demo counties (the same seed and year), as
    /// `DemoGenerator.teachers(of:)` draws them for the stored rows.
    static let demoTeachers: [Teacher] = {
        let demo = DemoGenerator(seed: 11, counties: 2, year: 2025)
        return demo.teachers(of: demo.generate())
    }()

    /// The teachers of `county`.
    func teachers(of county: String) -> [Teacher] {
        let codes = Set(rows.filter { $0.countyCode == county }.map(\.schoolCode))
        return Self.demoTeachers.filter { codes.contains($0.schoolCode) }
    }

    /// The rotation plan of `county` in 2025 made here from its stored rows, as the page must.
    func rotation(county: String, teachers: [Teacher], rules: RotationRules = .defaults) async -> RotationPlan {
        let rows = await store.schoolYears(county: county, year: 2025)
        return RotationPlanner(rules: rules).plan(schools: rows, teachers: teachers, year: 2025)
    }
}

extension Browser {
    /// Posts the rotation form (or, with `uri`, the API): the teachers file, typed rules or a
    /// rules file, the year and format, with the session's CSRF token unless `csrf` says
    /// otherwise (`""`: no token field).
    @discardableResult
    mutating func postRotate(
        _ uri: String, teachers: (name: String, bytes: [UInt8])?, rules: String = "", rulesFile: (name: String, bytes: [UInt8])? = nil,
        year: String = "2025", format: String? = nil, csrf token: String? = nil, asHeader: Bool = false
    ) async throws -> TestResponse {
        var body = MultipartBody()
        let token = token ?? csrf ?? ""
        if !token.isEmpty, !asHeader { body.field("csrf", token) }
        body.field("year", year)
        body.file("teachers", filename: teachers?.name ?? "", bytes: teachers?.bytes ?? [])
        body.field("sheet", "")
        body.field("rules", rules)
        body.file("rules_file", filename: rulesFile?.name ?? "", bytes: rulesFile?.bytes ?? [], contentType: "application/json")
        if let format { body.field("format", format) }
        var headers: HTTPFields = [:]
        if asHeader, !token.isEmpty { headers[HTTPField.Name("X-CSRF-Token")!] = token }
        return try await send(uri, bytes: body.finished(), contentType: body.contentType, headers: headers)
    }
}

@Suite("Rotation page")
struct RotatePageTests {
    static func csv(_ teachers: [Teacher]) -> [UInt8] { try! TeachersWriter().write(teachers) }

    @Test func everyRoleOnBothCounties() async throws {
        let fixture = try await WebFixture()
        let teachersA = Self.csv(fixture.teachers(of: fixture.countyA))
        try await fixture.test { client in
            let expected = WebFixture.countyReadAccess
            for (role, statuses) in expected {
                var browser = try await Browser.signedIn(client, as: role)
                #expect(try await browser.send("/counties/\(fixture.countyA)/rotate?year=2025").status == statuses.0, "\(role) on A")
                #expect(try await browser.send("/counties/\(fixture.countyB)/rotate").status == statuses.1, "\(role) on B")
                let posted = try await browser.postRotate("/counties/\(fixture.countyA)/rotate", teachers: ("teachers.csv", teachersA))
                #expect(posted.status == statuses.0, "\(role) posts on A")
                let api = try await browser.postRotate("/api/counties/\(fixture.countyA)/rotate", teachers: ("teachers.csv", teachersA), asHeader: true)
                #expect(api.status == statuses.0, "\(role) API on A")
                if statuses.0 == .forbidden {
                    #expect(api.errorCode == "forbidden")
                    #expect(!posted.text.contains("section id=\"moves\""), "\(role) sees no plan")
                }
            }
            var anonymous = Browser(client)
            let page = try await anonymous.send("/counties/\(fixture.countyA)/rotate?year=2025")
            #expect(page.status == .found)
            #expect(page.location == "/login?next=%2Fcounties%2F\(fixture.countyA)%2Frotate%3Fyear%3D2025")
            let api = try await anonymous.postRotate("/api/counties/\(fixture.countyA)/rotate", teachers: ("teachers.csv", teachersA))
            #expect(api.status == .unauthorized)
            #expect(api.errorCode == "unauthenticated")
        }
    }

    @Test func postsWithoutTheSessionsTokenAreRefused() async throws {
        let fixture = try await WebFixture()
        let teachersA = Self.csv(fixture.teachers(of: fixture.countyA))
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let page = try await planner.postRotate("/counties/\(fixture.countyA)/rotate", teachers: ("teachers.csv", teachersA), csrf: "")
            #expect(page.status == .forbidden)
            #expect(!page.text.contains("section id=\"moves\""))
            let forged = try await planner.postRotate("/counties/\(fixture.countyA)/rotate", teachers: ("teachers.csv", teachersA), csrf: "forged")
            #expect(forged.status == .forbidden)
            let api = try await planner.postRotate("/api/counties/\(fixture.countyA)/rotate", teachers: ("teachers.csv", teachersA), csrf: "")
            #expect(api.errorCode == "csrf_token_invalid")
        }
    }

    @Test func unknownCountyOrYearIsRefused() async throws {
        let fixture = try await WebFixture()
        let teachersA = Self.csv(fixture.teachers(of: fixture.countyA))
        try await fixture.test { client in
            var admin = try await Browser.signedIn(client, as: "admin")
            #expect(try await admin.send("/counties/999999/rotate").status == .notFound)
            #expect(try await admin.send("/counties/\(fixture.countyA)/rotate?year=2019").status == .notFound)
            #expect(try await admin.send("/counties/\(fixture.countyA)/rotate?year=abc").status == .badRequest)
            #expect(try await admin.postRotate("/counties/\(fixture.countyA)/rotate", teachers: ("t.csv", teachersA), year: "2019").status == .notFound)
            #expect(try await admin.postRotate("/counties/\(fixture.countyA)/rotate", teachers: ("t.csv", teachersA), year: "soon").status == .badRequest)
            let api = try await admin.postRotate("/api/counties/\(fixture.countyA)/rotate", teachers: ("t.csv", teachersA), year: "2019", asHeader: true)
            #expect(api.errorCode == "not_found")
        }
    }

    @Test func formExplainsThePlanAndTheOverviewLinksIt() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let page = try await planner.send("/counties/\(fixture.countyA)/rotate")
            #expect(page.status == .ok)
            #expect(PageHTML.isClean(page.text))
            #expect(page.text.contains("2025 年度教师交流轮岗方案"))
            #expect(page.text.contains("两两对调") && page.text.contains("10.000%") && page.text.contains("20.000%"))
            let form = PageHTML.section("upload", of: page.text)
            #expect(form.contains("action=\"/counties/\(fixture.countyA)/rotate\" enctype=\"multipart/form-data\""))
            #expect(form.contains("name=\"csrf\" value=\"\(planner.csrf ?? "-")\""))
            #expect(form.contains("name=\"year\" value=\"2025\""))
            #expect(form.contains("name=\"teachers\"") && form.contains("name=\"rules\"") && form.contains("name=\"rules_file\""))
            #expect(form.contains("name=\"format\" value=\"xlsx\""))
            #expect(form.contains("&quot;min_share_of_eligible&quot; : 0.1"), "the defaults as the example")
            // No plan before an upload.
            #expect(PageHTML.section("quota", of: page.text).isEmpty && PageHTML.section("moves", of: page.text).isEmpty)
            // The other year keeps its own link; the overview links here next to the investment plan.
            #expect(page.text.contains("href=\"/counties/\(fixture.countyA)/rotate?year=2024\""))
            let overview = try await planner.send("/counties/\(fixture.countyA)?year=2024")
            #expect(overview.text.contains("<a class=\"plan\" href=\"/counties/\(fixture.countyA)/plan?year=2024\">资源配置达标投入方案</a> · <a class=\"rotate\" href=\"/counties/\(fixture.countyA)/rotate?year=2024\">教师交流轮岗方案</a>"))

            let english = try await planner.send("/counties/\(fixture.countyA)/rotate?lang=en")
            #expect(english.text.contains("2025 teacher rotation plan"))
            #expect(english.text.contains("Make the rotation plan"))
            #expect(PageHTML.isClean(english.text))
        }
    }

    @Test func uploadShowsTheQuotaCheckCVsAndMoves() async throws {
        let fixture = try await WebFixture()
        let teachers = fixture.teachers(of: fixture.countyA)
        let plan = await fixture.rotation(county: fixture.countyA, teachers: teachers)
        #expect(!plan.moves.isEmpty, "the demo county has teachers to move")
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let page = try await planner.postRotate("/counties/\(fixture.countyA)/rotate", teachers: ("teachers.csv", Self.csv(teachers)))
            #expect(page.status == .ok)
            #expect(PageHTML.isClean(page.text))
            #expect(PageHTML.section("problems", of: page.text).isEmpty)

            // The quota check: teachers, backbone teachers, principals.
            let quota = PageHTML.section("quota", of: page.text)
            let rows = PageHTML.tableRows(quota)
            #expect(rows.count == 3)
            #expect(rows[0] == ["专任教师（不含校长）", String(plan.eligible), String(plan.requiredMovers), String(plan.teacherMovers),
                                plan.teacherMovers >= plan.requiredMovers ? "达到" : "未达到"])
            #expect(rows[1] == ["其中县级以上骨干教师", "", String(plan.requiredBackboneMovers), String(plan.backboneMovers),
                                plan.backboneMovers >= plan.requiredBackboneMovers ? "达到" : "未达到"])
            #expect(rows[2] == ["校长", String(plan.eligiblePrincipals), String(plan.requiredPrincipalMovers), String(plan.principalMovers),
                                plan.meetsPrincipalQuota ? "达到" : "未达到"])
            #expect(quota.contains("<th>总距离（公里，有坐标的学校之间）</th><td class=\"num\">\(ReportCell.three(plan.kilometres).shown(in: .chinese))</td>"))

            // The CVs: a chart per stage by the official names, and the table before → after.
            let cvs = PageHTML.section("cvs", of: page.text)
            let stages = Set(plan.changes.map(\.stage))
            #expect(!stages.isEmpty)
            #expect(cvs.components(separatedBy: "<svg").count - 1 == stages.count)
            let cvRows = PageHTML.tableRows(cvs)
            #expect(cvRows.count == plan.changes.count)
            for (row, change) in zip(cvRows, plan.changes) {
                let name = try #require(WebFixture.standard.indicators.first { $0.numerator == change.resource }?.name)
                #expect(name.hasPrefix("每百名学生拥有"), "\(name)")
                #expect(cvs.contains(">\(name)</text>"), "the chart names \(name)")
                #expect(row == [change.stage.chineseName, change.resource.chineseName,
                                ReportCell.three(change.before).shown(in: .chinese), ReportCell.three(change.after).shown(in: .chinese)])
            }
            #expect(cvs.contains("<td class=\"num pass\">") || cvs.contains("<td class=\"num fail\">"), "judged against the limit")

            // The moves, in the plan's order, with the schools' names and the reasons' words.
            let moves = PageHTML.section("moves", of: page.text)
            let table = PageHTML.tableRows(moves)
            #expect(table.count == min(plan.moves.count, RotatePage.rowLimit))
            #expect(plan.moves.count <= RotatePage.rowLimit || moves.contains("共 \(plan.moves.count) 行，显示前 \(RotatePage.rowLimit) 行"))
            let rowsByCode = Dictionary(fixture.rows(county: fixture.countyA, year: 2025).map { ($0.schoolCode, $0.schoolName) }, uniquingKeysWith: { a, _ in a })
            let subjects = Dictionary(teachers.map { ($0.id, $0.subject.chineseName) }, uniquingKeysWith: { a, _ in a })
            for (row, move) in zip(table, plan.moves) {
                #expect(row[0] == move.teacherID)
                #expect(row[1] == subjects[move.teacherID])
                #expect(row[2] == move.from && row[3] == rowsByCode[move.from])
                #expect(row[4] == move.to && row[5] == rowsByCode[move.to])
                #expect(row[6] == move.stage.chineseName)
                #expect(row[7] == RotationWording.reason(move.reason, .chinese))
                #expect(row[8] == String(move.swap))
                #expect(row[9] == ReportCell.three(move.kilometres).shown(in: .chinese))
            }
            let first = try #require(plan.moves.first)
            #expect(moves.contains("<a href=\"/counties/\(fixture.countyA)/schools/\(first.from)?year=2025\">"))

            // The demo's teachers match their rows: no count differences.
            #expect(PageHTML.section("differences", of: page.text).contains("教师信息的各项计数与学校数据一致。"))
            // The rural-service summary counts the record after the moves.
            let record = RuralServiceRecord(
                teachers: teachers, schools: fixture.rows(county: fixture.countyA, year: 2025), rules: .defaults,
                moves: Dictionary(plan.moves.map { ($0.teacherID, $0.to) }, uniquingKeysWith: { a, _ in a }))
            let rural = PageHTML.tableRows(PageHTML.section("rural", of: page.text).replacingOccurrences(of: "<th>", with: "<td>").replacingOccurrences(of: "</th>", with: "</td>"))
            #expect(rural.first == ["城镇学校中级职称教师", String(record.entries.count)])
            #expect(rural.dropFirst().first == ["现已具备任教经历", String(record.entries.count(where: \.qualifiesNow))])
            // The other sections are there, filled or saying they are empty.
            for id in ["objective", "titles", "schools"] { #expect(!PageHTML.section(id, of: page.text).isEmpty, "\(id)") }
            let schools = PageHTML.tableRows(PageHTML.section("schools", of: page.text))
            #expect(schools.count == min(plan.schools.count, RotatePage.rowLimit))
            for (row, school) in zip(schools, plan.schools) {
                let teachers = school.before.teachers == school.after.teachers ? String(school.after.teachers) : "\(school.before.teachers) → \(school.after.teachers)"
                #expect(row[6] == teachers)
                #expect(row[5] == (school.staffingNeed.map(String.init) ?? ""))
            }
            #expect(PageHTML.tableRows(PageHTML.section("objective", of: page.text)).count == plan.objective.count)
        }
    }

    @Test func rulesChangeThePlanAndAreShownBack() async throws {
        let fixture = try await WebFixture()
        let teachers = fixture.teachers(of: fixture.countyA)
        var rules = RotationRules.defaults
        rules.minShareOfEligible = 0.2
        let plan = await fixture.rotation(county: fixture.countyA, teachers: teachers, rules: rules)
        let typed = #"{"min_share_of_eligible": 0.2, "note": "2026"}"#
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let page = try await planner.postRotate("/counties/\(fixture.countyA)/rotate", teachers: ("teachers.csv", Self.csv(teachers)), rules: typed)
            #expect(page.status == .ok)
            #expect(PageHTML.tableRows(PageHTML.section("quota", of: page.text)).first?[2] == String(plan.requiredMovers))
            #expect(PageHTML.section("quota", of: page.text).contains("20.000%"))
            #expect(PageHTML.section("upload", of: page.text).contains(PageHTML.escaped(typed) + "</textarea>"))
            // An unknown key is a warning, not an error.
            #expect(PageHTML.section("warnings", of: page.text).contains("不认识的规则键 note"))

            // The same rules as a file.
            let file = try await planner.postRotate("/counties/\(fixture.countyA)/rotate", teachers: ("teachers.csv", Self.csv(teachers)),
                                                    rulesFile: ("rules.json", Array(typed.utf8)))
            #expect(PageHTML.tableRows(PageHTML.section("quota", of: file.text)).first?[2] == String(plan.requiredMovers))
            // Both at once is refused.
            let both = try await planner.postRotate("/counties/\(fixture.countyA)/rotate", teachers: ("teachers.csv", Self.csv(teachers)),
                                                    rules: typed, rulesFile: ("rules.json", Array(typed.utf8)))
            #expect(both.status == .badRequest)
            #expect(both.text.contains("交流规则请只在文本框或文件中给出一处"))
        }
    }

    @Test func refusedTeachersFileShowsEveryProblemAndNoPlan() async throws {
        let fixture = try await WebFixture()
        var edited = fixture.teachers(of: fixture.countyA)
        edited[1].birthYear = 1900                  // row 3
        edited[4].yearsAtSchool = 60                // row 6
        let teachers = edited
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let page = try await planner.postRotate("/counties/\(fixture.countyA)/rotate", teachers: ("bad-teachers.csv", Self.csv(teachers)),
                                                    rules: #"{"min_share_of_eligible": 2}"#)
            #expect(page.status == .unprocessableContent)
            #expect(PageHTML.isClean(page.text))
            let problems = PageHTML.section("problems", of: page.text)
            #expect(problems.contains("上传的文件有 3 处错误，未生成交流轮岗方案"))
            let rows = PageHTML.tableRows(problems)
            #expect(rows.count == 3)
            #expect(rows[0].prefix(3) == ["bad-teachers.csv", "3", "出生年份"])
            #expect(rows[1].prefix(3) == ["bad-teachers.csv", "6", "本校任教年限"])
            #expect(rows[2].prefix(3) == ["规则", "—", "—"])
            #expect(rows.allSatisfy { !$0[3].isEmpty }, "each problem says which rule it breaks")
            // Nothing else: no plan section at all.
            for id in ["quota", "cvs", "objective", "titles", "moves", "schools", "differences", "rural", "warnings"] {
                #expect(PageHTML.section(id, of: page.text).isEmpty, "\(id)")
            }
            // The form is there to try again.
            #expect(!PageHTML.section("upload", of: page.text).isEmpty)

            // No file at all.
            let none = try await planner.postRotate("/counties/\(fixture.countyA)/rotate", teachers: nil)
            #expect(none.status == .badRequest)
            #expect(PageHTML.section("problems", of: none.text).contains("请选择教师信息文件"))
            // Teachers of another county only.
            let other = try await planner.postRotate("/counties/\(fixture.countyA)/rotate", teachers: ("b.csv", Self.csv(fixture.teachers(of: fixture.countyB))))
            #expect(other.status == .unprocessableContent)
            #expect(PageHTML.section("problems", of: other.text).contains("没有本县（\(fixture.countyA)）2025 年度学校的教师"))
        }
    }

    @Test func teachersOfOtherCountiesAreLeftOutWithAWarning() async throws {
        let fixture = try await WebFixture()
        let plan = await fixture.rotation(county: fixture.countyA, teachers: fixture.teachers(of: fixture.countyA))
        let outside = fixture.teachers(of: fixture.countyB).count
        try await fixture.test { client in
            var admin = try await Browser.signedIn(client, as: "admin")
            let page = try await admin.postRotate("/counties/\(fixture.countyA)/rotate", teachers: ("all.csv", Self.csv(WebFixture.demoTeachers)))
            #expect(page.status == .ok)
            #expect(PageHTML.section("warnings", of: page.text).contains("all.csv：\(outside) 名教师的学校"))
            // The same plan as of the county's own teachers.
            #expect(PageHTML.section("moves", of: page.text).contains("<h2>交流名单：\(plan.moves.count) 人次</h2>"))
        }
    }

    @Test func planDownloadsAsAWorkbook() async throws {
        let fixture = try await WebFixture()
        let teachers = Self.csv(fixture.teachers(of: fixture.countyA))
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let page = try await planner.postRotate("/counties/\(fixture.countyA)/rotate", teachers: ("teachers.csv", teachers), format: "xlsx")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(page.headers[.contentDisposition] == "attachment; filename=\"junheng-rotation-\(fixture.countyA)-2025.xlsx\"")
            #expect(page.text.hasPrefix("PK"))
        }
    }

    @Test func apiAnswersThePlanAsJSON() async throws {
        let fixture = try await WebFixture()
        let teachers = fixture.teachers(of: fixture.countyA)
        let plan = await fixture.rotation(county: fixture.countyA, teachers: teachers)
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let response = try await planner.postRotate("/api/counties/\(fixture.countyA)/rotate", teachers: ("teachers.csv", Self.csv(teachers)), asHeader: true)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let json = response.json
            for key in ["county_code", "county_name", "year", "eligible", "movers", "required_movers", "backbone_movers",
                        "required_backbone_movers", "meets_quota", "eligible_principals", "required_principal_movers",
                        "principal_movers", "meets_principal_quota", "kilometres", "cvs", "objective", "title_structure",
                        "moves", "schools", "count_differences", "rural_service", "rules", "warnings"] {
                #expect(json[key] != nil, "\(key)")
            }
            #expect(json["county_code"] as? String == fixture.countyA)
            #expect(json["year"] as? Int == 2025)
            #expect(json["eligible"] as? Int == plan.eligible)
            #expect(json["movers"] as? Int == plan.teacherMovers)
            #expect(json["meets_quota"] as? Bool == plan.meetsQuota)
            let moves = response.array("moves")
            #expect(moves.count == plan.moves.count)
            #expect(moves.first?["teacher_id"] as? String == plan.moves.first?.teacherID)
            #expect(moves.first?["reason"] as? String == plan.moves.first?.reason.rawValue)
            #expect(response.array("cvs").count == plan.changes.count)
            #expect(response.array("schools").count == plan.schools.count)
            #expect(response.array("count_differences").isEmpty)
            #expect((json["rules"] as? [String: Any])?["min_share_of_eligible"] as? Double == 0.1)
            #expect((json["rural_service"] as? [String: Any])?["candidates"] != nil)

            // A refused file: 422 with every problem as FILE:ROW:COLUMN.
            var bad = teachers
            bad[1].birthYear = 1900
            let refused = try await planner.postRotate("/api/counties/\(fixture.countyA)/rotate", teachers: ("teachers.csv", Self.csv(bad)),
                                                       rules: "{nope", asHeader: true)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.errorCode == "invalid_data")
            #expect(refused.errorDetails.count == 2)
            #expect(refused.errorDetails.first?.hasPrefix("teachers.csv:3:出生年份: ") == true)
            #expect(refused.errorDetails.last?.hasPrefix("规则: 不是有效的 JSON") == true)
            let missing = try await planner.postRotate("/api/counties/\(fixture.countyA)/rotate", teachers: nil, asHeader: true)
            #expect(missing.errorCode == "bad_request")
            let english = try await planner.postRotate("/api/counties/\(fixture.countyA)/rotate?lang=en", teachers: nil, asHeader: true)
            #expect((english.json["error"] as? [String: Any])?["message"] as? String == "Choose a teachers file.")
        }
    }
}
