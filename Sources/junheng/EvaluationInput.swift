import ArgumentParser
import Domain
import UseCases

/// What every command that evaluates reads: the schools file, the standard, the facts, and
/// the county and year filters (`junheng evaluate`, `junheng report`).
struct EvaluationInput: ParsableArguments {
    @OptionGroup var schools: SchoolsFileOption
    @OptionGroup var standard: StandardOption
    @OptionGroup var facts: FactsFileOption

    @Option(help: "Only this school year.")
    var year: Int?

    @Option(help: "Only this county (6-digit code).")
    var county: String?

    /// Reads the files and evaluates, or stops with status 65 and every problem printed.
    func evaluate(language: Language) throws -> (Standard, [SchoolYear], [CountyResult]) {
        let standard = try self.standard.load()
        let rows = try schools.rows(language: language)
        let countyFacts = try facts.read(standard: standard, language: language)
        let (schools, results) = EvaluateCounties(standard: standard).evaluate(rows, facts: countyFacts, year: year, county: county)
        return (standard, schools, results)
    }

    /// Says on standard error that the filters left no school rows (the report is then empty).
    static func sayNoneMatch(_ language: Language) {
        printError(language.pick("没有符合条件的学校记录", "no school rows match"))
    }
}
