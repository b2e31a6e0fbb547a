import Domain
import Foundation
import HTTPTypes
import Reports
import Storage
import Testing
@testable import Web

@Suite("School page and edit form")
struct SchoolPageTests {
    /// The edit form's fields as the page shows them, by name.
    static func formFields(_ html: String) -> [(String, String)] {
        let input = try! NSRegularExpression(pattern: #"<input type="text" id="f-[^"]+" name="([^"]+)" value="([^"]*)""#)
        return input.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            let name = String(html[Range(match.range(at: 1), in: html)!])
            let value = String(html[Range(match.range(at: 2), in: html)!])
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
            return (name, value)
        }
    }

    static func path(_ county: String, _ school: String) -> String { "/counties/\(county)/schools/\(school)" }

    @Test func everyRoleReadsOnlyWhatItMay() async throws {
        let fixture = try await WebFixture()
        let own = Self.path(fixture.countyA, fixture.schoolA), other = Self.path(fixture.countyA, fixture.otherSchoolA)
        let inB = Self.path(fixture.countyB, fixture.schoolB)
        try await fixture.test { client in
            let expected: [String: [HTTPResponse.Status]] = [
                "admin": [.ok, .ok, .ok], "planner": [.ok, .ok, .forbidden], "supervisor": [.ok, .ok, .ok],
                "supervisorB": [.forbidden, .forbidden, .ok], "clerk": [.ok, .forbidden, .forbidden],
            ]
            for (role, statuses) in expected {
                var browser = try await Browser.signedIn(client, as: role)
                for (path, status) in zip([own, other, inB], statuses) {
                    #expect(try await browser.send(path).status == status, "\(role) on \(path)")
                }
            }
            var anonymous = Browser(client)
            let response = try await anonymous.send(own + "?year=2024")
            #expect(response.status == .found)
            #expect(response.location == "/login?next=" + (own + "?year=2024").addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)

            // The form is there for those who may edit; a supervisor only reads.
            for (role, editable) in [("admin", true), ("planner", true), ("clerk", true), ("supervisor", false)] {
                var browser = try await Browser.signedIn(client, as: role)
                let page = try await browser.send(own)
                #expect(page.text.contains("name=\"teaching_area\"") == editable, "\(role)")
                // Only those who may read the county get the link back to it.
                #expect(page.text.contains("href=\"/counties/\(fixture.countyA)?year=2025\"") == (role != "clerk"), "\(role)")
            }
        }
    }

    @Test func everyRoleOnTheEditForm() async throws {
        let fixture = try await WebFixture()
        let before = try #require(await fixture.store.schoolYear(county: fixture.countyA, school: fixture.schoolA, year: 2025))
        let change = [("teachers_primary", String((before.primary.teachers ?? 0) + 1))]
        let own = Self.path(fixture.countyA, fixture.schoolA) + "/years/2025"
        try await fixture.test { client in
            let trailBefore = await fixture.store.auditTrail(AuditQuery()).total
            for role in ["supervisor", "supervisorB"] {
                var browser = try await Browser.signedIn(client, as: role)
                #expect(try await browser.post(own, form: change).status == .forbidden, "\(role)")
            }
            var clerk = try await Browser.signedIn(client, as: "clerk")
            #expect(try await clerk.post(Self.path(fixture.countyA, fixture.otherSchoolA) + "/years/2025", form: change).status == .forbidden)
            #expect(try await clerk.post(Self.path(fixture.countyB, fixture.schoolB) + "/years/2025", form: change).status == .forbidden)
            var planner = try await Browser.signedIn(client, as: "planner")
            #expect(try await planner.post(Self.path(fixture.countyB, fixture.schoolB) + "/years/2025", form: change).status == .forbidden)
            var anonymous = Browser(client)
            let refused = try await anonymous.post(own, form: change)
            #expect(refused.status == .found && refused.location?.hasPrefix("/login?next=") == true)
            #expect(try await clerk.post(own, form: change, csrf: "forged").status == .forbidden)
            #expect(await fixture.store.schoolYear(county: fixture.countyA, school: fixture.schoolA, year: 2025) == before)
            #expect(await fixture.store.auditTrail(AuditQuery()).total == trailBefore)

            #expect(try await planner.post(own, form: change).status == .seeOther)
            var admin = try await Browser.signedIn(client, as: "admin")
            #expect(try await admin.post(own, form: [("teachers_primary", String((before.primary.teachers ?? 0) + 2))]).status == .seeOther)
            let entries = await fixture.store.auditTrail(AuditQuery(schoolCode: fixture.schoolA, limit: 2)).entries
            #expect(entries.map(\.accountName) == ["admin", "planner"])
        }
    }

    /// 填报 → 审核: a clerk's save waits for the county; the planner returns it with a comment
    /// on the field, the clerk corrects and submits again, the planner approves — and only then
    /// does the row the evaluation reads change.
    @Test func aClerksEditCountsOnceThePlannerApprovesIt() async throws {
        let fixture = try await WebFixture()
        let county = fixture.countyA, school = fixture.schoolA
        let before = try #require(await fixture.store.schoolYear(county: county, school: school, year: 2025))
        let old = try #require(before.primary.teachers), new = old + 3
        let base = Self.path(county, school) + "/years/2025"
        try await fixture.test { client in
            var clerk = try await Browser.signedIn(client, as: "clerk")
            let saved = try await clerk.post(base, form: [("teachers_primary", String(new - 1))])
            #expect(saved.status == .seeOther)
            #expect(saved.location == Self.path(county, school) + "?year=2025&saved=1&draft=1")
            #expect(await fixture.store.schoolYear(county: county, school: school, year: 2025) == before)
            let entry = try #require(await fixture.store.auditTrail(AuditQuery(schoolCode: school, limit: 1)).entries.first)
            #expect(entry.action == .draftRow && entry.accountName == "clerk" && entry.year == 2025)
            #expect(entry.field == "teachers_primary" && entry.oldValue == String(old) && entry.newValue == String(new - 1))

            var page = try await clerk.send(saved.location!).text
            #expect(page.contains("尚未计入评估，请提交审核"))
            #expect(PageHTML.section("review", of: page).contains("填报中"))
            // The form shows the clerk's draft; the history still the approved value.
            #expect(Self.formFields(page).contains { $0 == ("teachers_primary", String(new - 1)) })
            let column = EvaluationReport.schoolHistoryFields.firstIndex(of: .teachersPrimary)! + 1
            #expect(PageHTML.tableRows(PageHTML.section("history", of: page)).map { $0[column] } == [String(old), String(old)])

            var planner = try await Browser.signedIn(client, as: "planner")
            // Nothing to review before the clerk submits.
            #expect(try await planner.post(base + "/review", form: [("decision", "approve")]).status == .conflict)
            #expect(try await clerk.post(base + "/submit", form: []).location == Self.path(county, school) + "?year=2025&done=submitted")
            let queue = try await planner.send("/counties/\(county)/review?year=2025").text
            #expect(queue.contains("待审核") && queue.contains(school))
            let review = PageHTML.section("review", of: try await planner.send(Self.path(county, school) + "?year=2025").text)
            #expect(review.contains("comment-teachers_primary") && review.contains(String(old)) && review.contains(String(new - 1)))
            // A return needs a comment.
            #expect(try await planner.post(base + "/review", form: [("decision", "return")]).status == .unprocessableContent)
            let returned = try await planner.post(base + "/review", form: [
                ("decision", "return"), ("comment-teachers_primary", "专任教师数与教师名册不符，请核对"),
            ])
            #expect(returned.location == Self.path(county, school) + "?year=2025&done=returned")

            page = try await clerk.send(Self.path(county, school) + "?year=2025").text
            #expect(page.contains("退回意见：专任教师数与教师名册不符，请核对"))
            #expect(PageHTML.section("review", of: page).contains("已退回"))
            #expect(try await clerk.post(base, form: [("teachers_primary", String(new))]).status == .seeOther)
            #expect(try await clerk.post(base + "/submit", form: []).status == .seeOther)
            #expect(await fixture.store.schoolYear(county: county, school: school, year: 2025) == before)
            #expect(try await planner.post(base + "/review", form: [("decision", "approve")]).location
                    == Self.path(county, school) + "?year=2025&done=approved")

            var expected = before
            expected.primary.teachers = new
            #expect(await fixture.store.schoolYear(county: county, school: school, year: 2025) == expected)
            #expect(await fixture.store.schoolYear(county: county, school: school, year: 2024)?.primary.teachers == old)
            #expect(await fixture.store.submissions(county: county, year: 2025).isEmpty)
            let edit = try #require(await fixture.store.auditTrail(AuditQuery(schoolCode: school, limit: 1)).entries.first)
            #expect(edit.action == .edit && edit.accountName == "planner" && edit.oldValue == String(old) && edit.newValue == String(new))
            page = try await clerk.send(Self.path(county, school) + "?year=2025").text
            #expect(PageHTML.section("review", of: page).isEmpty)
            #expect(PageHTML.tableRows(PageHTML.section("history", of: page)).map { $0[column] } == [String(old), String(new)])
        }
    }

    @Test func theFormAsShownSavesNothingNewAndOneChangeOnce() async throws {
        let fixture = try await WebFixture()
        let path = Self.path(fixture.countyA, fixture.schoolA)
        try await fixture.test { client in
            var clerk = try await Browser.signedIn(client, as: "clerk")
            let page = try await clerk.send(path).text
            let fields = Self.formFields(page)
            // What an empty capacity means is said beside the field.
            #expect(page.contains("留空则按班数 × 45 估算") && page.contains("留空则按班数 × 50 估算"))
            // A clerk is not offered the classification fields (县区名称, 办学类型 …).
            let editable = SchoolField.allCases.filter { !$0.isIdentity && !$0.isClassification }.map(\.key)
            #expect(fields.map(\.0) == editable)
            let trail = await fixture.store.auditTrail(AuditQuery()).total
            let unchanged = try await clerk.post(path + "/years/2025", form: fields)
            #expect(unchanged.location == path + "?year=2025&saved=0&draft=1")
            #expect(await fixture.store.auditTrail(AuditQuery()).total == trail)
            #expect(await fixture.store.submissions(county: fixture.countyA, year: 2025).isEmpty)
            let edited = fields.map { $0.0 == "teaching_area" ? ($0.0, "8123.5") : $0 }
            let once = try await clerk.post(path + "/years/2025", form: edited)
            #expect(once.location == path + "?year=2025&saved=1&draft=1")
            #expect(try await fixture.store.submission(county: fixture.countyA, school: fixture.schoolA, year: 2025)?.row.facilities.teachingArea == 8123.5)
            // Saved again as shown, the draft changes nothing new.
            let again = try await clerk.post(path + "/years/2025", form: edited)
            #expect(again.location == path + "?year=2025&saved=1&draft=1")
            #expect(await fixture.store.auditTrail(AuditQuery()).total == trail + 1)
        }
    }

    @Test func aTeachingPointIsCheckedWithItsParent() async throws {
        let fixture = try await WebFixture()
        let point = try #require(fixture.rows.first { $0.countyCode == fixture.countyA && $0.year == 2025 && $0.type == .teachingPoint && $0.parentSchoolCode != nil })
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let students = (point.primary.students ?? 0) + 1
            let saved = try await planner.post(Self.path(fixture.countyA, point.schoolCode) + "/years/2025", form: [("students_primary", String(students))])
            #expect(saved.status == .seeOther)
            #expect(await fixture.store.schoolYear(county: fixture.countyA, school: point.schoolCode, year: 2025)?.primary.students == students)
            // A parent that does not exist is refused as a file would be.
            let refused = try await planner.post(Self.path(fixture.countyA, point.schoolCode) + "/years/2025", form: [("parent_school_code", "2999999999")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("所属学校标识码"))
        }
    }

    @Test func aLockedYearRefusesTheEditAndShowsTheLock() async throws {
        let fixture = try await WebFixture()
        let county = fixture.countyA, school = fixture.schoolA
        let planner = try #require(await fixture.store.account(named: "planner"))
        _ = try await fixture.store.lockYear(county: county, year: 2025, by: planner, at: fixture.clock.now)
        let before = await fixture.store.schoolYear(county: county, school: school, year: 2025)
        try await fixture.test { client in
            let trail = await fixture.store.auditTrail(AuditQuery()).total
            var clerk = try await Browser.signedIn(client, as: "clerk")
            let page = try await clerk.send(Self.path(county, school) + "?year=2025")
            #expect(page.status == .ok)
            #expect(page.text.contains("2025 年度数据已锁定（planner，"))
            #expect(!page.text.contains("name=\"teachers_primary\""))
            for values in [[("teachers_primary", "1")], [("teachers_primary", "-5")]] {
                let refused = try await clerk.post(Self.path(county, school) + "/years/2025", form: values)
                #expect(refused.status == .conflict)
                #expect(refused.text.contains("已锁定"))
            }
            #expect(await fixture.store.schoolYear(county: county, school: school, year: 2025) == before)
            #expect(await fixture.store.auditTrail(AuditQuery()).total == trail)
            // Another year stays open.
            #expect(try await clerk.send(Self.path(county, school) + "?year=2024").text.contains("name=\"teachers_primary\""))
        }
    }

    @Test func invalidValuesAnswer422NamingTheColumnAndChangeNothing() async throws {
        let fixture = try await WebFixture()
        let county = fixture.countyA, school = fixture.schoolA
        let before = await fixture.store.schoolYear(county: county, school: school, year: 2025)
        try await fixture.test { client in
            let trail = await fixture.store.auditTrail(AuditQuery()).total
            var clerk = try await Browser.signedIn(client, as: "clerk")
            let path = Self.path(county, school) + "/years/2025"
            let negative = try await clerk.post(path, form: [("teachers_primary", "-5"), ("books", "40000")])
            #expect(negative.status == .unprocessableContent)
            #expect(negative.text.contains("<li>小学专任教师数："))
            #expect(Self.formFields(negative.text).contains { $0 == ("teachers_primary", "-5") })
            #expect(Self.formFields(negative.text).contains { $0 == ("books", "40000") })
            let text = try await clerk.post(path, form: [("teaching_area", "abc")])
            #expect(text.status == .unprocessableContent)
            #expect(text.text.contains("<li>教学及辅助用房面积："))
            #expect(text.text.contains("abc"))
            #expect(PageHTML.isClean(text.text))
            let english = try await clerk.post(path + "?lang=en", form: [("teaching_area", "abc")])
            #expect(english.status == .unprocessableContent)
            #expect(english.text.contains("<li>teaching_area: "))
            #expect(await fixture.store.schoolYear(county: county, school: school, year: 2025) == before)
            #expect(await fixture.store.auditTrail(AuditQuery()).total == trail)
        }
    }

    @Test func valuesAgainstThresholdsAreTheEvaluations() async throws {
        let fixture = try await WebFixture()
        let result = try await fixture.evaluation(county: fixture.countyA, year: 2025)
        let units = result.units.filter { $0.unit.schoolCode == fixture.schoolA }
        try await fixture.test { client in
            var clerk = try await Browser.signedIn(client, as: "clerk")
            let page = try await clerk.send(Self.path(fixture.countyA, fixture.schoolA))
            let section = PageHTML.section("units", of: page.text)
            #expect(!units.isEmpty)
            let rows = PageHTML.tableRows(section)
            #expect(rows.count == units.count * WebFixture.standard.indicators.count)
            let firstRows = rows.prefix(WebFixture.standard.indicators.count)
            let unit = units[0]
            for (index, row) in firstRows.enumerated() {
                let definition = WebFixture.standard.indicators[index]
                #expect(row[0] == definition.name(in: .chinese))
                #expect(row[2] == Decimals.three(try #require(unit.values[index])))
                #expect(row[3] == Decimals.compact(try #require(definition.threshold(for: unit.unit.stage))))
                #expect(row[4] == (unit.met[index] == true ? "✓ 达标" : "✗ 未达标"))
            }
            let rule = try #require(WebFixture.standard.schoolRule)
            #expect(section.contains("<tr><th>\(rule.name(in: .chinese))</th><td class=\"\(unit.passes == true ? "pass\">达标，" : "fail\">未达标，")"))
            #expect(PageHTML.isClean(page.text))
        }
    }

    @Test func unknownSchoolsAndYearsAreNotFound() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var admin = try await Browser.signedIn(client, as: "admin")
            #expect(try await admin.send(Self.path(fixture.countyA, "nope")).status == .notFound)
            #expect(try await admin.send(Self.path(fixture.countyA, fixture.schoolB)).status == .notFound)
            #expect(try await admin.send(Self.path(fixture.countyA, fixture.schoolA) + "?year=2019").status == .notFound)
            #expect(try await admin.post(Self.path(fixture.countyA, fixture.schoolA) + "/years/2019", form: [("books", "1")]).status == .notFound)
        }
    }

    @Test func englishPage() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var clerk = try await Browser.signedIn(client, as: "clerk")
            let page = try await clerk.send(Self.path(fixture.countyA, fixture.schoolA) + "?lang=en")
            #expect(page.text.contains("lang=\"en\""))
            #expect(page.text.contains("Values against the thresholds") && page.text.contains("History"))
            #expect(page.text.contains("<label for=\"f-teaching_area\">teaching_area</label>"))
            #expect(!page.text.contains("教学及辅助用房面积"))
            #expect(PageHTML.isClean(page.text))
        }
    }
}
