import ArgumentParser
import Domain
import Foundation
import Interchange
import Reports
import Spreadsheet
import UseCases

/// `junheng plan`: plans over one county's data (规划). `invest` is the remediation plan.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan for one county: what to add, where, and at what cost (规划).",
        subcommands: [Invest.self, Whatif.self, Rotate.self])
}

extension Plan {
    /// `junheng plan invest FILE`: the cheapest plan found to make one county's resource
    /// allocation pass, optionally laid out over yearly budgets.
    struct Invest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The least-cost investment plan to make the resource allocation pass (资源配置达标投入方案).",
            discussion: """
                Plans one county and year: when the schools file holds several, choose one with --county and \
                --year. Prices come from --costs (item,unit,unit_cost[,locality]) over the built-in defaults; \
                --budget (year,budget) lays the plan out year by year. Exit status: 0 when a plan was made, \
                65 when an input file is refused (each problem printed to stderr as FILE:ROW:COLUMN: message) \
                or no plan can be made, 64 for bad usage, 73 when --out cannot be written.
                """)

        @Argument(help: "The schools file: CSV (UTF-8 or GB18030) or XLSX; Chinese or English headers.")
        var file: String

        @Option(help: "The worksheet to read when the schools file is a workbook (default: the first).")
        var sheet: String?

        @Option(help: "Unit costs file, CSV or XLSX (item, unit, unit_cost, locality); default: the built-in prices.")
        var costs: String?

        @Option(help: "Yearly budgets file, CSV or XLSX (year, budget in yuan): schedule the plan over them.")
        var budget: String?

        @Option(help: "The county to plan for (6-digit code).")
        var county: String?

        @Option(help: "The school year to plan for.")
        var year: Int?

        @Option(help: "quality-2017 (default) or the path of a province's standard file that judges each indicator's CV.")
        var standard = "quality-2017"

        @OptionGroup var output: ReportOptions

        @OptionGroup var language: LanguageOption

        func run() throws {
            let l = try language.resolved()
            let standard = try loadStandard(self.standard)
            let schools = try select(readSchools(file, sheet: sheet, language: l), county: county, year: year, language: l)
            let prices = try costs.map { try readCosts($0, language: l) } ?? .defaults
            let budgets = try budget.map { try readBudgets($0, language: l) }

            let plan: InvestmentPlan
            let schedule: BudgetSchedule?
            do {
                let made = PlanInvestment(standard: standard, costs: prices).plan(schools, budgets: budgets)
                plan = try made.plan.get()
                schedule = try made.schedule?.get()
            } catch {
                printError(error.message(in: l))
                throw ExitStatus.dataError
            }

            let builder = PlanReport(standard: standard, language: l)
            try output.write(
                builder.report(plan, schedule: schedule), csv: builder.items(plan, schedule: schedule),
                json: { try JSONValue(encoding: InvestmentPlanDocument(plan, schedule: schedule, standard: standard, language: l)).serialized() + "\n" },
                summaryName: builder.summaryName, language: l)
        }
    }
}

/// The rows of the one county and year a plan is made for (``CountyYearChoice``): those of
/// `county` and `year` when given. Stops with a usage error (64) listing the counties and years
/// to choose from when the filters leave several, or none of a file that has rows.
func select(_ schools: [SchoolYear], county: String?, year: Int?, language l: Language) throws -> [SchoolYear] {
    do {
        return try CountyYearChoice.rows(schools, county: county, year: year)
    } catch {
        printError(error.message(in: l) + (error.needsNarrowing ? l.pick("（用 --county 和 --year）", " with --county and --year") : ""))
        throw ExitStatus.usage
    }
}

/// Reads and validates a costs file, or prints every problem and stops with status 65.
private func readCosts(_ path: String, language: Language) throws -> UnitCosts {
    let bytes = try readFile(path)
    do {
        let file = try UnitCostsReader(language: language).read(bytes, file: path)
        file.warnings.forEach { printError($0) }
        return file.costs
    } catch {
        error.errors.forEach { printError($0.description) }
        throw ExitStatus.dataError
    }
}

/// Reads and validates a budget file, or prints every problem (or that it has no year) and
/// stops with status 65.
private func readBudgets(_ path: String, language: Language) throws -> [YearBudget] {
    let bytes = try readFile(path)
    let file: BudgetFile
    do {
        file = try BudgetReader(language: language).read(bytes, file: path)
    } catch {
        error.errors.forEach { printError($0.description) }
        throw ExitStatus.dataError
    }
    file.warnings.forEach { printError($0) }
    guard !file.budgets.isEmpty else {
        printError("\(path): " + language.pick("预算文件没有任何年度", "the budget file has no year"))
        throw ExitStatus.dataError
    }
    return file.budgets
}
