/// The fields of an `application/x-www-form-urlencoded` body (the page forms): `+` is a
/// space, `%XX` a byte of UTF-8; a repeated name keeps its last value.
public struct FormFields: Sendable {
    private var values: [String: String] = [:]
    /// Every value of a name given more than once (checkboxes), in order.
    private var repeated: [String: [String]] = [:]

    public init(urlEncoded body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
            values[name] = value
            repeated[name, default: []].append(value)
        }
    }

    /// Every value sent for `name`, in order (the checked boxes of a list).
    public func values(_ name: String) -> [String] { repeated[name] ?? [] }

    /// The value of `name` without spaces around it; `nil` when absent or blank.
    public func trimmed(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// The codes typed in `name` (county codes, school codes): separated by commas (also
    /// full-width ，), 、, spaces or line breaks, as people list them.
    public func codes(_ name: String) -> [String] {
        (values[name] ?? "").split { $0 == "," || $0 == "，" || $0 == "、" || $0.isWhitespace }.map(String.init)
    }

    public subscript(name: String) -> String? { values[name] }

    /// Every field, for forms whose names are data (the edit form's field keys).
    public var all: [String: String] { values }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

import Foundation
