import Domain
import Interchange
import Planning
import Storage

/// The yearly teacher rotation plan of one county (交流轮岗方案, ``RotationPlanner``) with
/// what is shown next to it: the rural-service record after its moves and the teacher
/// counts that differ from the school rows. Of a file's rows and teachers (`junheng plan
/// rotate`) or of a stored county-year and an uploaded teachers file (the rotation page, the API).
///
/// ```swift
/// let made = PlanRotation(rules: .defaults).plan(schools: rows, teachers: roster, year: 2025)
/// made.plan.moves.count
/// ```
public struct PlanRotation: Sendable {
    /// The rules the plan followed.
    public var rules: RotationRules

    /// Makes the value from its parts.
    public init(rules: RotationRules = .defaults) {
        self.rules = rules
    }

    /// The plan of `teachers` among `schools` (one county's, of `year`), the record after its
    /// moves and the teacher counts that differ from the rows.
    /// `shared`: the teachers shared within school clusters this year (集团内互派), counted by the quota.
    public func plan(schools: [SchoolYear], teachers: [Teacher], year: Int, shared: Set<String> = [])
        -> (plan: RotationPlan, record: RuralServiceRecord, differences: [TeacherCountDifference]) {
        let plan = RotationPlanner(rules: rules).plan(schools: schools, teachers: teachers, year: year, shared: shared)
        let moves = Dictionary(plan.moves.map { ($0.teacherID, $0.to) }, uniquingKeysWith: { first, _ in first })
        return (plan, RuralServiceRecord(teachers: teachers, schools: schools, rules: rules, moves: moves),
                TeacherCountDifference.between(schools, teachers))
    }

    /// Reads the uploaded teachers file and rules (the defaults when `nil`) and plans the
    /// stored county-year, off the caller's thread (a workbook of ten thousand teachers and
    /// the planner's flows take a while). Teachers of other counties' schools are left out
    /// with a warning.
    ///
    /// - Throws: ``RotationFileError`` with every problem of the teachers file and the
    ///   rules, or when no teacher belongs to the county's schools.
    public static func plan(_ chosen: CountyYear, teachers file: UploadedFile, rules rulesFile: UploadedFile?,
                            store: any Store, work: any WorkRunner, language l: Language) async throws -> CountyRotation {
        let schools = try await store.schoolYears(county: chosen.code, year: chosen.year)
        // The teachers the county's clusters share this year count toward the quota.
        let shared = Set(try await store.sharedTeachers(county: chosen.code, year: chosen.year).map(\.teacherID))
        let made: Result<CountyRotation, RotationFileError> = try await work.run {
            var problems: [RowError] = [], warnings: [String] = []
            var teachers: [Teacher] = []
            do {
                let read = try TeachersReader(referenceYear: chosen.year, language: l).read(file.bytes, file: file.name, sheet: file.sheet)
                teachers = read.teachers
                warnings += read.warnings
            } catch let error as DataFileError {
                problems += error.errors
            }
            var rules = RotationRules.defaults
            if let rulesFile {
                switch RotationRulesInput.read(rulesFile, language: l) {
                case let .success((read, notes)): rules = read; warnings += notes
                case let .failure(error): problems += error.problems
                }
            }
            guard problems.isEmpty else { return .failure(RotationFileError(problems: problems)) }
            let codes = Set(schools.map(\.schoolCode))
            let outside = teachers.filter { !codes.contains($0.schoolCode) }
            teachers.removeAll { !codes.contains($0.schoolCode) }
            guard !teachers.isEmpty else {
                return .failure(RotationFileError(problems: [RowError(
                    file: file.name, row: 0, column: "",
                    message: l.pick("没有本县（\(chosen.code)）\(chosen.year) 年度学校的教师：学校标识码应与学校数据一致。",
                                    "has no teacher of the schools of county \(chosen.code) in \(chosen.year): the school codes must be those of the school rows."))]))
            }
            if !outside.isEmpty {
                let named = Set(outside.map(\.schoolCode)).sorted()
                let listed = named.prefix(5).joined(separator: l.pick("、", ", ")) + (named.count > 5 ? " …" : "")
                warnings.append(l.pick(
                    "\(file.name)：\(outside.count) 名教师的学校（\(listed)）不在本县 \(chosen.year) 年度学校数据中，未纳入方案。",
                    "\(file.name): \(outside.count) teacher(s) of schools not in the county's \(chosen.year) rows (\(listed)) are left out."))
            }
            let (plan, record, differences) = PlanRotation(rules: rules).plan(schools: schools, teachers: teachers, year: chosen.year, shared: shared)
            return .success(CountyRotation(
                chosen: chosen, schools: schools, teachers: teachers, rules: rules, plan: plan,
                record: record, differences: differences, warnings: warnings))
        }
        return try made.get()
    }
}
