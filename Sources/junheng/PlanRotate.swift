import ArgumentParser
import Domain
import Foundation
import Interchange
import Reports
import Spreadsheet
import UseCases

extension Plan {
    /// `junheng plan rotate SCHOOLS TEACHERS`: the yearly rotation plan of one county (交流轮岗方案),
    /// made by ``RotationPlanner`` and written by the Interchange rotation writers.
    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The yearly teacher rotation plan of one county (交流轮岗方案).",
            discussion: """
                Moves eligible teachers by swaps (see README, plan rotate): by default the fewest that meet the \
                quotas (10 % of eligible teachers, 20 % of movers backbone), bring each teacher CV under its \
                limit × (1 − 0.02) where a rotation can and reach rural title parity; --objective equalize lowers \
                every CV as far as it goes. --rules FILE, JSON, changes the rules (objective, cv_margin, max_movers \
                among them). Prints the quota checks for teachers and principals, the movers against the required \
                number and why each step moved whom, the three teacher CVs before and after, the model's steps, \
                the title structure, the moves, each school's teachers before and after against its staffing \
                need, the teacher counts that differ from the schools file, and the rural-service record. \
                --out FILE.xlsx also writes it all as a workbook. Exit status: 0, 65 when a file is refused, \
                64 for bad usage, 73 when --out cannot be written.
                """)

        @OptionGroup var input: CountyYearOption

        @Argument(help: "The teachers file: CSV or XLSX (see README, 教师信息文件).")
        var teachers: String

        @OptionGroup var output: ReportOptions

        @Option(help: "Rotation rules, JSON (keys as in RotationRules; missing keys keep the defaults).")
        var rules: String?

        @Option(help: "What the plan minimises: fewest-moves (the quotas, the CV limits and title parity with the fewest moves; the default) or equalize (every CV as low as it goes). Overrides the rules' objective.")
        var objective: RotationObjective?

        @OptionGroup var language: LanguageOption

        func run() throws {
            let l = try language.resolved()
            // Every input is read and checked before anything is written.
            let rows = try input.rows(language: l)
            guard let dataYear = rows.first?.year else { throw ValidationError(l.pick("学校数据为空", "the schools file has no rows")) }
            let codes = Set(rows.map(\.schoolCode))
            let roster = try readDataFile(teachers, \.warnings) {
                try TeachersReader(referenceYear: dataYear, language: l).read($0, file: teachers)
            }.teachers.filter { codes.contains($0.schoolCode) }
            var rotationRules = try rules.map { try readRotationRules($0, language: l) } ?? .defaults
            if let objective { rotationRules.objective = objective }

            let (plan, record, differences) = PlanRotation(rules: rotationRules).plan(schools: rows, teachers: roster, year: dataYear)

            let builder = RotationReport(schools: rows, teachers: roster, language: l)
            try output.write(
                builder.report(plan, ruralService: record, differences: differences, rules: rotationRules), csv: builder.moves(plan),
                json: {
                    let document = RotationPlanDocument(plan, ruralService: record, differences: differences, schools: rows)
                    return try JSONValue(encoding: document).serialized() + "\n"
                },
                summaryName: builder.summaryName, language: l)
        }
    }
}

/// `--objective fewest-moves|equalize` (the rules file's spelling, `fewest_moves`, too).
extension RotationObjective: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.replacingOccurrences(of: "-", with: "_"))
    }

    public static var allValueStrings: [String] { allCases.map { $0.rawValue.replacingOccurrences(of: "_", with: "-") } }
}

/// Reads a rules file (JSON, keys as in ``RotationRules``) as the web reads uploaded rules
/// (``RotationRulesInput``), or prints its problems and stops with status 65.
/// Reads a rotation rules file (JSON), printing its warnings, or prints its problems and stops with status 65.
func readRotationRules(_ path: String, language: Language) throws -> RotationRules {
    switch RotationRulesInput.read(UploadedFile(name: path, bytes: try readFile(path)), language: language) {
    case let .success((rules, warnings)):
        warnings.forEach { printError($0) }
        return rules
    case let .failure(error):
        error.lines.forEach { printError($0) }
        throw ExitStatus.dataError
    }
}
