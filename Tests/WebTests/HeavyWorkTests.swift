import Foundation
import HTTPTypes
import NIOConcurrencyHelpers
import Testing
@testable import Web

/// Issue 13: CPU-heavy request work runs on a bounded pool of its own, so that sign-ins
/// (bcrypt on NIO's shared pool) stay quick while it is full, and work beyond its bounds is
/// refused with 503 and `Retry-After` instead of queueing without end.
@Suite("Heavy work pool")
struct HeavyWorkTests {
    /// Fills `heavy` with `count` jobs that each hold a slot until `release` is signalled,
    /// and returns once they all run (or wait, beyond the slots).
    static func occupy(_ heavy: HeavyWork, jobs count: Int, running: Int) async throws -> (release: @Sendable () -> Void, done: Task<Void, any Error>) {
        let started = NIOLockedValueBox(0)
        let released = NIOLockedValueBox(false)
        let done = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<count {
                    group.addTask {
                        _ = try await heavy.run {
                            started.withLockedValue { $0 += 1 }
                            // Slow work: holds the thread until the test lets go (at most 30 s).
                            for _ in 0..<3000 where !released.withLockedValue({ $0 }) { usleep(10_000) }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        // Up to 30 s for the jobs to start: a loaded machine (the whole suite in parallel, a
        // fuzzer beside it) can take seconds to schedule them; the loop ends as soon as they run.
        for _ in 0..<3000 where started.withLockedValue({ $0 }) < running { try await Task.sleep(for: .milliseconds(10)) }
        let runningNow = started.withLockedValue { $0 }
        #expect(runningNow == running)
        // The waiting jobs are admitted once their tasks run: wait for them too (up to 30 s), so
        // that a request made next finds the pool full rather than taking a waiting job's place.
        for _ in 0..<3000 where heavy.admitted < count { try await Task.sleep(for: .milliseconds(10)) }
        #expect(heavy.admitted == count)
        return ({ released.withLockedValue { $0 = true } }, done)
    }

    @Test func aSignInStaysQuickWhileHeavyWorkFillsItsPool() async throws {
        // As many slow jobs running as the machine has cores, more waiting: had they shared
        // bcrypt's pool (NIOThreadPool.singleton, one thread a core), the sign-in would wait
        // for them.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let fixture = try await WebFixture { $0.heavyConcurrency = cores; $0.heavyQueue = 2 }
        let (release, done) = try await Self.occupy(fixture.services.heavy, jobs: cores + 2, running: cores)
        defer { release() }
        try await fixture.test { client in
            let start = ContinuousClock.now
            _ = try await Browser.signedIn(client, as: "planner")
            let elapsed = ContinuousClock.now - start
            // Had the sign-in waited for the jobs, it would take the jobs' 30 s. The bound leaves
            // room for the rest of the suite hashing passwords on the same pool in parallel.
            #expect(elapsed < .seconds(10), "sign-in took \(elapsed) while the heavy pool was full")
        }
        release()
        try await done.value
    }

    /// Each heavy route, refused while the pool is full.
    @Test(arguments: ["province", "plan", "import", "import page template", "rotate"])
    func heavyRoutesAreRefusedWith503WhenThePoolIsFull(_ route: String) async throws {
        let fixture = try await WebFixture { $0.heavyConcurrency = 1; $0.heavyQueue = 1 }
        let (release, done) = try await Self.occupy(fixture.services.heavy, jobs: 2, running: 1)
        defer { release() }
        try await fixture.test { client in
            var browser = try await Browser.signedIn(client, as: "admin")
            let response: TestResponse = switch route {
            case "province": try await browser.api("/api/province")
            case "plan": try await browser.api("/api/counties/\(fixture.countyA)/plan")
            case "import":
                try await browser.apiImport("kind=schools", bytes: WebFixture.csv(fixture.rows(county: fixture.countyA, year: 2025)))
            case "import page template": try await browser.send("/import/template.xlsx")
            default:
                try await browser.send("/api/counties/\(fixture.countyA)/rotate", bytes: Self.rotationForm(),
                                       contentType: Self.rotationFormType, headers: [HTTPField.Name("X-CSRF-Token")!: browser.csrf ?? ""])
            }
            #expect(response.status == .serviceUnavailable, "\(route): \(response.status) \(response.text.prefix(200))")
            #expect(response.headers[.retryAfter] == String(HeavyWork.retryAfter))
            if route != "import page template" { #expect(response.errorCode == "busy") }
        }
        release()
        try await done.value
    }

    @Test func theGateAdmitsUpToItsCapacityAndTakesTurnsInOrder() async throws {
        let gate = HeavyWorkGate(slots: 1, capacity: 2)
        #expect(gate.admit() && gate.admit())
        #expect(!gate.admit())
        await gate.acquire()
        let order = NIOLockedValueBox<[Int]>([])
        let second = Task {
            await gate.acquire()
            order.withLockedValue { $0.append(2) }
            gate.release()
        }
        try await Task.sleep(for: .milliseconds(50))
        order.withLockedValue { $0.append(1) }
        gate.release()
        await second.value
        let finished = order.withLockedValue { $0 }
        #expect(finished == [1, 2])
        #expect(gate.admit())
    }

    static let rotationBoundary = "----junheng-heavy"
    static var rotationFormType: String { "multipart/form-data; boundary=\(rotationBoundary)" }
    /// A teachers file that does not matter: the refusal comes before it is read.
    static func rotationForm() -> [UInt8] {
        Array(("--\(rotationBoundary)\r\nContent-Disposition: form-data; name=\"teachers\"; filename=\"t.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\nx\r\n--\(rotationBoundary)--\r\n").utf8)
    }
}
