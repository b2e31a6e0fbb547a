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
        subcommands: [Invest.self, Whatif.self, Rotate.self, Zones.self, Layout.self, Quota.self, Funding.self])
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

        @Option(help: "The teachers file, CSV or XLSX: the rotation plan's moves become the first teacher lever (交流轮岗).")
        var teachers: String?

        @Option(help: "Rotation rules, JSON, for the rotation lever (as for plan rotate).")
        var rules: String?

        @Option(help: "Years of salary a new post weighs against a one-off purchase (1–40; default 5).")
        var postYears: Double?

        @OptionGroup var output: ReportOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let l = try language.resolved()
            let standard = try self.standard.load()
            let schools = try input.rows(language: l)
            var prices = try costs.map { path in
                try readDataFile(path, \.warnings) { try UnitCostsReader(language: l).read($0, file: path) }.costs
            } ?? .defaults
            if let postYears {
                guard postYears.isFinite, (1...UnitCosts.maximumPostYears).contains(postYears) else {
                    throw ValidationError(l.pick("--post-years 须在 1 至 40 之间", "--post-years must be between 1 and 40"))
                }
                prices.postYears = postYears
            }
            let budgets = try budget.map { try readBudgets($0, language: l) }
            let roster = try teachers.map { path in
                try readDataFile(path, \.warnings) {
                    try TeachersReader(referenceYear: schools.first?.year ?? 0, language: l).read($0, file: path)
                }.teachers
            }
            let rotationRules = try rules.map { try readRotationRules($0, language: l) } ?? .defaults

            let plan: InvestmentPlan
            let schedule: BudgetSchedule?
            do {
                let made = PlanInvestment(standard: standard, costs: prices, rotationRules: rotationRules)
                    .plan(schools, budgets: budgets, teachers: roster)
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
