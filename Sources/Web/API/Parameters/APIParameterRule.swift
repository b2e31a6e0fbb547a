/// What a parameter's value must be — each case is both a check and an OpenAPI schema, so
/// the route and the document say the same thing.
enum APIParameterRule: Sendable, Equatable {
    /// A decimal integer within the bounds (`minimum`/`maximum`).
    case integer(ClosedRange<Int>)
    /// An integer of at least `minimum`, with no upper bound beyond what the route can hold.
    case integerFrom(Int)
    /// Exactly `count` ASCII digits (`^[0-9]{count}$`), such as a county code.
    case digits(Int)
    /// Text of a length within the bounds, in Unicode scalars (as JSON Schema counts).
    case text(ClosedRange<Int>)
    /// One of the listed words.
    case oneOf([String])

    /// Why `text` breaks the rule, or `nil` when it keeps it.
    func problem(with text: String) -> String? {
        switch self {
        case let .integer(range):
            guard let number = Self.integer(text), range.contains(number) else {
                return "must be an integer from \(range.lowerBound) to \(range.upperBound)"
            }
        case let .integerFrom(minimum):
            guard let number = Self.integer(text), number >= minimum, number <= Int(Int32.max) else {
                return "must be an integer from \(minimum) to \(Int32.max)"
            }
        case let .digits(count):
            guard text.utf8.count == count, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                return "must be \(count) digits"
            }
        case let .text(range):
            guard range.contains(text.unicodeScalars.count) else {
                return "must be \(range.lowerBound) to \(range.upperBound) characters long"
            }
        case let .oneOf(words):
            guard words.contains(text) else { return "must be one of " + words.joined(separator: ", ") }
        }
        return nil
    }

    /// An integer as JSON Schema's `integer` accepts it in a URL: optional minus sign and
    /// ASCII digits only (no `+`, spaces or exponent, which `Int(_:)` would partly allow).
    static func integer(_ text: String) -> Int? {
        let digits = text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        guard !digits.isEmpty, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }
}
