import ArgumentParser
import Domain
import Foundation
import Interchange
import Reports
import Spreadsheet

/// `junheng report`: the county evaluation report (评估报告) as a workbook for the province or a
/// printable HTML page for publication — one summary row per county, then each county's details.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the evaluation report: .xlsx (official tables) or .html (printable, with charts).",
        discussion: """
            Exit status: 0 when the report was written (whatever the verdict), 65 when an input \
            file is refused (each problem printed to stderr), 64 for bad usage, 73 when the report \
            cannot be written.
            """)

    @OptionGroup var input: EvaluationInput

    @Option(help: "The report to write; its extension chooses the kind: .xlsx or .html.")
    var out: String

    @Option(help: "The report's title (HTML; default: the standard's name).")
    var title: String?

    @OptionGroup var language: LanguageOption

    private enum Kind { case workbook, page }

    private var kind: Kind? {
        let lower = out.lowercased()
        return lower.hasSuffix(".xlsx") ? .workbook : lower.hasSuffix(".html") || lower.hasSuffix(".htm") ? .page : nil
    }

    func validate() throws {
        guard kind != nil else { throw ValidationError("--out must end in .xlsx or .html") }
    }

    func run() throws {
        let language = try language.resolved()
        let (standard, schools, results) = try input.evaluate(language: language)
        if results.isEmpty {
            EvaluationInput.sayNoneMatch(language)
        }
        switch kind! {
        case .workbook:
            do {
                try writeFile(try EvaluationReport(standard: standard, language: language).workbook(results), to: out)
            } catch let error as XLSXError {
                printError(error.message(in: language))
                throw ExitStatus.cannotCreate
            }
        case .page:
            let page = EvaluationReport(standard: standard, language: language).printableDocument(results, schools: schools, title: title)
            try writeFile(Array(page.utf8), to: out)
        }
    }
}
