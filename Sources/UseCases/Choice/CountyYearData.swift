import Domain
import Storage

/// A county's year as the store holds it: the rows, the recorded facts and the lock.
public struct CountyYearData: Sendable {
    /// The county and year.
    public var chosen: CountyYear
    /// The county's school rows of the year, ordered by school code.
    public var schools: [SchoolYear]
    /// The county facts recorded for the year.
    public var facts: [CountyFact]
    /// The year's lock, when it is locked.
    public var lock: YearLock?

    /// Makes the value from its parts.
    public init(chosen: CountyYear, schools: [SchoolYear], facts: [CountyFact], lock: YearLock?) {
        self.chosen = chosen
        self.schools = schools
        self.facts = facts
        self.lock = lock
    }
}
