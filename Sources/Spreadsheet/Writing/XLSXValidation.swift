/// A data-validation rule on a range: what may be entered, and what Excel says about it.
public struct XLSXValidation: Sendable, Equatable {
    /// What a cell of the range may hold.
    public enum Kind: Sendable, Equatable {
        /// One of these texts, from a drop-down. Excel refuses lists longer than 255
        /// characters in all (commas included): use ``listRange(_:)`` for long lists.
        case list([String])
        /// One of the values in a range, e.g. "$Z$1:$Z$40" or "'选项'!$A$1:$A$40".
        case listRange(String)
        /// A whole number ≥ `min` (and ≤ `max` when given).
        case wholeNumber(min: Int, max: Int?)
        /// A number ≥ `min` (and ≤ `max` when given).
        case decimal(min: Double, max: Double?)
    }

    /// The cells, e.g. "B2:B10000".
    public var range: String
    /// The rule.
    public var kind: Kind
    /// The input message shown when a cell is selected: title (≤ 32 characters) and text
    /// (≤ 255 characters).
    public var prompt: (title: String, text: String)?
    /// The message shown when a wrong value is entered (same limits); Excel's own when nil.
    public var error: (title: String, text: String)?
    /// Whether an empty cell is acceptable.
    public var allowBlank: Bool

    /// A rule on `range`.
    public init(
        range: String, kind: Kind, prompt: (title: String, text: String)? = nil,
        error: (title: String, text: String)? = nil, allowBlank: Bool = true
    ) {
        self.range = range
        self.kind = kind
        self.prompt = prompt
        self.error = error
        self.allowBlank = allowBlank
    }

    /// Rules are equal when every part is; tuples cannot conform, so compared by hand.
    public static func == (lhs: XLSXValidation, rhs: XLSXValidation) -> Bool {
        lhs.range == rhs.range && lhs.kind == rhs.kind && lhs.allowBlank == rhs.allowBlank
            && lhs.prompt?.title == rhs.prompt?.title && lhs.prompt?.text == rhs.prompt?.text
            && lhs.error?.title == rhs.error?.title && lhs.error?.text == rhs.error?.text
    }
}
