import ArgumentParser
import Domain
import Foundation
import Interchange

/// `junheng evaluate`: the official evaluation of every county and year in a schools file
/// (data-format.md, "junheng evaluate").
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate counties against a standard (督导评估).",
        discussion: """
            Exit status: 0 when the file was evaluated (whatever the verdict), 65 when a file is \
            refused (each problem printed to stderr as FILE:ROW:COLUMN: message), 64 for bad usage.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @Argument(help: "The schools file (CSV, UTF-8 or GB18030; Chinese or English headers).")
    var file: String

    @Option(help: "quality-2017 (default), basic-2012, or the path of a province's standard file.")
    var standard = "quality-2017"

    @Option(help: "County facts file (year, county_code, item, value, evidence).")
    var facts: String?

    @Option(help: "Only this school year.")
    var year: Int?

    @Option(help: "Only this county (6-digit code).")
    var county: String?

    @Option(help: "table (default, for people), json or csv.")
    var format: Format = .table

    @OptionGroup var language: LanguageOption

    func run() throws {
        let language = try language.resolved()
        let standard: Standard
        do {
            standard = try StandardSource.load(self.standard)
        } catch let error as StandardError {
            printError(error.description)
            throw ExitStatus.dataError
        }
        var schools = try readSchools(file, language: language)
        if let year { schools.removeAll { $0.year != year } }
        if let county { schools.removeAll { $0.countyCode != county } }
        let countyFacts = try facts.map { try readFacts($0, standard: standard, language: language) }
        let results = Evaluator(standard: standard).evaluate(schools, facts: countyFacts)

        switch format {
        case .json:
            writeOutput(EvaluationJSON(standard: standard, language: language).document(results).serialized() + "\n")
        case .csv:
            writeOutput(EvaluationCSV(standard: standard).document(results))
        case .table:
            let table = EvaluationTable(standard: standard, language: language)
            if results.isEmpty {
                printError(language.pick("没有符合条件的学校记录", "no school rows match"))
            }
            writeOutput(results.reduce(into: table.title) { $0 += table.county($1) })
        }
        // Everything is written (unbuffered). Ending here spares releasing a province's rows
        // and results one object at a time, which the operating system does at once.
        withExtendedLifetime((schools, results)) { Foundation.exit(0) }
    }
}

/// Reads and validates a schools file, or prints every problem and stops with status 65.
func readSchools(_ path: String, language: Language) throws -> [SchoolYear] {
    let bytes = try readFile(path)
    do {
        let file = try SchoolsReader(language: language).read(bytes, file: path)
        file.warnings.forEach { printError($0) }
        return file.schools
    } catch {
        error.errors.forEach { printError($0.description) }
        throw ExitStatus.dataError
    }
}

/// Reads and validates a facts file against `standard`, or stops with status 65.
func readFacts(_ path: String, standard: Standard, language: Language) throws -> [CountyFact] {
    let bytes = try readFile(path)
    do {
        let file = try FactsReader(standard: standard, language: language).read(bytes, file: path)
        file.warnings.forEach { printError($0) }
        return file.facts
    } catch {
        error.errors.forEach { printError($0.description) }
        throw ExitStatus.dataError
    }
}
