import ArgumentParser
import Domain
import Interchange
import Spreadsheet

/// `junheng template`: empty import workbooks for the bureau's clerks to fill.
struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an import template workbook (导入模板).",
        subcommands: [Schools.self])

    /// `junheng template schools --out schools.xlsx`
    struct Schools: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The schools template: Chinese headers, drop-down lists, number checks and an instructions sheet (说明).")

        @Option(help: "The workbook to write (.xlsx).")
        var out: String

        @OptionGroup var standard: StandardOption
        @OptionGroup var language: LanguageOption

        func validate() throws {
            guard out.lowercased().hasSuffix(".xlsx") else { throw ValidationError("--out must name an .xlsx file") }
        }

        func run() throws {
            let template = SchoolsTemplate(standard: try standard.load(), language: try language.resolved())
            do {
                try writeFile(try template.workbook(), to: out)
            } catch let error as XLSXError {
                printError(error.description)
                throw ExitStatus.cannotCreate
            }
        }
    }
}
