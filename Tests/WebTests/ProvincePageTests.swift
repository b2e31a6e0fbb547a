import Domain
import Foundation
import HTTPTypes
import Storage
import Testing
import UseCases
@testable import Web

@Suite("Province page and ranking")
struct ProvincePageTests {
    /// The county codes the page's rows link to, in page order.
    static func countyCodes(_ html: String) -> [String] {
        let link = try! NSRegularExpression(pattern: #"<td><a href="/counties/(\d{6})\?year=\d{4}">"#)
        return link.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            String(html[Range($0.range(at: 1), in: html)!])
        }
    }

    /// Both counties of the fixture evaluated in `year`.
    static func results(_ fixture: WebFixture, year: Int) async throws -> [CountyResult] {
        let rows = await fixture.store.schoolYears(year: year, counties: nil)
        let facts = await fixture.store.facts(year: year, counties: nil)
        return Evaluator(standard: WebFixture.standard).evaluate(rows, facts: facts)
    }

    @Test func everyRoleSeesOnlyItsCounties() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let expected: [String: (HTTPResponse.Status, Set<String>)] = [
                "admin": (.ok, [fixture.countyA, fixture.countyB]), "supervisor": (.ok, [fixture.countyA, fixture.countyB]),
                "supervisorB": (.ok, [fixture.countyB]), "planner": (.forbidden, []), "clerk": (.forbidden, []),
            ]
            for (role, (status, counties)) in expected {
                var browser = try await Browser.signedIn(client, as: role)
                let page = try await browser.send("/province")
                #expect(page.status == status, "\(role)")
                #expect(Set(Self.countyCodes(page.text)) == counties, "\(role)")
            }
            var supervisorB = try await Browser.signedIn(client, as: "supervisorB")
            #expect(!(try await supervisorB.send("/province").text.contains("/counties/\(fixture.countyA)")))
            var anonymous = Browser(client)
            let response = try await anonymous.send("/province")
            #expect(response.status == .found && response.location == "/login?next=%2Fprovince")
        }
    }

    @Test func rowsAreTheRankedEvaluations() async throws {
        let fixture = try await WebFixture()
        let ranked = ProvinceRanking.rank(results: try await Self.results(fixture, year: 2025))
        try await fixture.test { client in
            var admin = try await Browser.signedIn(client, as: "admin")
            let page = try await admin.send("/province?year=2025")
            #expect(Self.countyCodes(page.text) == ranked.map(\.countyCode))
            let rows = PageHTML.tableRows(page.text)
            #expect(rows.count == ranked.count)
            for (cells, row) in zip(rows, ranked) {
                #expect(cells[0] == String(row.rank))
                #expect(cells[2] == row.verdict.name(in: .chinese))
                #expect(cells[3] == "\(row.indicatorsWithinLimit)/\(row.indicatorCount)")
                #expect(cells[4] == Decimals.three(try #require(row.worstRatio)))
                // The indicator of the largest CV, next to it.
                let worst = try #require(row.worstIndicator)
                #expect(cells[5] == "\(worst.stage.name(in: .chinese)) · \(WebFixture.standard.indicators[worst.index].name(in: .chinese))")
                #expect(cells[6] == Decimals.three(try #require(row.compliantShare) * 100) + "%")
                #expect(cells[7] == "\(row.compliantSchools)/\(row.evaluatedSchools)")
                #expect(cells[8] == String(row.schoolCount))
            }
            // Each figure links to the rows behind it.
            let first = try #require(ranked.first), worst = try #require(first.worstIndicator)
            let key = WebFixture.standard.indicators[worst.index].key
            #expect(page.text.contains("/counties/\(first.countyCode)?year=2025&amp;stage=\(worst.stage.rawValue)&amp;sort=\(key)#schools"))
            #expect(page.text.contains("/counties/\(first.countyCode)?year=2025&amp;filter=failing#schools"))
            #expect(PageHTML.isClean(page.text))
        }
    }

    @Test func sortsByAnyColumnAndSwitchesYears() async throws {
        let fixture = try await WebFixture()
        let ranked = ProvinceRanking.rank(results: try await Self.results(fixture, year: 2024))
        try await fixture.test { client in
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            let bySchools = ranked.sorted { $0.schoolCount > $1.schoolCount }.map(\.countyCode)
            #expect(Set(ranked.map(\.schoolCount)).count == 2, "the two counties differ in size, so the order shows")
            let down = try await supervisor.send("/province?year=2024&sort=schools&order=desc")
            #expect(Self.countyCodes(down.text) == bySchools)
            let up = try await supervisor.send("/province?year=2024&sort=schools&order=asc")
            #expect(Self.countyCodes(up.text) == bySchools.reversed())
            #expect(down.text.contains("sort=schools&amp;order=asc\">学校数</a>▼"))
            #expect(try await supervisor.send("/province?year=2024&sort=nonsense").status == .ok)
            #expect(try await supervisor.send("/province?order=sideways").status == .badRequest)
            #expect(down.text.contains("<strong>2024</strong>") && down.text.contains("href=\"/province?year=2025\""))
            #expect(down.text.contains("/counties/\(fixture.countyA)?year=2024"))
        }
    }

    @Test func rankingPutsPassingCountiesFirstThenTheSmallestWorstRatio() async throws {
        let fixture = try await WebFixture()
        let results = try await Self.results(fixture, year: 2025)
        let a = try #require(results.first { $0.countyCode == fixture.countyA })
        // Three made-up counties from A: one passing, one failing with all CVs halved, one as is.
        var passing = a
        passing.countyCode = "100001"
        passing.verdict = .pass
        var halved = a
        halved.countyCode = "100002"
        for s in halved.stages.indices {
            for i in halved.stages[s].indicators.indices { halved.stages[s].indicators[i].cv = halved.stages[s].indicators[i].cv.map { $0 / 2 } }
        }
        var unjudged = a
        unjudged.countyCode = "100000"
        for s in unjudged.stages.indices {
            for i in unjudged.stages[s].indicators.indices { unjudged.stages[s].indicators[i].cv = nil }
        }
        let rows = ProvinceRanking.rank(results: [a, unjudged, halved, passing])
        #expect(rows.map(\.countyCode) == ["100001", "100002", a.countyCode, "100000"])
        #expect(rows.map(\.rank) == [1, 2, 3, 4])

        // The figures of one county, counted here by hand.
        let row = ProvinceRanking.row(a)
        let indicators = a.stages.flatMap(\.indicators)
        #expect(row.indicatorCount == indicators.count)
        #expect(row.indicatorsWithinLimit == indicators.count { $0.pass == true })
        let ratios = indicators.compactMap { i in i.cv.flatMap { cv in i.limit.map { cv / $0 } } }
        #expect(row.worstRatio == ratios.max())
        #expect(ProvinceRanking.row(halved).worstRatio == ratios.max().map { $0 / 2 })
        let codes = Set(a.units.map(\.unit.schoolCode))
        let compliant = codes.filter { code in a.units.filter { $0.unit.schoolCode == code }.allSatisfy { $0.passes == true } }
        #expect(row.evaluatedSchools == codes.count && row.compliantSchools == compliant.count)
        #expect(row.schoolCount == codes.union(a.excluded.map(\.schoolCode)).count)
        #expect(row.schoolCount == fixture.rows.count { $0.countyCode == a.countyCode && $0.year == 2025 })
        var allPass = a
        for u in allPass.units.indices { allPass.units[u].passes = true }
        #expect(ProvinceRanking.row(allPass).compliantShare == 1)
    }

    @Test func englishPage() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var admin = try await Browser.signedIn(client, as: "admin")
            let page = try await admin.send("/province?lang=en")
            #expect(page.status == .ok && page.text.contains("Counties ranked"))
            #expect(page.text.contains("Largest CV / limit") && !page.text.contains("学校达标率"))
            #expect(PageHTML.isClean(page.text))
        }
    }
}
