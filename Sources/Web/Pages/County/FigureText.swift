import Domain
import Foundation
import Reports

/// What pages show that a report's cells do not: the CSS class of a judgement, and a time
/// as the bureau reads it. Figures are shown by ``ReportCell`` (``ReportCell/shown(in:)``).
enum FigureText {
    /// The CSS class of a judgement: `pass`, `fail`, or `unknown` when not judged.
    static func judgementClass(_ pass: Bool?) -> String {
        switch pass {
        case true?: "pass"
        case false?: "fail"
        case nil: "unknown"
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

/// Links and listing orders shared by the county, school, plan and province pages (a
/// namespace, so that other pages' types keep their names).
enum PageListing {
    /// A link of a year switch (or any list of choices): where it goes, its text, and
    /// whether it is the one shown.
    struct Link {
        var href: String
        var label: String
        var current: Bool
    }

    /// The order of `?order=`: `asc`, `desc`, or `nil` when not given.
    ///
    /// - Throws: ``WebError/badRequest(_:)`` for anything else.
    static func order(_ text: String?) throws(WebError) -> ListingOrder? {
        switch text {
        case nil: nil
        case "asc"?: .ascending
        case "desc"?: .descending
        default: throw .badRequest("order")
        }
    }

    /// `order` as `?order=` writes it.
    static func text(_ order: ListingOrder) -> String { order == .ascending ? "asc" : "desc" }

    /// The mark after the header of the column sorted by.
    static func arrow(_ order: ListingOrder) -> String { order == .ascending ? "▲" : "▼" }

    /// A query string from items in order, values percent-encoded, empty ones left out.
    static func query(_ items: [(String, String?)]) -> String {
        let parts = items.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return name + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.~"))) ?? value)
        }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }
}
