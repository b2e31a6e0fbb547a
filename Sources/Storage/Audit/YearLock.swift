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
