import Domain
import Storage

/// Chooses the one county and year a use case works on — the same rules and the same
/// refusals (``CountyYearChoiceError``) for a file on the command line and for the store
/// behind the web.
///
/// A county asked for must have rows; a year asked for must be one of its years. Without a
/// county, the data must hold one. Without a year, the store's choice takes the county's
/// latest year (the web's default), while a file's choice needs the data to hold one year
/// (a plan for the wrong year is worse than a question).
///
/// ```swift
/// let chosen = try CountyYearChoice(rows: rows).choose(county: "430250", year: nil)
/// chosen.year   // 2025, when the file holds only 2025
/// ```
public struct CountyYearChoice: Sendable {
    /// The counties to choose from, each with its years (ascending).
    public var counties: [CountySummary]
    /// Whether a missing year means the county's latest (rather than needing the data to hold one).
    public var latestYearByDefault: Bool
    /// Whether a refusal may list every county of the data. A file is the person's own; the
    /// store holds counties they may not read, so its refusals name only the asked county's years.
    public var listsEveryCounty: Bool

    /// Makes the value from its parts.
    public init(counties: [CountySummary], latestYearByDefault: Bool, listsEveryCounty: Bool) {
        self.counties = counties
        self.latestYearByDefault = latestYearByDefault
        self.listsEveryCounty = listsEveryCounty
    }

    /// The choice among the county-years of a file's rows (each county named after its first
    /// row that names it).
    public init(rows: [SchoolYear]) {
        var order: [String] = [], names: [String: String] = [:], years: [String: Set<Int>] = [:]
        for row in rows {
            if years[row.countyCode] == nil { order.append(row.countyCode) }
            years[row.countyCode, default: []].insert(row.year)
            if names[row.countyCode, default: ""].isEmpty, let name = row.countyName { names[row.countyCode] = name }
        }
        let counties = order.map { code in
            CountySummary(code: code, name: names[code].flatMap { $0.isEmpty ? nil : $0 }, years: years[code]!.sorted())
        }
        self.init(counties: counties, latestYearByDefault: false, listsEveryCounty: true)
    }

    /// The choice among the store's counties (the web's: latest year by default).
    public static func stored(in store: any Store) async throws -> CountyYearChoice {
        CountyYearChoice(counties: try await store.counties(), latestYearByDefault: true, listsEveryCounty: false)
    }

    /// The one county and year that `county` and `year` (each optional) designate.
    ///
    /// - Throws: ``CountyYearChoiceError`` when there is none, or several.
    public func choose(county: String?, year: Int?) throws(CountyYearChoiceError) -> CountyYear {
        let named = county.map { code in counties.filter { $0.code == code } } ?? counties
        let everything = listsEveryCounty ? counties : []
        if let county, named.isEmpty {
            throw CountyYearChoiceError(kind: .noSuchCounty(county), choices: Self.choices(everything))
        }
        var matches = named.flatMap { summary in
            summary.years.filter { year == nil || $0 == year }.map { CountyYear(county: summary, year: $0) }
        }
        if matches.isEmpty {
            guard let year else { throw CountyYearChoiceError(kind: .noData, choices: []) }
            throw CountyYearChoiceError(
                kind: .noDataForYear(county: county, year: year),
                choices: Self.choices(listsEveryCounty ? counties : county == nil ? [] : named))
        }
        if latestYearByDefault, year == nil {
            matches = named.compactMap { summary in summary.years.last.map { CountyYear(county: summary, year: $0) } }
        }
        guard matches.count == 1 else {
            throw CountyYearChoiceError(kind: .several, choices: matches.map {
                .init(code: $0.code, year: $0.year, name: $0.name)
            })
        }
        return matches[0]
    }

    /// The rows of the chosen county and year; none when `rows` is empty (there is nothing
    /// to choose from, and nothing to refuse either).
    ///
    /// - Throws: ``CountyYearChoiceError`` as ``choose(county:year:)``.
    public static func rows(_ rows: [SchoolYear], county: String?, year: Int?) throws(CountyYearChoiceError) -> [SchoolYear] {
        guard !rows.isEmpty else { return [] }
        let chosen = try CountyYearChoice(rows: rows).choose(county: county, year: year)
        return rows.filter { $0.countyCode == chosen.code && $0.year == chosen.year }
    }

    private static func choices(_ counties: [CountySummary]) -> [CountyYearChoiceError.Choice] {
        counties.flatMap { summary in summary.years.map { .init(code: summary.code, year: $0, name: summary.name) } }
    }
}
