import NIOConcurrencyHelpers

/// What a server computed from one county's data, kept with the data revision it was
/// computed at (``Storage/SchoolDataStore/dataRevision(county:)``) and handed out only while
/// the store still answers that revision — so a write, on this server or on another sharing
/// the database, is seen by the next request.
///
/// ```swift
/// let revision = try await store.dataRevision(county: county)  // first: see below
/// let page = try await cache.value(for: key, revision: revision) {
///     try await compute()                                       // reads data ≥ revision
/// }
/// ```
///
/// Read the revision before the data: the value is then at least as new as the revision it
/// is kept under, never older, and a later write moves the revision past it. Requests that
/// miss the same key and revision together wait for one computation rather than each making
/// the value (after a write, every viewer of a page misses at once). At most `capacity`
/// values are kept; the least recently used goes first.
final class RevisionCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var revision: Int64
        var value: Value
        /// When it was last kept or handed out, in ``State/uses``.
        var lastUse: UInt64
    }

    /// A value being made: the key and the revision it is made for.
    private struct Pending: Hashable {
        var key: Key
        var revision: Int64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        /// The computations under way, which later requests for the same value wait for.
        var making: [Pending: Task<Value, any Error>] = [:]
        /// A counter of lookups and insertions, the entries' clock for eviction.
        var uses: UInt64 = 0
        var hits = 0
        var misses = 0
    }

    /// The most values kept.
    let capacity: Int
    private let state = NIOLockedValueBox(State())

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The value kept for `key` at `revision`; else the one being made for them, once made;
    /// else the one `make` makes, which is then kept. `make` must read the data after the
    /// caller read `revision`. An error of `make` reaches every request waiting for it, and
    /// nothing is kept.
    func value(
        for key: Key, revision: Int64, making make: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        let pending = Pending(key: key, revision: revision)
        let found: Found = state.withLockedValue { state in
            if let value = Self.hit(key, revision, in: &state) { return .kept(value) }
            if let task = state.making[pending] { return .making(task) }
            let task = Task {
                do {
                    let value = try await make()
                    self.keep(value, for: key, revision: revision)
                    self.state.withLockedValue { $0.making[pending] = nil }
                    return value
                } catch {
                    self.state.withLockedValue { $0.making[pending] = nil }
                    throw error
                }
            }
            state.making[pending] = task
            return .making(task)
        }
        switch found {
        case .kept(let value): return value
        case .making(let task): return try await task.value
        }
    }

    /// What a lookup found: a kept value, or the computation to wait for.
    private enum Found {
        case kept(Value)
        case making(Task<Value, any Error>)
    }

    /// The value kept for `key` at `revision`, if any.
    func value(for key: Key, revision: Int64) -> Value? {
        state.withLockedValue { Self.hit(key, revision, in: &$0) }
    }

    /// The value kept for `key` at `revision`, marked as used, and the count of hits and misses.
    private static func hit(_ key: Key, _ revision: Int64, in state: inout State) -> Value? {
        state.uses += 1
        guard let entry = state.entries[key], entry.revision == revision else {
            state.misses += 1
            return nil
        }
        state.entries[key]!.lastUse = state.uses
        state.hits += 1
        return entry.value
    }

    /// Keeps `value` for `key`, computed at `revision` — unless a value of a later revision
    /// is kept already (a slower request that started before a write finishing last).
    func keep(_ value: Value, for key: Key, revision: Int64) {
        state.withLockedValue { state in
            if let kept = state.entries[key], kept.revision > revision { return }
            state.uses += 1
            state.entries[key] = Entry(revision: revision, value: value, lastUse: state.uses)
            // A linear scan: with a few dozen entries it costs less than keeping an order.
            if state.entries.count > capacity, let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
                state.entries[oldest] = nil
            }
        }
    }

    /// How many lookups found a current value, and how many did not (for tests and logs).
    var counts: (hits: Int, misses: Int) {
        state.withLockedValue { ($0.hits, $0.misses) }
    }

    /// How many values are kept.
    var count: Int { state.withLockedValue { $0.entries.count } }
}
