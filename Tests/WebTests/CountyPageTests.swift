import Domain
import Foundation
import HTTPTypes
import Storage
import Testing
import UseCases
@testable import Web

/// What the dashboard page tests look at in a page's HTML.
enum PageHTML {
    /// Text as pages escape it (``Markup/escape(_:)``).
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    /// No template key left unrendered, no non-finite number printed.
    static func isClean(_ html: String) -> Bool {
        !html.contains("{{") && !html.contains("}}")
            && html.range(of: #"(?<![A-Za-z])-?(nan|inf|infinity)(?![A-Za-z])"#, options: [.regularExpression, .caseInsensitive]) == nil
    }

    /// The part of the page inside `<section id="ID">`.
    static func section(_ id: String, of html: String) -> String {
        guard let start = html.range(of: "<section id=\"\(id)\">") else { return "" }
        let rest = html[start.upperBound...]
        return String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)])
    }

    /// The rows of the first table body in `html`, each as its cells' text (tags stripped).
    static func tableRows(_ html: String) -> [[String]] {
        let body = html.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tbody>").first ?? ""
        let cell = try! NSRegularExpression(pattern: #"<td[^>]*>(.*?)</td>"#)
        return body.components(separatedBy: "<tr>").dropFirst().map { row in
            cell.matches(in: row, range: NSRange(row.startIndex..., in: row)).map { match in
                String(row[Range(match.range(at: 1), in: row)!])
                    .replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
                    .trimmingCharacters(in: .whitespaces)
            }
        }
    }

    /// The school codes the school table's rows link to, in page order.
    static func schoolCodes(_ html: String) -> [String] {
        let body = section("schools", of: html)
        let pattern = try! NSRegularExpression(pattern: #"<tr><td><a href="/counties/\d{6}/schools/([^?"]+)\?"#)
        return pattern.matches(in: body, range: NSRange(body.startIndex..., in: body)).map {
            String(body[Range($0.range(at: 1), in: body)!])
        }
    }
}

extension WebFixture {
    /// The evaluation of `county` in `year` computed here, from the store's data.
    func evaluation(county: String, year: Int) async throws -> CountyResult {
        let rows = await store.schoolYears(county: county, year: year)
        // As the page evaluates: the items the rows decide computed, the typed facts the fallback.
        let recorded = await store.facts(year: year, counties: [county])
        let facts = ComputeCountyItems(standard: Self.standard).facts(recorded: recorded, rows: rows, data: nil) ?? recorded
        return try #require(Evaluator(standard: Self.standard).evaluate(rows, facts: facts).first)
    }
}

@Suite("County overview")
struct CountyPageTests {
    static let roles = ["admin", "planner", "supervisor", "supervisorB", "clerk"]

    /// The verdict's cell: green when it passes, red when it fails, plain when data is missing.
    static func verdictCell(_ verdict: Verdict, _ language: Language) -> String {
        let attribute = switch verdict {
        case .pass: " class=\"pass\""
        case .fail: " class=\"fail\""
        case .incomplete: ""
        }
        return "<td\(attribute)>\(verdict.name(in: language))</td>"
    }

    @Test func everyRoleOnBothCounties() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let expected = WebFixture.countyReadAccess
            for role in Self.roles {
                var browser = try await Browser.signedIn(client, as: role)
                let a = try await browser.send("/counties/\(fixture.countyA)")
                let b = try await browser.send("/counties/\(fixture.countyB)?year=2024")
                #expect(a.status == expected[role]!.0, "\(role) on county A")
                #expect(b.status == expected[role]!.1, "\(role) on county B")
            }
            var anonymous = Browser(client)
            let response = try await anonymous.send("/counties/\(fixture.countyA)?year=2025")
            #expect(response.status == .found)
            #expect(response.location == "/login?next=%2Fcounties%2F\(fixture.countyA)%3Fyear%3D2025")
        }
    }

    @Test func unknownCountyYearOrQueryIsRefused() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var admin = try await Browser.signedIn(client, as: "admin")
            #expect(try await admin.send("/counties/999999").status == .notFound)
            #expect(try await admin.send("/counties/\(fixture.countyA)?year=2019").status == .notFound)
            #expect(try await admin.send("/counties/\(fixture.countyA)?year=abc").status == .badRequest)
            #expect(try await admin.send("/counties/\(fixture.countyA)?filter=nonsense").status == .badRequest)
            #expect(try await admin.send("/counties/\(fixture.countyA)?order=sideways").status == .badRequest)
        }
    }

    @Test func verdictReasonsAndFiguresAreTheEvaluations() async throws {
        let fixture = try await WebFixture()
        let result = try await fixture.evaluation(county: fixture.countyA, year: 2025)
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let page = try await planner.send("/counties/\(fixture.countyA)?year=2025")
            #expect(page.status == .ok)
            let verdict = PageHTML.section("verdict", of: page.text)
            #expect(verdict.contains("<tr><th>评估结论</th>\(Self.verdictCell(result.verdict, .chinese))</tr>"))
            #expect(!result.findings.isEmpty)
            for finding in result.findings {
                #expect(verdict.contains(PageHTML.escaped(finding.text(in: .chinese, standard: WebFixture.standard))))
            }
            let indicators = PageHTML.section("indicators", of: page.text)
            #expect(indicators.components(separatedBy: "<svg").count - 1 == result.stages.count)
            for stage in result.stages {
                for indicator in stage.indicators {
                    let key = WebFixture.standard.indicators[indicator.index].key
                    let cv = Decimals.three(try #require(indicator.cv))
                    let link = "href=\"/counties/\(fixture.countyA)?year=2025&amp;stage=\(stage.stage.rawValue)&amp;sort=\(key)#schools\">\(cv)</a>"
                    #expect(indicators.contains(link), "CV of \(key) in \(stage.stage)")
                    #expect(indicators.contains(">\(Decimals.three(try #require(indicator.limit)))<"))
                }
            }
            // The schools failing the school rule, with the count linking to the filtered table.
            let failing = result.units.filter { $0.passes == false }
            let section = PageHTML.section("failing", of: page.text)
            #expect(section.contains("filter=failing#schools\">\(failing.count)</a>"))
            for unit in failing {
                #expect(section.contains("/counties/\(fixture.countyA)/schools/\(unit.unit.schoolCode)?year=2025"))
            }
            #expect(PageHTML.isClean(page.text))
        }
    }

    @Test func trendListsEveryYearWithItsVerdict() async throws {
        let fixture = try await WebFixture()
        let earlier = try await fixture.evaluation(county: fixture.countyA, year: 2024)
        try await fixture.test { client in
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            let page = try await supervisor.send("/counties/\(fixture.countyA)")
            let trend = PageHTML.section("trend", of: page.text)
            #expect(trend.contains("<a href=\"/counties/\(fixture.countyA)?year=2024\">2024</a>"))
            #expect(trend.contains("<tr><td class=\"num\">2025</td>"), "the year shown is not a link")
            let rows = PageHTML.tableRows(trend)
            #expect(rows.count == 2)
            #expect(rows.first?[1] == earlier.verdict.name(in: .chinese))
            let firstCV = try #require(earlier.stages.first?.indicators.first?.cv)
            #expect(rows.first?[2].hasSuffix(Decimals.three(firstCV)) == true)
            // The year switch links both years.
            #expect(page.text.contains("<a href=\"/counties/\(fixture.countyA)?year=2024\">2024</a>"))
        }
    }

    @Test func schoolTableSortsFiltersAndPages() async throws {
        let fixture = try await WebFixture()
        let result = try await fixture.evaluation(county: fixture.countyA, year: 2025)
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let base = "/counties/\(fixture.countyA)?year=2025"

            // Sorted by students, largest first.
            let bySize = try await planner.send(base + "&sort=students&order=desc")
            let codes = PageHTML.schoolCodes(bySize.text)
            let expected = result.units.enumerated().sorted { a, b in
                a.element.unit.students != b.element.unit.students ? a.element.unit.students > b.element.unit.students : a.offset < b.offset
            }.prefix(CountySchoolQuery.pageSize).map(\.element.unit.schoolCode)
            #expect(codes == Array(expected))
            #expect(bySize.text.contains("▼"))

            // Sorted by an indicator within a stage: ascending, missing values last.
            let key = WebFixture.standard.indicators[0].key
            let byIndicator = try await planner.send(base + "&stage=primary&sort=\(key)")
            let primary = result.units.filter { $0.unit.stage == .primary }
            let values = PageHTML.schoolCodes(byIndicator.text).map { code in
                primary.first { $0.unit.schoolCode == code }!.values[0]
            }
            #expect(values.count == min(primary.count, CountySchoolQuery.pageSize))
            #expect(values.compactMap { $0 } == values.compactMap { $0 }.sorted())

            // Only the failing units.
            let failing = try await planner.send(base + "&filter=failing")
            let failingCodes = result.units.filter { $0.passes == false }.map(\.unit.schoolCode)
            #expect(PageHTML.schoolCodes(failing.text) == Array(failingCodes.prefix(CountySchoolQuery.pageSize)))

            // Pages of 50: page 2 continues page 1, and the pager links both ways.
            #expect(result.units.count > CountySchoolQuery.pageSize, "the demo county has more than one page")
            let first = try await planner.send(base)
            let second = try await planner.send(base + "&page=2")
            let all = result.units.map(\.unit.schoolCode)
            #expect(PageHTML.schoolCodes(first.text) == Array(all.prefix(50)))
            #expect(PageHTML.schoolCodes(second.text) == Array(all.dropFirst(50).prefix(50)))
            #expect(first.text.contains("href=\"/counties/\(fixture.countyA)?year=2025&amp;page=2#schools\" rel=\"next\""))
            #expect(second.text.contains("rel=\"prev\""))
            // Past the last page: the last page.
            let lastPage = (all.count + 49) / 50
            let beyond = try await planner.send(base + "&page=99")
            #expect(PageHTML.schoolCodes(beyond.text) == Array(all.dropFirst((lastPage - 1) * 50)))
            #expect(beyond.text.contains("第 \(lastPage)/\(lastPage) 页"))
        }
    }

    @Test func everyNumberLinksToItsRows() async throws {
        let fixture = try await WebFixture()
        let result = try await fixture.evaluation(county: fixture.countyA, year: 2025)
        try await fixture.test { client in
            var admin = try await Browser.signedIn(client, as: "admin")
            let page = try await admin.send("/counties/\(fixture.countyA)?year=2025&page=1")
            let table = PageHTML.section("schools", of: page.text)
            let unit = result.units[0]
            #expect(table.contains("<a href=\"/counties/\(fixture.countyA)/schools/\(unit.unit.schoolCode)?year=2025\">\(PageHTML.escaped(unit.unit.schoolName))</a>"))
            // Each header sorts by its column.
            for definition in WebFixture.standard.indicators {
                #expect(table.contains("sort=\(definition.key)&amp;order=asc#schools"))
            }
            // Min and max link to the stage's table sorted up and down.
            let key = WebFixture.standard.indicators[0].key
            let indicators = PageHTML.section("indicators", of: page.text)
            #expect(indicators.contains("stage=primary&amp;sort=\(key)&amp;order=asc#schools"))
            #expect(indicators.contains("stage=primary&amp;sort=\(key)&amp;order=desc#schools"))
        }
    }

    @Test func lockAndUnlockByRole() async throws {
        let fixture = try await WebFixture()
        let county = fixture.countyA
        try await fixture.test { client in
            let lockPath = "/counties/\(county)/years/2025/lock", unlockPath = "/counties/\(county)/years/2025/unlock"
            // Those who may not lock.
            for role in ["supervisor", "supervisorB", "clerk"] {
                var browser = try await Browser.signedIn(client, as: role)
                #expect(try await browser.post(lockPath, form: []).status == .forbidden, "\(role)")
            }
            var anonymous = Browser(client)
            let refused = try await anonymous.post(lockPath, form: [])
            #expect(refused.status == .found && refused.location?.hasPrefix("/login?next=") == true)
            var plannerB = try await Browser.signedIn(client, as: "planner")
            #expect(try await plannerB.post("/counties/\(fixture.countyB)/years/2025/lock", form: []).status == .forbidden)
            #expect(await fixture.store.locks(county: county).isEmpty)

            // The planner sees the lock button, locks, and is sent back with a notice.
            var planner = try await Browser.signedIn(client, as: "planner")
            let open = try await planner.send("/counties/\(county)?year=2025")
            #expect(open.text.contains("action=\"\(lockPath)\""))
            #expect(!open.text.contains("action=\"\(unlockPath)\""))
            #expect(try await planner.post(lockPath, form: [], csrf: "forged").status == .forbidden)
            // Locking asks for confirmation: without it, nothing is locked.
            #expect(open.text.contains("name=\"confirm\""))
            #expect(try await planner.post(lockPath, form: []).status == .unprocessableContent)
            #expect(await fixture.store.locks(county: county).isEmpty)
            let locked = try await planner.post(lockPath, form: [("confirm", "yes")])
            #expect(locked.status == .seeOther)
            #expect(locked.location == "/counties/\(county)?year=2025&done=locked")
            #expect(await fixture.store.locks(county: county).map(\.year) == [2025])
            let after = try await planner.send(locked.location!)
            #expect(after.text.contains("已锁定 2025 年度数据。"))
            #expect(!after.text.contains("action=\"\(lockPath)\"") && !after.text.contains("action=\"\(unlockPath)\""))
            #expect(try await planner.post(lockPath, form: [("confirm", "yes")]).status == .conflict)
            #expect(try await planner.post(unlockPath, form: []).status == .forbidden)
            #expect(try await planner.post("/counties/\(county)/years/2019/lock", form: []).status == .notFound)

            // Only an administrator sees and uses the unlock button.
            var admin = try await Browser.signedIn(client, as: "admin")
            #expect(try await admin.send("/counties/\(county)?year=2025").text.contains("action=\"\(unlockPath)\""))
            for role in ["supervisor", "supervisorB", "clerk"] {
                var browser = try await Browser.signedIn(client, as: role)
                #expect(try await browser.post(unlockPath, form: []).status == .forbidden, "\(role)")
            }
            let anonymousUnlock = try await anonymous.post(unlockPath, form: [])
            #expect(anonymousUnlock.status == .found && anonymousUnlock.location?.hasPrefix("/login?next=") == true)
            let unlocked = try await admin.post(unlockPath, form: [])
            #expect(unlocked.status == .seeOther && unlocked.location == "/counties/\(county)?year=2025&done=unlocked")
            #expect(await fixture.store.locks(county: county).isEmpty)
            #expect(try await admin.post(unlockPath, form: []).status == .notFound)
            // An administrator locks any county.
            let lockedB = try await admin.post("/counties/\(fixture.countyB)/years/2024/lock", form: [("confirm", "yes")])
            #expect(lockedB.status == .seeOther && lockedB.location == "/counties/\(fixture.countyB)?year=2024&done=locked")
            #expect(await fixture.store.locks(county: fixture.countyB).map(\.year) == [2024])
            let trail = await fixture.store.auditTrail(AuditQuery(counties: [county], year: 2025, limit: 2))
            #expect(trail.entries.map(\.action) == [.unlock, .lock])
            #expect(trail.entries.map(\.accountName) == ["admin", "planner"])
        }
    }

    @Test func englishPage() async throws {
        let fixture = try await WebFixture()
        let result = try await fixture.evaluation(county: fixture.countyA, year: 2025)
        try await fixture.test { client in
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            let page = try await supervisor.send("/counties/\(fixture.countyA)?lang=en")
            #expect(page.status == .ok)
            #expect(page.text.contains("lang=\"en\""))
            #expect(page.text.contains("county overview") && page.text.contains("Verdict"))
            #expect(page.text.contains(Self.verdictCell(result.verdict, .english)))
            for finding in result.findings {
                #expect(page.text.contains(PageHTML.escaped(finding.text(in: .english, standard: WebFixture.standard))))
            }
            #expect(!page.text.contains("评估结论"))
            #expect(PageHTML.isClean(page.text))
        }
    }
}

