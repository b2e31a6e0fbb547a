import Domain
import Foundation
import Storage
import Testing
@testable import Web

/// The county overview's kept bodies (``CountyPageBody`` in ``WebServices/countyPages``):
/// served again while the county's data revision stands, made anew on the request after any
/// write — also a write the server did not see, as from another server on the same database —
/// and never carrying one viewer's buttons, form token or language to another.
@Suite("County overview cache")
struct CountyPageCacheTests {
    @Test func aSecondRequestIsServedFromTheKeptBody() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let path = "/counties/\(fixture.countyA)?year=2025"
            let first = try await planner.send(path)
            let misses = fixture.services.countyPages.counts.misses
            let second = try await planner.send(path)
            #expect(first.status == .ok && second.text == first.text)
            #expect(fixture.services.countyPages.counts.misses == misses)
            #expect(fixture.services.countyPages.counts.hits >= 1)
            // Another view of the table is another body.
            _ = try await planner.send(path + "&page=2")
            #expect(fixture.services.countyPages.counts.misses == misses + 1)
        }
    }

    @Test func anEditOrAnImportBehindTheServersBackShowsOnTheNextRequest() async throws {
        let fixture = try await WebFixture()
        let admin = try #require(await fixture.store.account(named: "admin"))
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let path = "/counties/\(fixture.countyA)?year=2025"
            var row = try #require(await fixture.store.schoolYear(county: fixture.countyA, school: fixture.schoolA, year: 2025))
            #expect(!(try await planner.send(path)).text.contains("改过的校名"))
            // Written straight into the store, as another server would: only the revision tells.
            row.schoolName = "改过的校名"
            _ = try await fixture.store.updateSchoolYear(row, by: admin, at: fixture.clock.now)
            #expect(try await planner.send(path).text.contains("改过的校名"))

            row.schoolName = "导入的校名"
            _ = try await fixture.store.importData(ImportBatch(schools: [row], source: "x.csv"), by: admin, at: fixture.clock.now)
            let imported = try await planner.send(path).text
            #expect(imported.contains("导入的校名") && !imported.contains("改过的校名"))
            // The page of 2024 shows 2025 in its trend: a fact of 2025 makes it anew.
            let facts = await fixture.store.facts(year: 2025, counties: [fixture.countyA])
            _ = try await planner.send("/counties/\(fixture.countyA)?year=2024")
            var changed = try #require(facts.first { $0.value.number != nil })
            changed.value = .number((changed.value.number ?? 0) + 1000)
            _ = try await fixture.store.importData(ImportBatch(schools: [], facts: [changed], source: "f.csv"), by: admin, at: fixture.clock.now)
            let misses = fixture.services.countyPages.counts.misses
            _ = try await planner.send("/counties/\(fixture.countyA)?year=2024")
            #expect(fixture.services.countyPages.counts.misses == misses + 1, "a fact of 2025 is a write of the county")

            // A lock through the page: the panel and the notice follow at once.
            let locked = try await planner.post("/counties/\(fixture.countyA)/years/2025/lock", form: [("confirm", "yes")])
            let page = try await planner.send(try #require(locked.location)).text
            #expect(PageHTML.section("lock", of: page).contains("🔒"))
        }
    }

    @Test func writesToAnotherCountyKeepTheBody() async throws {
        let fixture = try await WebFixture()
        let admin = try #require(await fixture.store.account(named: "admin"))
        try await fixture.test { client in
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            let path = "/counties/\(fixture.countyA)?year=2025"
            _ = try await supervisor.send(path)
            _ = try await fixture.store.lockYear(county: fixture.countyB, year: 2025, by: admin, at: fixture.clock.now)
            let misses = fixture.services.countyPages.counts.misses
            _ = try await supervisor.send(path)
            #expect(fixture.services.countyPages.counts.misses == misses)
        }
    }

    @Test func eachViewerSeesTheirOwnButtonsAndToken() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let path = "/counties/\(fixture.countyA)?year=2025"
            let lockAction = "action=\"/counties/\(fixture.countyA)/years/2025/lock\""
            // The supervisor (no lock button) fills the cache first.
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            let seen = try await supervisor.send(path).text
            #expect(!seen.contains(lockAction))
            let hits = fixture.services.countyPages.counts.hits
            var admin = try await Browser.signedIn(client, as: "admin")
            var planner = try await Browser.signedIn(client, as: "planner")
            var plannerAgain = try await Browser.signedIn(client, as: "planner")
            let adminPage = try await admin.send(path).text
            let plannerPage = try await planner.send(path).text
            let plannerAgainPage = try await plannerAgain.send(path).text
            #expect(fixture.services.countyPages.counts.hits == hits + 3, "all three from the supervisor's body")
            for (page, browser) in [(adminPage, admin), (plannerPage, planner), (plannerAgainPage, plannerAgain)] {
                let lock = PageHTML.section("lock", of: page)
                #expect(lock.contains(lockAction))
                #expect(lock.contains("value=\"\(try #require(browser.csrf))\""))
            }
            let plannerToken = try #require(planner.csrf)
            #expect(plannerToken != plannerAgain.csrf, "two sessions, two tokens")
            #expect(!PageHTML.section("lock", of: plannerAgainPage).contains(plannerToken))
            // And back: the supervisor still has no button, though the others' pages were served since.
            #expect(!(try await supervisor.send(path)).text.contains(lockAction))
            // The header names whoever asks.
            #expect(adminPage.contains(">admin · ") && plannerPage.contains(">planner · "))
        }
    }

    @Test func languagesAreKeptApart() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            let path = "/counties/\(fixture.countyA)?year=2025"
            let chinese = try await supervisor.send(path).text
            let english = try await supervisor.send(path + "&lang=en").text
            let chineseAgain = try await supervisor.send(path + "&lang=zh").text
            #expect(chinese.contains("评估结论") && !english.contains("评估结论") && english.contains("Verdict"))
            #expect(chineseAgain.contains("评估结论"))
        }
    }

    @Test func theCacheKeepsTheNewestRevisionAndAtMostItsCapacity() {
        let cache = RevisionCache<String, String>(capacity: 2)
        cache.keep("a at 2", for: "a", revision: 2)
        cache.keep("a at 1", for: "a", revision: 1)  // a slower request that read before a write
        #expect(cache.value(for: "a", revision: 2) == "a at 2")
        #expect(cache.value(for: "a", revision: 1) == nil)
        #expect(cache.value(for: "a", revision: 3) == nil)
        cache.keep("b", for: "b", revision: 0)
        _ = cache.value(for: "a", revision: 2)  // a used last: b goes first
        cache.keep("c", for: "c", revision: 0)
        #expect(cache.count == 2)
        #expect(cache.value(for: "b", revision: 0) == nil)
        #expect(cache.value(for: "a", revision: 2) == "a at 2" && cache.value(for: "c", revision: 0) == "c")
    }

    @Test func requestsMissingTogetherWaitForOneComputation() async throws {
        let cache = RevisionCache<String, Int>(capacity: 4)
        let made = Counter()
        let make: @Sendable () async throws -> Int = {
            await made.add()
            try await Task.sleep(for: .milliseconds(200))  // long enough for every request to arrive
            return 42
        }
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 { group.addTask { try await cache.value(for: "page", revision: 7, making: make) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values == Array(repeating: 42, count: 16))
        #expect(await made.count == 1)
        // Kept afterwards; a new revision makes it again; a failure is not kept.
        #expect(cache.value(for: "page", revision: 7) == 42)
        _ = try await cache.value(for: "page", revision: 8, making: make)
        #expect(await made.count == 2)
        await #expect(throws: CancellationError.self) {
            _ = try await cache.value(for: "other", revision: 1) { throw CancellationError() }
        }
        #expect(try await cache.value(for: "other", revision: 1) { 5 } == 5)
    }
}

/// How many times something ran.
private actor Counter {
    private(set) var count = 0
    func add() { count += 1 }
}
