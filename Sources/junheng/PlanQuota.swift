import ArgumentParser
import Domain
import Foundation
import Interchange
import Reports
import UseCases

extension Plan {
    /// `junheng plan quota SCHOOLS QUOTA`: quality high schools' places allocated to junior
    /// schools (优质高中招生名额分配到校, 指标到校) through ``PlanQuota``.
    struct Quota: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Quality high-school places allocated to junior schools (指标到校).",
            discussion: """
                Each row of the quota file (high_school, year, total_places, allocated_share, optional county_code, \
                min_per_school, rural_weight) allocates ⌈allocated_share × total_places⌉ places to the junior schools of \
                its county (every county when county_code is empty) and year in the schools file, in proportion to each \
                school's eligible graduates (schools-file columns graduates 初中应届毕业生数 and eligible \
                指标到校符合条件人数; empty eligible = all graduates), rural schools' counted (1 + rural_weight) times, in \
                whole places by --method: largest_remainder (default), sainte_lague, dhondt or huntington_hill; each \
                school first gets min_per_school. Ties go to the larger weight, then the smaller school code, or by a \
                lottery with --seed. With --group-small-schools, schools whose share is under half a place are \
                allocated together and then among themselves. Reports item 14 of the 2017 method: the share allocated \
                (≥ 50 %) and whether rural schools' share of the places is at least their share of the graduates. \
                Exit status: 0, 65 when a file is refused, 64 for bad usage, 73 when an output cannot be written.
                """)

        @Argument(help: "The schools file (学校年度数据) with graduates: CSV or XLSX.")
        var schools: String

        @Argument(help: "The quota file (优质高中招生计划): CSV or XLSX (see README, 指标到校文件).")
        var quota: String

        @Option(help: "largest_remainder (default), sainte_lague, dhondt or huntington_hill.")
        var method: ApportionmentMethod = .largestRemainder

        @Option(help: "Settle ties by a lottery with this seed (published in the report) instead of by school code.")
        var seed: UInt64?

        @Flag(help: "Allocate schools whose share is under half a place together (小规模学校联合分配).")
        var groupSmallSchools = false

        @OptionGroup var output: ReportOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let l = try language.resolved()
            let rows = try readSchools(schools, sheet: nil, language: l)
            let quotaFile = try readDataFile(quota, \.warnings) { try QuotaReader(language: l).read($0, file: quota) }
            try refusingProblems { try QuotaInputCheck(language: l).check(quotas: quotaFile, schools: rows) }
            let rules = QuotaRules(method: method, lotterySeed: seed, groupSmallSchools: groupSmallSchools)
            let allocations: [QuotaAllocation]
            do {
                allocations = try PlanQuota(rules: rules).allocate(quotaFile.quotas, schools: rows)
            } catch {
                printError(error.message(in: l))
                throw ExitStatus.dataError
            }
            let builder = QuotaReport(language: l)
            try output.write(builder.report(allocations, rules: rules), csv: builder.places(allocations), json: {
                try JSONValue(encoding: QuotaPlanDocument(allocations, rules: rules)).serialized() + "\n"
            }, summaryName: builder.summaryName, language: l)
        }
    }
}

extension ApportionmentMethod: ExpressibleByArgument {}
