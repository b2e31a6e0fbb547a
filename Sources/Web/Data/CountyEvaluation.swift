import Domain
import Storage

/// A county's year as the pages and the API show it: the stored rows and facts, the
/// evaluation computed from them (never stored: the store keeps data, not indicators), the
/// years available, and the lock.
struct CountyEvaluation: Sendable {
    var countyCode: String
    var countyName: String?
    var year: Int
    /// Every year the county has rows for, ascending.
    var years: [Int]
    var schools: [SchoolYear]
    var facts: [CountyFact]
    var result: CountyResult
    var lock: YearLock?

    /// Loads and evaluates `county` in `year` (its latest year when `nil`).
    ///
    /// - Throws: ``WebError/notFound`` when the county has no rows in that year.
    static func load(county: String, year: Int?, services: WebServices) async throws -> CountyEvaluation {
        let store = services.store
        guard let summary = try await store.counties().first(where: { $0.code == county }),
              let chosen = year ?? summary.years.last, summary.years.contains(chosen) else {
            throw WebError.notFound
        }
        let schools = try await store.schoolYears(county: county, year: chosen)
        let facts = try await store.facts(year: chosen, counties: [county])
        guard let result = services.evaluator.evaluate(schools, facts: facts).first(where: { $0.countyCode == county }) else {
            throw WebError.notFound
        }
        let lock = try await store.locks(county: county).first { $0.year == chosen }
        return CountyEvaluation(
            countyCode: county, countyName: summary.name, year: chosen, years: summary.years,
            schools: schools, facts: facts, result: result, lock: lock
        )
    }

    /// The display name: 名称（代码）.
    var title: String { countyName.map { "\($0)（\(countyCode)）" } ?? countyCode }
}
