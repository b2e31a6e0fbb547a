import ArgumentParser
import Domain
import Interchange
import UseCases

/// What every command that evaluates reads: the schools file, the standard, the facts, and
/// the county and year filters (`junheng evaluate`, `junheng report`).
struct EvaluationInput: ParsableArguments {
    @Argument(help: "The schools file: CSV (UTF-8 or GB18030) or XLSX; Chinese or English headers.")
    var file: String

    @Option(help: "The worksheet to read when the schools file is a workbook (default: the first).")
    var sheet: String?

    @Option(help: "quality-2017 (default), basic-2012, or the path of a province's standard file.")
    var standard = "quality-2017"

    @Option(help: "County facts file, CSV or XLSX (year, county_code, item, value, evidence).")
    var facts: String?

    @Option(help: "The worksheet to read when the facts file is a workbook (default: the first).")
    var factsSheet: String?

    @Option(help: "Only this school year.")
    var year: Int?

    @Option(help: "Only this county (6-digit code).")
    var county: String?

    /// Reads the files and evaluates, or stops with status 65 and every problem printed.
    func evaluate(language: Language) throws -> (Standard, [SchoolYear], [CountyResult]) {
        let standard = try loadStandard(self.standard)
        let rows = try readSchools(file, sheet: sheet, language: language)
        let countyFacts = try facts.map { try readFacts($0, sheet: factsSheet, standard: standard, language: language) }
        let (schools, results) = EvaluateCounties(standard: standard).evaluate(rows, facts: countyFacts, year: year, county: county)
        return (standard, schools, results)
    }
}

/// Reads and validates a schools file, or prints every problem and stops with status 65.
func readSchools(_ path: String, sheet: String?, language: Language) throws -> [SchoolYear] {
    let bytes = try readFile(path)
    do {
        let file = try SchoolsReader(language: language).read(bytes, file: path, sheet: sheet)
        file.warnings.forEach { printError($0) }
        return file.schools
    } catch {
        error.errors.forEach { printError($0.description) }
        throw ExitStatus.dataError
    }
}

/// Reads and validates a facts file against `standard`, or stops with status 65.
func readFacts(_ path: String, sheet: String?, standard: Standard, language: Language) throws -> [CountyFact] {
    let bytes = try readFile(path)
    do {
        let file = try FactsReader(standard: standard, language: language).read(bytes, file: path, sheet: sheet)
        file.warnings.forEach { printError($0) }
        return file.facts
    } catch {
        error.errors.forEach { printError($0.description) }
        throw ExitStatus.dataError
    }
}
