#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOPosix

/// Where CPU-heavy request work runs — reading uploads, planning, rotation, the province
/// ranking, writing workbooks — apart from `NIOThreadPool.singleton`, which hashes passwords.
///
/// Why: when both shared one pool, two hostile uploads kept its threads busy and a normal
/// sign-in waited behind them (0.26 s became 10.8 s). Here at most ``concurrency`` jobs run
/// at once and ``queue`` more wait; a job beyond that is refused at once with
/// ``WebError/busy(retryAfter:)`` (503 with `Retry-After`) rather than queued without bound.
///
/// ```swift
/// let plan = try await services.heavy.run { try planner.plan(schools) }
/// ```
public struct HeavyWork: Sendable {
    /// The threads, made once per process: a pool is never shut down while requests may
    /// still use it, and one per server would leak threads in tests that build many. Sized
    /// to the cores; ``concurrency`` decides how many of them a server keeps busy.
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: max(2, System.coreCount))
        pool.start()
        return pool
    }()

    /// Jobs that may run at once.
    public let concurrency: Int
    /// Jobs that may wait for a turn beyond those running.
    public let queue: Int
    /// What a refused client is told to wait, in seconds.
    public static let retryAfter = 5
    private let gate: HeavyWorkGate

    /// - Parameters:
    ///   - concurrency: jobs at once (at least 1).
    ///   - queue: jobs waiting (at least 0).
    public init(concurrency: Int, queue: Int) {
        self.concurrency = max(1, concurrency)
        self.queue = max(0, queue)
        gate = HeavyWorkGate(slots: self.concurrency, capacity: self.concurrency + self.queue)
    }

    /// Jobs admitted and not yet finished (running or waiting for a turn).
    var admitted: Int { gate.admitted }

    /// Runs `body` on the heavy pool when a slot is free.
    ///
    /// - Throws: ``WebError/busy(retryAfter:)`` when ``concurrency`` jobs run and ``queue``
    ///   wait already; whatever `body` throws.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        guard gate.admit() else { throw WebError.busy(retryAfter: Self.retryAfter) }
        await gate.acquire()
        defer { gate.release() }
        return try await Self.pool.runIfActive {
            Self.yieldToServing()
            return try body()
        }
    }

    /// Lowers the calling pool thread's scheduling priority (nice 10, Linux): when the cores
    /// are all busy, the event loops answering pages and the password hashing run first, and
    /// the heavy job takes what is left. Setting it again is harmless.
    static func yieldToServing() {
        #if os(Linux)
        // `who` 0 is the calling thread: on Linux the nice value belongs to each thread.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }
}
