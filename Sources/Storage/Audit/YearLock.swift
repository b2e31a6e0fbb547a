import Foundation

/// A county's year closed for changes (锁定), usually once submitted for evaluation.
public struct YearLock: Sendable, Hashable {
    /// 县区代码
    public var countyCode: String
    /// 年度
    public var year: Int
    /// Who locked it.
    public var lockedBy: String
    /// When.
    public var lockedAt: Date

    public init(countyCode: String, year: Int, lockedBy: String, lockedAt: Date) {
        self.countyCode = countyCode
        self.year = year
        self.lockedBy = lockedBy
        self.lockedAt = lockedAt
    }
}

extension YearLock {
    /// The note a lock records: `reason`, checked — required when `unreviewed` schools' rows
    /// are still under review (the planner's override), optional otherwise.
    ///
    /// - Throws: ``StoreError/unreviewedSchools`` without a reason over unreviewed rows;
    ///   ``StoreError/isInvalid`` for a reason too long.
    public static func check(reason: String?, county: String, year: Int, unreviewed: Int) throws -> String? {
        let note = try ReviewLimits.checked(reason, limit: ReviewLimits.reasonCharacters, what: "reason")
        if unreviewed > 0 && note == nil { throw StoreError.unreviewed(county: county, year: year, schools: unreviewed) }
        return note
    }
}
