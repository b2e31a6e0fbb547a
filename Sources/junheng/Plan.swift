import ArgumentParser
import Domain
import Foundation
import Interchange
import Planning
import Reports
import Spreadsheet

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

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table, json, csv
        }

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

        @Option(help: "table (default, for people), json or csv (one row per item).")
        var format: Format = .table

        @Option(help: "Also write the plan as a workbook (.xlsx).")
        var out: String?

        @OptionGroup var language: LanguageOption

        func validate() throws {
            if let out, !out.lowercased().hasSuffix(".xlsx") { throw ValidationError("--out must end in .xlsx") }
        }

        func run() throws {
            let l = try language.resolved()
            let standard = try loadStandard(self.standard)
            let schools = try select(readSchools(file, sheet: sheet, language: l), county: county, year: year, language: l)
            let prices = try costs.map { try readCosts($0, language: l) } ?? .defaults
            let budgets = try budget.map { try readBudgets($0, language: l) }

            let plan: InvestmentPlan
            var schedule: BudgetSchedule?
            do {
                plan = try InvestmentPlanner(standard: standard, costs: prices).plan(schools)
                if let budgets {
                    schedule = try BudgetSchedule(plan: plan, budgets: budgets, standard: standard, schools: schools)
                }
            } catch {
                printError(error.message(in: l))
                throw ExitStatus.dataError
            }

            if let out {
                do {
                    try writeFile(try PlanXLSX(standard: standard, language: l).workbook(plan, schedule: schedule), to: out)
                } catch let error as XLSXError {
                    printError(error.message(in: l))
                    throw ExitStatus.cannotCreate
                }
            }
            switch format {
            case .table:
                writeOutput(PlanTable(standard: standard, language: l).document(plan, schedule: schedule))
            case .json:
                writeOutput(try JSONValue(encoding: InvestmentPlanDocument(plan, schedule: schedule, standard: standard, language: l)).serialized() + "\n")
            case .csv:
                writeOutput(PlanCSV(standard: standard).document(plan, schedule: schedule))
            }
        }
    }
}

/// The rows of the one county and year a plan is made for: those of `county` and `year` when
/// given. Stops with a usage error (64) listing the counties and years to choose from when the
/// filters leave several, or none of a file that has rows.
func select(_ schools: [SchoolYear], county: String?, year: Int?, language l: Language) throws -> [SchoolYear] {
    let chosen = schools.filter { (year == nil || $0.year == year) && (county == nil || $0.countyCode == county) }
    var names: [String: String] = [:]
    for school in schools where names["\(school.countyCode) \(school.year)", default: ""].isEmpty {
        names["\(school.countyCode) \(school.year)"] = school.countyName ?? ""
    }
    func list(_ rows: [SchoolYear]) -> String {
        Set(rows.map { "\($0.countyCode) \($0.year)" }).sorted().map { key in
            let name = names[key] ?? ""
            return name.isEmpty ? key : l.pick("\(key)（\(name)）", "\(key) (\(name))")
        }.joined(separator: l.pick("、", ", "))
    }
    if Set(chosen.map { "\($0.countyCode) \($0.year)" }).count > 1 {
        printError(l.pick(
            "数据含多个县区或年度：\(list(chosen))。请用 --county 和 --year 选择一个",
            "the data holds several counties or years: \(list(chosen)). Choose one with --county and --year"))
        throw ExitStatus.usage
    }
    if chosen.isEmpty, !schools.isEmpty {
        printError(l.pick(
            "没有符合 --county/--year 的学校记录；数据含：\(list(schools))",
            "no school rows match --county/--year; the data holds: \(list(schools))"))
        throw ExitStatus.usage
    }
    return chosen
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
