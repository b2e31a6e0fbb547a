import ArgumentParser
import Domain
import Foundation
import Interchange
import Reports

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

    @OptionGroup var input: EvaluationInput

    @Option(help: "table (default, for people), json or csv.")
    var format: Format = .table

    @OptionGroup var language: LanguageOption

    func run() throws {
        let language = try language.resolved()
        let (standard, schools, results) = try input.evaluate(language: language)

        switch format {
        case .json:
            writeOutput(try JSONValue(encoding: EvaluationDocument(results, standard: standard, language: language)).serialized() + "\n")
        case .csv:
            writeOutput(EvaluationCSV(standard: standard).document(results))
        case .table:
            if results.isEmpty {
                EvaluationInput.sayNoneMatch(language)
            }
            let report = EvaluationReport(standard: standard, language: language).report(results)
            writeOutput(TerminalRenderer(language: language).text(report))
        }
        // Everything is written (unbuffered). Ending here spares releasing a province's rows
        // and results one object at a time, which the operating system does at once.
        withExtendedLifetime((schools, results)) { Foundation.exit(0) }
    }
}
