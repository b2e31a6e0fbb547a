/// Text that cannot be encoded for output, e.g. GB18030 on a system whose `iconv` lacks it.
public struct TextCodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public var message: String

    /// A coding error with its explanation.
    public init(message: String) {
        self.message = message
    }

    /// The explanation.
    public var description: String { message }
}
