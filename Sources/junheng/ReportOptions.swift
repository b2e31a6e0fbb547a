import ArgumentParser
import Domain
import Reports
import Spreadsheet

/// `--format table|json|csv`, `--out FILE.xlsx` and `--html FILE.html`, shared by the commands
/// that present one result: the result is built once as a ``Reports/Report`` and each option
/// picks a renderer.
struct ReportOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @Option(help: "table (default, for people), json or csv (one row per item of the main table).")
    var format: Format = .table

    @Option(help: "Also write the result as a workbook (.xlsx).")
    var out: String?

    @Option(help: "Also write the result as one printable HTML document to publish (.html).")
    var html: String?

    func validate() throws {
        if let out, !out.lowercased().hasSuffix(".xlsx") { throw ValidationError("--out must end in .xlsx") }
        if let html, !html.lowercased().hasSuffix(".html") && !html.lowercased().hasSuffix(".htm") { throw ValidationError("--html must end in .html") }
    }

    /// Writes the workbook when `--out` is given and the printable document when `--html` is
    /// (`printed` when the page shows more than the report, e.g. a map; status 73 when a file
    /// cannot be written), then the chosen format to stdout: the report as text, `json()` as
    /// is, or `table` as CSV.
    func write(_ report: Reports.Report, csv table: ReportTable, json: () throws -> String, summaryName: String, language l: Language,
               printed: (() -> Reports.Report)? = nil, subtitle: String? = nil) throws {
        if let html {
            let page = printed?() ?? report
            let document = PrintableHTMLRenderer(language: l).document([page], title: page.title, subtitle: subtitle)
            do { try writeFile(Array(document.utf8), to: html) } catch {
                printError("\(html): \(error)")
                throw ExitStatus.cannotCreate
            }
        }
        if let out {
            do {
                try writeFile(try XLSXRenderer(language: l, summaryName: summaryName).workbook(report), to: out)
            } catch let error as XLSXError {
                printError(error.message(in: l))
                throw ExitStatus.cannotCreate
            }
        }
        switch format {
        case .table: writeOutput(TerminalRenderer(language: l).text(report))
        case .json: writeOutput(try json())
        case .csv: writeOutput(CSVRenderer().document(table))
        }
    }
}
