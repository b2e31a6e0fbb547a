import Domain
import Foundation
import HTTPTypes
import Interchange
import Storage
import Testing
@testable import Web

@Suite("Import page")
struct ImportPageTests {
    // MARK: The form

    @Test(arguments: ["admin", "planner", "clerk"])
    func formIsShownToThoseWhoImport(_ name: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: name)
            let page = try await browser.send("/import")
            #expect(page.status == .ok)
            #expect(page.text.contains("enctype=\"multipart/form-data\""))
            #expect(page.text.contains("type=\"file\" id=\"schools\" name=\"schools\""))
            #expect(page.text.contains("name=\"sheet\""))
            #expect(page.text.contains("<input type=\"hidden\" name=\"csrf\" value=\"\(try #require(browser.csrf))\">"))
            #expect(page.text.contains("href=\"/import/template.xlsx\""))
            // County facts are county-wide: a clerk is not offered the facts file.
            #expect(page.text.contains("name=\"facts\"") == (name != "clerk"))
        }
    }

    @Test(arguments: ["supervisor", "supervisorB"])
    func supervisorsNeitherSeeTheFormNorPost(_ name: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: name)
            #expect(try await browser.send("/import").status == .forbidden)
            #expect(try await browser.send("/import/template.xlsx").status == .forbidden)
            let before = try await fixture.trailCount()
            let rows = fixture.rows(county: fixture.countyA, year: 2025)
            let posted = try await browser.postImport(schools: ("schools.csv", WebFixture.csv(rows)))
            #expect(posted.status == .forbidden)
            #expect(try await fixture.trailCount() == before)
        }
    }

    @Test func anonymousVisitorsAreSentToSignIn() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = Browser(client)
            let form = try await browser.send("/import")
            #expect(form.status == .found && form.location == "/login?next=%2Fimport")
            let template = try await browser.send("/import/template.xlsx")
            #expect(template.status == .found && template.location?.hasPrefix("/login?next=") == true)
            let posted = try await browser.postImport(schools: ("schools.csv", WebFixture.csv([fixture.row(fixture.schoolA)])))
            #expect(posted.status == .found && posted.location?.hasPrefix("/login?next=") == true)
        }
    }

    @Test(arguments: ["admin", "planner", "clerk"])
    func templateIsTheSchoolsWorkbook(_ name: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: name)
            let response = try await client.executeRequest(
                uri: "/import/template.xlsx", method: .get,
                headers: [.cookie: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")], body: nil
            )
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(response.headers[.contentDisposition]?.contains("attachment") == true)
            let bytes = Array(response.body.readableBytesView)
            #expect(bytes.starts(with: Array("PK".utf8)))
            // The empty template reads back as a schools file without rows.
            let file = try SchoolsReader().read(bytes, file: "template.xlsx")
            #expect(file.schools.isEmpty)
            _ = try await browser.send("/import")
        }
    }

    // MARK: Importing

    @Test func plannerImportShowsTheReceiptAndReplacesRows() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            var rows = fixture.rows(county: fixture.countyA, year: 2025)
            let index = try #require(rows.firstIndex { $0.schoolCode == fixture.schoolA })
            let oldArea = try #require(rows[index].facilities.teachingArea)
            rows[index].facilities.teachingArea = oldArea + 100
            var added = rows[index]
            added.schoolCode = "NEW-\(fixture.schoolA)"
            added.schoolName = "新建学校"
            let response = try await browser.postImport(schools: ("schools.csv", WebFixture.csv(rows + [added])))
            #expect(response.status == .ok)
            #expect(response.text.contains("导入完成"))
            #expect(response.text.contains("<tr><th>新增学校</th><td class=\"num\">1</td></tr>"))
            #expect(response.text.contains("<tr><th>修改学校</th><td class=\"num\">1</td></tr>"))
            #expect(response.text.contains("<tr><th>未变学校</th><td class=\"num\">\(rows.count - 1)</td></tr>"))
            #expect(response.text.contains("<tr><th>县级指标</th><td class=\"num\">0</td></tr>"))
            let stored = await fixture.store.schoolYear(county: fixture.countyA, school: fixture.schoolA, year: 2025)
            #expect(stored?.facilities.teachingArea == oldArea + 100)
            #expect(await fixture.store.schoolYear(county: fixture.countyA, school: added.schoolCode, year: 2025) != nil)
            // The other year of the school is untouched.
            let previous = await fixture.store.schoolYear(county: fixture.countyA, school: fixture.schoolA, year: 2024)
            #expect(previous?.facilities.teachingArea == fixture.row(fixture.schoolA, year: 2024).facilities.teachingArea)
        }
    }

    @Test func administratorImportsIntoEveryCounty() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "admin")
            var a = fixture.row(fixture.schoolA), b = fixture.row(fixture.schoolB)
            a.facilities.books = (a.facilities.books ?? 0) + 1
            b.facilities.books = (b.facilities.books ?? 0) + 1
            let response = try await browser.postImport(schools: ("both.csv", WebFixture.csv([a, b])))
            #expect(response.status == .ok)
            #expect(response.text.contains("<tr><th>修改学校</th><td class=\"num\">2</td></tr>"))
            #expect(await fixture.store.schoolYear(county: fixture.countyB, school: fixture.schoolB, year: 2025)?.facilities.books == b.facilities.books)
        }
    }

    @Test func reimportKeepsTheOldValuesInTheTrail() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            var row = fixture.row(fixture.schoolA)
            let oldComputers = try #require(row.facilities.computers)
            row.facilities.computers = oldComputers + 7
            let first = try await browser.postImport(schools: ("first.csv", WebFixture.csv([row])))
            #expect(first.status == .ok)
            row.facilities.computers = oldComputers + 9
            let second = try await browser.postImport(schools: ("second.csv", WebFixture.csv([row])))
            #expect(second.status == .ok)
            let trail = await fixture.store.auditTrail(AuditQuery(schoolCode: fixture.schoolA, year: 2025))
            let changes = trail.entries.filter { $0.action == .importChange && $0.field == "computers" }
            #expect(changes.map(\.oldValue) == [String(oldComputers + 7), String(oldComputers)])
            #expect(changes.map(\.newValue) == [String(oldComputers + 9), String(oldComputers + 7)])
            let files = await fixture.store.auditTrail(AuditQuery(counties: [fixture.countyA], year: 2025)).entries
                .filter { $0.action == .importFile }.compactMap(\.note)
            #expect(files.prefix(2) == ["second.csv", "first.csv"])
            let stored = await fixture.store.schoolYear(county: fixture.countyA, school: fixture.schoolA, year: 2025)
            #expect(stored?.facilities.computers == oldComputers + 9)
        }
    }

    @Test func oneBadCellImportsNothingAndIsListedWithRowAndColumn() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            var rows = fixture.rows(county: fixture.countyA, year: 2025)
            rows[0].facilities.computers = (rows[0].facilities.computers ?? 0) + 1  // a valid change on row 2…
            var text = String(decoding: WebFixture.csv(rows), as: UTF8.self)
            // … and one cell of row 3 (the second data row) that is not a number.
            var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
            let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
            let column = try #require(header.firstIndex { $0 == "教学及辅助用房面积" })
            var cells = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[column] = "五千"
            lines[2] = cells.joined(separator: ",")
            text = lines.joined(separator: "\r\n")
            let before = try await fixture.trailCount()
            let response = try await browser.postImport(schools: ("bad.csv", Array(text.utf8)))
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("未导入任何数据"))
            #expect(response.text.contains("<li>bad.csv:3:教学及辅助用房面积: "))
            #expect(try await fixture.trailCount() == before)
            let stored = await fixture.store.schoolYear(county: fixture.countyA, school: rows[0].schoolCode, year: 2025)
            #expect(stored?.facilities.computers == fixture.row(rows[0].schoolCode).facilities.computers)
        }
    }

    @Test func lockedYearRefusesTheImportAndChangesNothing() async throws {
        let fixture = try await WebFixture()
        let admin = try #require(await fixture.store.account(named: "admin"))
        _ = try await fixture.store.lockYear(county: fixture.countyA, year: 2025, by: admin, at: fixture.clock.now)
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            var row = fixture.row(fixture.schoolA)
            row.facilities.books = (row.facilities.books ?? 0) + 1000
            let before = try await fixture.trailCount()
            let response = try await browser.postImport(schools: ("schools.csv", WebFixture.csv([row])))
            #expect(response.status == .conflict)
            #expect(response.text.contains("\(fixture.countyA) 2025 年度数据已锁定，未导入任何数据。"))
            #expect(try await fixture.trailCount() == before)
            let stored = await fixture.store.schoolYear(county: fixture.countyA, school: fixture.schoolA, year: 2025)
            #expect(stored?.facilities.books == fixture.row(fixture.schoolA).facilities.books)
        }
    }

    @Test func clerkImportsOnlyTheirOwnSchoolsRow() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "clerk")
            var own = fixture.row(fixture.schoolA)
            own.facilities.books = (own.facilities.books ?? 0) + 10
            let allowed = try await browser.postImport(schools: ("own.csv", WebFixture.csv([own])))
            #expect(allowed.status == .ok)
            // A clerk's import waits for the county's review; the approved row stays.
            #expect(allowed.text.contains("<tr><th>已提交待县级审核的学校</th><td class=\"num\">1</td></tr>"))
            #expect(await fixture.store.schoolYear(county: fixture.countyA, school: fixture.schoolA, year: 2025) == fixture.row(fixture.schoolA))
            #expect(try await fixture.store.submission(county: fixture.countyA, school: fixture.schoolA, year: 2025)?.row == own)

            var other = fixture.row(fixture.otherSchoolA)
            other.facilities.books = (other.facilities.books ?? 0) + 10
            own.facilities.books = (own.facilities.books ?? 0) + 10
            let before = try await fixture.trailCount()
            let refused = try await browser.postImport(schools: ("two.csv", WebFixture.csv([own, other])))
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains(fixture.otherSchoolA))
            #expect(try await fixture.trailCount() == before)
            let stored = await fixture.store.schoolYear(county: fixture.countyA, school: fixture.schoolA, year: 2025)
            #expect(stored?.facilities.books == fixture.row(fixture.schoolA).facilities.books)

            // County facts are not a school's to record.
            let facts = try FactsWriter().write([CountyFact(year: 2025, countyCode: fixture.countyA, item: WebFixture.standard.facts[0].key, value: .yes)])
            let factsRefused = try await browser.postImport(schools: nil, facts: ("facts.csv", facts))
            #expect(factsRefused.status == .forbidden)
            #expect(try await fixture.trailCount() == before)
        }
    }

    @Test func plannerCannotImportAnotherCountyOrMoveASchoolOutOfIt() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            let before = try await fixture.trailCount()
            let otherCounty = try await browser.postImport(schools: ("b.csv", WebFixture.csv([fixture.row(fixture.schoolB)])))
            #expect(otherCounty.status == .forbidden)
            // A row of county B's school claimed for county A would move it: refused too.
            var moved = fixture.row(fixture.schoolB)
            moved.countyCode = fixture.countyA
            moved.countyName = fixture.row(fixture.schoolA).countyName
            let moving = try await browser.postImport(schools: ("moved.csv", WebFixture.csv([moved])))
            #expect(moving.status == .forbidden)
            #expect(try await fixture.trailCount() == before)
        }
    }

    @Test func plannerImportsCountyFacts() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            let stored = await fixture.store.facts(year: 2025, counties: [fixture.countyA])
            let rule = try #require(WebFixture.standard.facts.first { rule in
                if case .mustBeTrue = rule.check { return true } else { return false }
            })
            let old = stored.first { $0.item == rule.key }?.value
            let fact = CountyFact(year: 2025, countyCode: fixture.countyA, item: rule.key, value: old == .yes ? .no : .yes, evidence: "文件 2025-1 号")
            let response = try await browser.postImport(schools: nil, facts: ("facts.csv", try FactsWriter().write([fact])))
            #expect(response.status == .ok)
            #expect(response.text.contains("<tr><th>县级指标</th><td class=\"num\">1</td></tr>"))
            let after = await fixture.store.facts(year: 2025, counties: [fixture.countyA])
            #expect(after.first { $0.item == rule.key }?.value == fact.value)
        }
    }

    @Test func emptyFormAsksForAFile() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            let response = try await browser.postImport(schools: nil)
            #expect(response.status == .badRequest)
            #expect(response.text.contains("请选择要导入的文件"))
        }
    }

    @Test func postWithoutItsTokenIsRefused() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            let before = try await fixture.trailCount()
            let rows = [fixture.row(fixture.schoolA)]
            #expect(try await browser.postImport(schools: ("s.csv", WebFixture.csv(rows)), csrf: "").status == .forbidden)
            #expect(try await browser.postImport(schools: ("s.csv", WebFixture.csv(rows)), csrf: "forged").status == .forbidden)
            #expect(try await fixture.trailCount() == before)
        }
    }

    @Test func englishPage() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "planner")
            let page = try await browser.send("/import?lang=en")
            #expect(page.text.contains("Import data") && page.text.contains("Schools file"))
            var row = fixture.row(fixture.schoolA)
            row.facilities.books = (row.facilities.books ?? 0) + 1
            let done = try await browser.postImport(schools: ("s.csv", WebFixture.csv([row])))
            #expect(done.text.contains("<tr><th>Schools changed</th><td class=\"num\">1</td></tr>"))
        }
    }
}
