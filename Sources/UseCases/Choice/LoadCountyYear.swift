import Domain
import Storage

/// Loads a county-year from the store: chooses it (``CountyYearChoice``, the county's latest
/// year when none is asked), then reads its rows, facts and lock.
///
/// ```swift
/// let data = try await LoadCountyYear(store: store).load(county: "430250", year: nil)
/// data.chosen.year   // the county's latest year
/// ```
public struct LoadCountyYear: Sendable {
    /// Where the data is.
    public var store: any Store

    /// Makes the value from its parts.
    public init(store: any Store) {
        self.store = store
    }

    /// The county and `year` (its latest when `nil`).
    ///
    /// - Throws: ``CountyYearChoiceError`` when the county has no rows in that year.
    public func choose(county: String, year: Int?) async throws -> CountyYear {
        try await CountyYearChoice.stored(in: store).choose(county: county, year: year)
    }

    /// The county's rows, facts and lock of `year` (its latest when `nil`).
    ///
    /// - Throws: ``CountyYearChoiceError`` when the county has no rows in that year.
    public func load(county: String, year: Int?) async throws -> CountyYearData {
        let chosen = try await choose(county: county, year: year)
        return CountyYearData(
            chosen: chosen,
            schools: try await store.schoolYears(county: chosen.code, year: chosen.year),
            facts: try await store.facts(year: chosen.year, counties: [chosen.code]),
            lock: try await store.locks(county: chosen.code).first { $0.year == chosen.year })
    }
}
