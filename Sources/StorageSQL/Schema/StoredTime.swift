import Foundation

/// How a `Date` is kept: a DOUBLE PRECISION count of seconds since Foundation's reference
/// date (2001-01-01 00:00:00 UTC) — the number a `Date` holds, so it comes back exactly
/// equal (a session's expiry, an entry's time). Seconds since 1970 would add 978,307,200
/// and round away the last bit of a sub-second time.
///
/// In SQL: `to_timestamp(recorded_at + 978307200)` (PostgreSQL),
/// `datetime(recorded_at + 978307200, 'unixepoch')` (SQLite).
enum StoredTime {
    static func value(_ date: Date) -> Double { date.timeIntervalSinceReferenceDate }
    static func date(_ value: Double) -> Date { Date(timeIntervalSinceReferenceDate: value) }
}
