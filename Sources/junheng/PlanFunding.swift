import ArgumentParser
import Domain
import Foundation
import Interchange
import Reports
import UseCases

extension Plan {
    /// `junheng plan funding SCHOOLS`: every compulsory school's public funds under the funding
    /// formula (生均公用经费核定, 经费保障) through ``PlanFunding``.
    struct Funding: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Public funds of every compulsory school under the funding formula (经费保障).",
            discussion: """
                Each school's entitlement: the base amount per pupil of its stages (region central_west 600 / 800 yuan, \
                east 650 / 850), the rural uplift, +200 per boarder (boarders), special_per_pupil (6,000) for each \
                随班就读 pupil (special_pupils) and every pupil of a special school, and a village primary school or \
                teaching point of fewer than 100 pupils funded as 100. --rules FILE, JSON, replaces any of them (region, \
                base_rates, boarder_extra, rural_uplift_share, small_school_floor, special_per_pupil, training_share, \
                classes_per_room, music_room_area, art_room_area, sources). With --budget (yuan, or a budget file of \
                year,budget) short of the need, special education and the small schools at the floor are paid first and \
                the rest pro rata; each school's shortfall is shown. Also computes government items 3, 6 and 7 and \
                quality item 4 from the schools' rooms and funds, naming the schools that fail. Exit status: 0, 65 when a \
                file is refused, 64 for bad usage, 73 when an output cannot be written.
                """)

        @Argument(help: "The schools file (学校年度数据): CSV or XLSX.")
        var schools: String

        @Option(help: "Only this county (6-digit code).")
        var county: String?

        @Option(help: "Only this school year.")
        var year: Int?

        @Option(help: "The budget: yuan (thousands separators allowed), or a budget file (year, budget) whose row for the schools' year is used.")
        var budget: String?

        @Option(help: "Funding rules, JSON (keys as in FundingRules; missing keys keep the national defaults).")
        var rules: String?

        @OptionGroup var standard: StandardOption
        @OptionGroup var output: ReportOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let l = try language.resolved()
            let fundingRules = try rules.map { try readRules($0, PlanFunding.rulesInput, language: l) } ?? .defaults
            let rows = try readSchools(schools, sheet: nil, language: l).filter { (row: SchoolYear) in
                (county == nil || row.countyCode == county) && (year == nil || row.year == year)
            }
            let years = Set(rows.map(\.year)), counties = Set(rows.map(\.countyCode))
            var yuan: Double?
            if let budget {
                guard counties.count <= 1, years.count <= 1 else {
                    throw ValidationError(l.pick("--budget 只适用于一个县、一个年度：请用 --county 和 --year 选定", "--budget covers one county and year: choose them with --county and --year"))
                }
                yuan = try Self.budget(budget, year: years.first, language: l)
            }
            let funding = PlanFunding(rules: fundingRules, standard: try standard.load()).plan(rows, budget: yuan)
            let builder = FundingReport(language: l)
            try output.write(builder.report(funding), csv: builder.schools(funding.allocation), json: {
                try JSONValue(encoding: FundingPlanDocument(funding)).serialized() + "\n"
            }, summaryName: builder.summaryName, language: l)
        }

        /// `text` as yuan, or the budget file it names: its row for `year`.
        static func budget(_ text: String, year: Int?, language l: Language) throws -> Double {
            if let yuan = YuanText.budget(text) { return yuan }
            // Text that starts like a number is a mistyped amount, not a file's name.
            if YuanText.value(text) != nil {
                throw ValidationError(l.pick("--budget 应为 0 至 10 万亿元的金额", "--budget must be an amount of yuan from 0 to 10 trillion"))
            }
            let file = try readDataFile(text, \.warnings) { try BudgetReader(language: l).read($0, file: text) }
            guard let year, let row = file.budgets.first(where: { $0.year == year }) else {
                printError(l.pick("\(text): 没有\(year.map(String.init) ?? "")年度的预算", "\(text): no budget for \(year.map(String.init) ?? "the year")"))
                throw ExitStatus.dataError
            }
            return row.budget
        }
    }
}
