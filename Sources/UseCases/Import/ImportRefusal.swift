/// An import the account may not make (a county, a school or a classification it may not
/// change): nothing is written. The web answers 403, the command stops with status 64.
public struct ImportRefusal: Error, Sendable, Hashable {
    /// Why, in the language asked for (``ImportAuthorisation``'s sentence).
    public var message: String

    /// Makes the value from its parts.
    public init(message: String) {
        self.message = message
    }
}
