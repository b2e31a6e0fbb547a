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
                Prices come from --costs (item,unit,unit_cost[,locality]) over the built-in defaults; \
                --budget (year,budget) lays the plan out year by year. The plan needs a standard that judges \
                each indicator's CV (quality-2017, or a province's standard file that does). Exit status: 0 when a plan was made, \
                65 when an input file is refused (each problem printed to stderr as FILE:ROW:COLUMN: message) \
                or no plan can be made, 64 for bad usage, 73 when --out cannot be written.
                """)

        @OptionGroup var input: CountyYearOption

        @Option(help: "Unit costs file, CSV or XLSX (item, unit, unit_cost, locality); default: the built-in prices.")
        var costs: String?

        @OptionGroup var standard: StandardOption

        @Option(help: "Yearly budgets file, CSV or XLSX (year, budget in yuan): schedule the plan over them.")
        var budget: String?

        @OptionGroup var output: ReportOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let l = try language.resolved()
            let standard = try self.standard.load()
            let schools = try input.rows(language: l)
            let prices = try costs.map { path in
                try readDataFile(path, \.warnings) { try UnitCostsReader(language: l).read($0, file: path) }.costs
            } ?? .defaults
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

/// Reads and validates a budget file, or prints every problem (or that it has no year) and
/// stops with status 65.
private func readBudgets(_ path: String, language: Language) throws -> [YearBudget] {
    let file = try readDataFile(path, \.warnings) { try BudgetReader(language: language).read($0, file: path) }
    guard !file.budgets.isEmpty else {
        printError("\(path): " + PlanningError.noBudget.message(in: language))
        throw ExitStatus.dataError
    }
    return file.budgets
}
