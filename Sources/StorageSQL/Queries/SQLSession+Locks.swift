import Foundation
import SQLKit
import Storage

extension SQLSession {
    /// Every locked (county, year).
    func lockedCountyYears() async throws -> Set<CountyYear> {
        let rows = try await sql.select().columns("county_code", "year").from(Tables.yearLocks).all()
        return Set(try rows.map {
            CountyYear(countyCode: try $0.decode(column: "county_code", as: String.self), year: try $0.decode(column: "year", as: Int.self))
        })
    }

    /// Whether `countyYear` is locked.
    func isLocked(_ countyYear: CountyYear) async throws -> Bool {
        try await sql.select().column(SQLLiteral.numeric("1"), as: "locked").from(Tables.yearLocks)
            .where(SQLColumn("county_code"), .equal, SQLBind(countyYear.countyCode))
            .where(SQLColumn("year"), .equal, SQLBind(countyYear.year))
            .first() != nil
    }

    /// Records `lock`.
    func insertLock(_ lock: YearLock) async throws {
        try await sql.insert(into: Tables.yearLocks)
            .columns("county_code", "year", "locked_by", "locked_at")
            .values(SQLBind(lock.countyCode), SQLBind(lock.year), SQLBind(lock.lockedBy), SQLBind(StoredTime.value(lock.lockedAt)))
            .run()
    }

    /// Removes the lock of `countyYear`; returns whether there was one.
    func deleteLock(_ countyYear: CountyYear) async throws -> Bool {
        guard try await isLocked(countyYear) else { return false }
        try await sql.delete(from: Tables.yearLocks)
            .where(SQLColumn("county_code"), .equal, SQLBind(countyYear.countyCode))
            .where(SQLColumn("year"), .equal, SQLBind(countyYear.year))
            .run()
        return true
    }

    /// The locks of `county`, by year.
    func locks(county: String) async throws -> [YearLock] {
        try await sql.select().columns("county_code", "year", "locked_by", "locked_at").from(Tables.yearLocks)
            .where(SQLColumn("county_code"), .equal, SQLBind(county))
            .orderBy("year")
            .all()
            .map {
                YearLock(
                    countyCode: try $0.decode(column: "county_code", as: String.self),
                    year: try $0.decode(column: "year", as: Int.self),
                    lockedBy: try $0.decode(column: "locked_by", as: String.self),
                    lockedAt: StoredTime.date(try $0.decode(column: "locked_at", as: Double.self))
                )
            }
    }
}
