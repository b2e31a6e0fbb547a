import Domain
import Storage

/// The official evaluation (督导评估) of counties against a standard: of every county and year
/// of a file's rows (`junheng evaluate`, `junheng report`), or of one county-year in the store
/// (the county page, the school page, the API). The same rows give the same result either way.
///
/// ```swift
/// let evaluate = EvaluateCounties(standard: try .builtIn("quality-2017"))
/// let (rows, results) = evaluate.evaluate(rows, facts: facts, year: 2025, county: nil)
/// let stored = try await evaluate.evaluate(county: "430250", year: 2025, store: store)
/// ```
public struct EvaluateCounties: Sendable {
    /// The standard judged against.
    public var standard: Standard

    /// Makes the value from its parts.
    public init(standard: Standard) {
        self.standard = standard
    }

    /// The rows of `year` and `county` (every one when `nil`: a file may hold a province) and
    /// the evaluation of each county and year among them, in the evaluator's order.
    ///
    /// The items the data decide (school size and class size from the rows; zones and migrant
    /// children from `data`'s blocks) are computed and replace the typed ones
    /// (``ComputeCountyItems``) whenever the facts part is evaluated.
    public func evaluate(_ rows: [SchoolYear], facts: [CountyFact]?, year: Int?, county: String?,
                         data: CountyItemData? = nil) -> (schools: [SchoolYear], results: [CountyResult]) {
        var schools = rows
        if let year { schools.removeAll { $0.year != year } }
        if let county { schools.removeAll { $0.countyCode != county } }
        let facts = ComputeCountyItems(standard: standard).facts(recorded: facts, rows: schools, data: data)
        return (schools, Evaluator(standard: standard).evaluate(schools, facts: facts))
    }

    /// The stored county-year evaluated.
    public func evaluate(_ data: CountyYearData, items: CountyItemData? = nil) -> CountyEvaluation? {
        let facts = ComputeCountyItems(standard: standard).facts(recorded: data.facts, rows: data.schools, data: items) ?? data.facts
        guard let result = Evaluator(standard: standard).evaluate(data.schools, facts: facts)
            .first(where: { $0.countyCode == data.chosen.code }) else { return nil }
        return CountyEvaluation(
            countyCode: data.chosen.code, countyName: data.chosen.name, year: data.chosen.year, years: data.chosen.years,
            schools: data.schools, facts: facts, result: result, lock: data.lock)
    }

    /// Loads and evaluates `county` in `year` (its latest year when `nil`), with its stored
    /// zoning data (``ZoneDataStore``) and care data (``CareDataStore``): when the county has
    /// blocks, items 13 and 15 are computed from them and the year's rows, as `junheng
    /// evaluate --blocks` computes them; with a register or cohorts of the year, quality items
    /// 1 and 2 and item 15 from them;
    /// then the zones are planned on `work` (a county's plan is the heavy part).
    ///
    /// - Throws: ``CountyYearChoiceError`` when the county has no rows in that year.
    public func evaluate(county: String, year: Int?, store: any Store, work: any WorkRunner = InlineWork()) async throws -> CountyEvaluation {
        let data = try await LoadCountyYear(store: store).load(county: county, year: year)
        let items = try await CountyItemData.stored(county: county, year: data.chosen.year, store: store)
        let evaluated: CountyEvaluation?
        if let items {
            let counties = self
            evaluated = try await work.run { counties.evaluate(data, items: items) }
        } else {
            evaluated = evaluate(data)
        }
        guard let evaluation = evaluated else {
            // The summary listed the year but its rows are gone (deleted in between).
            throw CountyYearChoiceError(kind: .noDataForYear(county: county, year: data.chosen.year), choices: [])
        }
        return evaluation
    }
}
