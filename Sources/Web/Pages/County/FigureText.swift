import Domain
import Foundation

/// How the county, school and province pages print figures: 3 decimals (``Decimals``), a
/// dash where there is no finite value — never `nan`, `inf` or Swift's `21.0`.
enum FigureText {
    /// `value` with 3 decimals, or "—".
    static func three(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return Decimals.three(value)
    }

    /// A threshold as written in the standard (`4.5`, `2000`), or "—".
    static func compact(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return Decimals.compact(value)
    }

    /// A share (0…1) as a percentage with 3 decimals, e.g. `85.714%`, or "—".
    static func percent(_ share: Double?) -> String {
        share.map(Decimals.percent) ?? Decimals.notComputable
    }

    /// The CSS class of a judgement: `pass`, `fail`, or `unknown` when not judged.
    static func judgementClass(_ pass: Bool?) -> String {
        switch pass {
        case true?: "pass"
        case false?: "fail"
        case nil: "unknown"
        }
    }

    /// The CSS class of a verdict.
    static func verdictClass(_ verdict: Verdict) -> String {
        switch verdict {
        case .pass: "pass"
        case .fail: "fail"
        case .incomplete: "unknown"
        }
    }

    /// A time as people in the bureau read it: `2026-09-21 14:05` in China Standard Time
    /// (UTC+8, fixed: no tz database needed).
    static func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : String(n) }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }
}

/// Links, sortable headers and ordering shared by the county, school and province pages
/// (a namespace, so that other pages' types keep their names).
enum PageListing {
    /// A link of a year switch (or any list of choices): where it goes, its text, and
    /// whether it is the one shown.
    struct Link {
        var href: String
        var label: String
        var current: Bool
    }

    /// A sortable column header: its text and the link that sorts by it (the opposite order
    /// when it is the current sort), with an arrow on the current one.
    struct Header {
        var label: String
        var href: String
        var arrow: String
        var numeric: Bool
    }

    /// `asc` or `desc` from the query.
    enum Order: String {
        case asc, desc

        var flipped: Order { self == .asc ? .desc : .asc }
        var arrow: String { self == .asc ? "▲" : "▼" }
    }

    /// Orders optional numbers; `nil` comes last in either direction; `nil` result = equal.
    static func ordered(_ a: Double?, _ b: Double?, _ order: Order) -> Bool? {
        switch (a, b) {
        case (nil, nil): return nil
        case (nil, _): return false
        case (_, nil): return true
        case let (x?, y?):
            if x == y { return nil }
            return order == .asc ? x < y : x > y
        }
    }

    /// Orders texts; `nil` result = equal.
    static func ordered(_ a: String, _ b: String, _ order: Order) -> Bool? {
        if a == b { return nil }
        return order == .asc ? a < b : a > b
    }

    /// A query string from items in order, values percent-encoded, empty ones left out.
    static func query(_ items: [(String, String?)]) -> String {
        let parts = items.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return name + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.~"))) ?? value)
        }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }
}
