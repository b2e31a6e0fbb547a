import Domain
import Storage

/// The province view (县区排名): the counties an account may read, evaluated for one year and
/// ranked by ``ProvinceRanking``. The year defaults to the latest year of those counties.
///
/// ```swift
/// let view = try await RankProvince(standard: standard, store: store, work: InlineWork()).rank(year: nil, for: supervisor)
/// view.rows.first?.rank   // 1
/// ```
public struct RankProvince: Sendable {
    /// The standard judged against.
    public var standard: Standard
    /// Where the data is.
    public var store: any Store
    /// Where the evaluations run: a province's are seconds of work.
    public var work: any WorkRunner

    /// Makes the value from its parts.
    public init(standard: Standard, store: any Store, work: any WorkRunner) {
        self.standard = standard
        self.store = store
        self.work = work
    }

    /// What the province page and the API show.
    public struct View: Sendable {
        /// The year ranked; `nil` when the account's counties have no rows at all.
        public var year: Int?
        /// Every year of the account's counties, ascending.
        public var years: [Int]
        /// The counties of ``year``, ranked.
        public var rows: [ProvinceRanking.Row]
    }

    /// The counties `account` may read, ranked in `year` (their latest when `nil`).
    public func rank(year asked: Int?, for account: Account) async throws -> View {
        let visible = try await store.counties().filter { account.may(.readCounty($0.code)) }
        let years = Array(Set(visible.flatMap(\.years))).sorted()
        guard let year = asked ?? years.last else { return View(year: nil, years: years, rows: []) }
        let codes = visible.filter { $0.years.contains(year) }.map(\.code)
        guard !codes.isEmpty else { return View(year: year, years: years, rows: []) }
        let schools = try await store.schoolYears(year: year, counties: codes)
        let facts = try await store.facts(year: year, counties: codes)
        // As each county page evaluates, items 4 and 5 computed from the rows; items 13 and 15 from
        // stored blocks are left to the county pages (planning every county's zones here would
        // make the ranking as slow as all of them together).
        let evaluate = EvaluateCounties(standard: standard)
        let rows = try await work.run { ProvinceRanking.rank(results: evaluate.evaluate(schools, facts: facts, year: nil, county: nil).results) }
        return View(year: year, years: years, rows: rows)
    }
}
