/// Why a store refused or failed a request. Callers test the `is…` properties; the cases can
/// grow without breaking them.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        case locked(county: String, year: Int)
        case unreviewed(county: String, year: Int, schools: Int)
        case notFound(String)
        case duplicate(String)
        case invalid(String)
        case corrupt(String)
        case unavailable(String)
    }
    let kind: Kind

    /// A locked (county, year) was to change.
    public static func locked(county: String, year: Int) -> StoreError { StoreError(kind: .locked(county: county, year: year)) }
    /// The thing addressed does not exist.
    /// A year cannot lock while `schools` schools' rows are under review, unless a reason is given.
    public static func unreviewed(county: String, year: Int, schools: Int) -> StoreError {
        StoreError(kind: .unreviewed(county: county, year: year, schools: schools))
    }
    public static func notFound(_ what: String) -> StoreError { StoreError(kind: .notFound(what)) }
    /// A unique name is taken.
    public static func duplicate(_ what: String) -> StoreError { StoreError(kind: .duplicate(what)) }
    /// A value to write breaks a bound the store keeps (e.g. more migrant children than
    /// children in a block).
    public static func invalid(_ what: String) -> StoreError { StoreError(kind: .invalid(what)) }
    /// Stored data cannot be read back as Domain values.
    public static func corrupt(_ what: String) -> StoreError { StoreError(kind: .corrupt(what)) }
    /// The database cannot be reached or refused the statement.
    public static func unavailable(_ what: String) -> StoreError { StoreError(kind: .unavailable(what)) }

    public var isLocked: Bool { if case .locked = kind { true } else { false } }
    /// The schools still under review when a lock was refused for them.
    public var unreviewedSchools: Int? { if case let .unreviewed(_, _, schools) = kind { schools } else { nil } }
    public var isNotFound: Bool { if case .notFound = kind { true } else { false } }
    public var isDuplicate: Bool { if case .duplicate = kind { true } else { false } }
    public var isInvalid: Bool { if case .invalid = kind { true } else { false } }
    public var isCorrupt: Bool { if case .corrupt = kind { true } else { false } }
    public var isUnavailable: Bool { if case .unavailable = kind { true } else { false } }

    /// The locked county and year, when ``isLocked``.
    public var lockedCountyYear: CountyYear? {
        if case let .locked(county, year) = kind { CountyYear(countyCode: county, year: year) } else { nil }
    }

    public var description: String {
        switch kind {
        case let .locked(county, year): "\(county) \(year) is locked; changes are refused"
        case let .unreviewed(county, year, schools): "\(county) \(year) has \(schools) school rows under review; approve them or give a reason to lock"
        case .notFound(let what): "not found: \(what)"
        case .duplicate(let what): "already exists: \(what)"
        case .invalid(let what): "refused: \(what)"
        case .corrupt(let what): "stored data unreadable: \(what)"
        case .unavailable(let what): "database error: \(what)"
        }
    }
}
