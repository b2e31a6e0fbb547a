/// Lowest first or highest first: how a listing sorted by one of its columns runs.
public enum ListingOrder: Sendable, Hashable {
    case ascending, descending

    /// The other order (a second click on the column).
    public var reversed: ListingOrder { self == .ascending ? .descending : .ascending }

    /// Whether `a` goes before `b`; a missing number goes last in either order; `nil` when
    /// they are equal, so that the caller breaks the tie.
    public func precedes(_ a: Double?, _ b: Double?) -> Bool? {
        switch (a, b) {
        case (nil, nil): nil
        case (nil, _): false
        case (_, nil): true
        case let (x?, y?): x == y ? nil : (self == .ascending) == (x < y)
        }
    }

    /// Whether text `a` goes before `b`; `nil` when they are equal.
    public func precedes(_ a: String, _ b: String) -> Bool? {
        a == b ? nil : (self == .ascending) == (a < b)
    }
}
