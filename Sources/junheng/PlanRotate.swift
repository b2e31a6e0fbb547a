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
                Plans one county and year: when the schools file holds several, choose one with --county and \
                --year. Moves eligible teachers by swaps (see README, plan rotate) until the quotas hold (10 % of \
                eligible teachers, 20 % of movers backbone; --rules FILE, JSON, changes them). Prints the quota \
                checks for teachers and principals, the three teacher CVs before and after, the model's steps, \
                the title structure, the moves, each school's teachers before and after against its staffing \
                need, the teacher counts that differ from the schools file, and the rural-service record. \
                --out FILE.xlsx also writes it all as a workbook. Exit status: 0, 65 when a file is refused, \
                64 for bad usage, 73 when --out cannot be written.
                """)

        @Argument(help: "The schools file: CSV (UTF-8 or GB18030) or XLSX; Chinese or English headers.")
        var schools: String

        @Argument(help: "The teachers file: CSV or XLSX (see README, 教师信息文件).")
        var teachers: String

        @Option(help: "Rotation rules, JSON (keys as in RotationRules; missing keys keep the defaults).")
        var rules: String?

        @Option(help: "The county (6-digit code).")
        var county: String?

        @Option(help: "The school year.")
        var year: Int?

        @OptionGroup var output: ReportOptions

        @OptionGroup var language: LanguageOption

        func run() throws {
            let l = try language.resolved()
            // Every input is read and checked before anything is written.
            let rows = try select(readSchools(schools, sheet: nil, language: l), county: county, year: year, language: l)
            guard let dataYear = rows.first?.year else { throw ValidationError(l.pick("学校数据为空", "the schools file has no rows")) }
            let codes = Set(rows.map(\.schoolCode))
            let roster = try readTeachers(teachers, year: dataYear, language: l).filter { codes.contains($0.schoolCode) }
            let rotationRules = try rules.map { try readRules($0, language: l) } ?? .defaults

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

/// Reads a rules file (JSON, keys as in ``RotationRules``) as the web reads uploaded rules
/// (``RotationRulesInput``), or prints its problems and stops with status 65.
private func readRules(_ path: String, language: Language) throws -> RotationRules {
    switch RotationRulesInput.read(UploadedFile(name: path, bytes: try readFile(path)), language: language) {
    case let .success((rules, warnings)):
        warnings.forEach { printError($0) }
        return rules
    case let .failure(error):
        error.lines.forEach { printError($0) }
        throw ExitStatus.dataError
    }
}

/// Reads and validates a teachers file, or prints every problem and stops with status 65.
func readTeachers(_ path: String, year: Int, language: Language) throws -> [Teacher] {
    let bytes = try readFile(path)
    do {
        let file = try TeachersReader(referenceYear: year, language: language).read(bytes, file: path)
        file.warnings.forEach { printError($0) }
        return file.teachers
    } catch {
        error.errors.forEach { printError($0.description) }
        throw ExitStatus.dataError
    }
}
