import Domain
import Interchange
import NIOPosix
import Planning
import Storage

/// A county's year with the teacher rotation plan (交流轮岗方案) made from an uploaded
/// teachers file, as the rotation page and the API show it: the stored school rows, the
/// county's teachers, the rules, the plan (``RotationPlanner``), the rural-service record
/// after its moves and the teacher counts that differ from the school rows. Nothing of it
/// is stored: the upload is read, planned and shown.
struct CountyRotation: Sendable {
    var countyCode: String
    var countyName: String?
    var year: Int
    /// Every year the county has rows for, ascending.
    var years: [Int]
    /// The county's school rows of the year.
    var schools: [SchoolYear]
    /// The teachers of those schools, in file order.
    var teachers: [Teacher]
    var rules: RotationRules
    var plan: RotationPlan
    var record: RuralServiceRecord
    var differences: [TeacherCountDifference]
    /// What the readers noted without refusing (unknown columns or keys, teachers of other
    /// counties' schools), each a sentence.
    var warnings: [String]

    /// The county (code, name, years) and the year shown: `year`, or its latest when `nil`.
    ///
    /// - Throws: ``WebError/notFound`` when the county has no rows in that year.
    static func county(_ county: String, year: Int?, services: WebServices) async throws -> (summary: CountySummary, year: Int) {
        guard let summary = try await services.store.counties().first(where: { $0.code == county }),
              let chosen = year ?? summary.years.last, summary.years.contains(chosen) else {
            throw WebError.notFound
        }
        return (summary, chosen)
    }

    /// Reads the upload and plans the county's `year`, off the event loop (a workbook of
    /// ten thousand teachers and the planner's flows take a while).
    ///
    /// - Throws: ``RotationFileError`` with every problem of the teachers file and the rules;
    ///   ``WebError/badRequest(_:)`` when no teachers file was sent; ``WebError/notFound``
    ///   for a county or year without rows.
    static func load(county: String, year: Int?, upload: RotationUpload, services: WebServices, language l: Language) async throws -> CountyRotation {
        let (summary, chosen) = try await Self.county(county, year: year, services: services)
        guard let file = upload.teachers else {
            throw WebError.badRequest(l.pick("请选择教师信息文件。", "Choose a teachers file."))
        }
        let schools = try await services.store.schoolYears(county: county, year: chosen)
        let rulesFile = upload.rules
        let made: Result<CountyRotation, RotationFileError> = try await services.heavy.run {
            var problems: [RowError] = [], warnings: [String] = []
            var teachers: [Teacher] = []
            do {
                let read = try TeachersReader(referenceYear: chosen, language: l).read(file.bytes, file: file.name, sheet: file.sheet)
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
                    message: l.pick("没有本县（\(county)）\(chosen) 年度学校的教师：学校标识码应与学校数据一致。",
                                    "has no teacher of the schools of county \(county) in \(chosen): the school codes must be those of the school rows."))]))
            }
            if !outside.isEmpty {
                let named = Set(outside.map(\.schoolCode)).sorted()
                let listed = named.prefix(5).joined(separator: l.pick("、", ", ")) + (named.count > 5 ? " …" : "")
                warnings.append(l.pick(
                    "\(file.name)：\(outside.count) 名教师的学校（\(listed)）不在本县 \(chosen) 年度学校数据中，未纳入方案。",
                    "\(file.name): \(outside.count) teacher(s) of schools not in the county's \(chosen) rows (\(listed)) are left out."))
            }
            let plan = RotationPlanner(rules: rules).plan(schools: schools, teachers: teachers, year: chosen)
            let moves = Dictionary(plan.moves.map { ($0.teacherID, $0.to) }, uniquingKeysWith: { first, _ in first })
            return .success(CountyRotation(
                countyCode: county, countyName: summary.name, year: chosen, years: summary.years, schools: schools,
                teachers: teachers, rules: rules, plan: plan,
                record: RuralServiceRecord(teachers: teachers, schools: schools, rules: rules, moves: moves),
                differences: TeacherCountDifference.between(schools, teachers), warnings: warnings))
        }
        return try made.get()
    }

    /// The display name: 名称（代码）.
    var title: String { countyName.map { "\($0)（\(countyCode)）" } ?? countyCode }
}
