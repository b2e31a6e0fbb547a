import NIOConcurrencyHelpers

/// What a server computed from one county's data, kept with the data revision it was
/// computed at (``Storage/SchoolDataStore/dataRevision(county:)``) and handed out only while
/// the store still answers that revision — so a write, on this server or on another sharing
/// the database, is seen by the next request.
///
/// ```swift
/// let revision = try await store.dataRevision(county: county)  // first: see below
/// if let page = cache.value(for: key, revision: revision) { return page }
/// let page = try await compute()                                // reads data ≥ revision
/// cache.keep(page, for: key, revision: revision)
/// ```
///
/// Read the revision before the data: the value is then at least as new as the revision it
/// is kept under, never older, and a later write moves the revision past it. At most
/// `capacity` values are kept; the least recently used goes first.
final class RevisionCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var revision: Int64
        var value: Value
        /// When it was last kept or handed out, in ``State/uses``.
        var lastUse: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
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

    /// The value kept for `key` at `revision`, if any.
    func value(for key: Key, revision: Int64) -> Value? {
        state.withLockedValue { state in
            state.uses += 1
            guard let entry = state.entries[key], entry.revision == revision else {
                state.misses += 1
                return nil
            }
            state.entries[key]!.lastUse = state.uses
            state.hits += 1
            return entry.value
        }
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
