import Domain
import Foundation

/// The rows of a `teachers` file as ``TeachersReader`` checks them: each cell by its kind,
/// then the birth year and the years of service against their ranges and each other, and
/// 教师编号 once in the file.
struct TeacherRows: TableRows {
    /// The most years a teacher born in `birthYear` can have taught by `referenceYear`: the
    /// age then less 18, not below 0.
    static func mostYears(bornIn birthYear: Int, in referenceYear: Int) -> Int {
        max(0, referenceYear - birthYear - 18)
    }

    /// The year ages are counted in.
    private let referenceYear: Int
    /// Every row whose 教师编号 read, for duplicates.
    private var seen = KeyedRows<String>()

    /// Enumeration values by ``Choices`` index, kept here rather than looked up in shared
    /// statics on every row.
    private let stages: [Stage] = [.primary, .junior]
    private let genders = Gender.allCases
    private let qualifications = Qualification.allCases
    private let titles = Title.allCases
    private let backbones = BackboneLevel.allCases
    private let exemptions = Exemption.allCases

    /// Rows whose ages are counted in `referenceYear`.
    init(referenceYear: Int) {
        self.referenceYear = referenceYear
    }

    mutating func reserve(_ rows: Int) {
        seen.reserve(rows)
    }

    mutating func read(_ scan: inout TableScan<TeacherColumn>, into teachers: inout RowValues<Teacher>) {
        let id = scan.text(.teacherId)
        if let id { seen.note(id, row: scan.row) }
        let subject = scan.text(.subject).map(Subject.init)
        if subject == .other("") { scan.error(.required, .subject) }
        let birthYear = scan.int(.birthYear).flatMap { year -> Int? in
            guard Teacher.birthYears.contains(year) else {
                scan.error(.teacherFile(.birthYearOutOfRange(year)), .birthYear)
                return nil
            }
            return year
        }
        let yearsAtSchool = years(.yearsAtSchool, birthYear: birthYear, &scan)
        let ruralServiceYears = years(.ruralServiceYears, birthYear: birthYear, &scan)
        let exemptions = exemptions(&scan)
        guard !scan.rowHasErrors, let id, let code = scan.text(.schoolCode), let stage = scan.int(.stage), let subject,
              let gender = scan.int(.gender), let birthYear, let qualification = scan.int(.qualification),
              let title = scan.int(.title), let yearsAtSchool, let ruralServiceYears else { return }
        teachers.append(Teacher(
            id: id, schoolCode: code, stage: stages[stage], subject: subject, gender: genders[gender],
            birthYear: birthYear, qualification: qualifications[qualification], title: titles[title],
            backbone: scan.int(.backbone).map { backbones[$0] } ?? .none, yearsAtSchool: yearsAtSchool,
            ruralServiceYears: ruralServiceYears, isPrincipal: scan.int(.principal) == 0, exemptions: exemptions,
            headOfClass: scan.text(.headOfClass)))
    }

    /// The years in `column`: within ``Teacher/serviceYears``, and no more than the teacher's age
    /// allows (see ``mostYears(bornIn:in:)``) when the birth year read.
    private func years(_ column: TeacherColumn, birthYear: Int?, _ scan: inout TableScan<TeacherColumn>) -> Int? {
        guard let years = scan.int(column) else { return nil }
        guard Teacher.serviceYears.contains(years) else {
            scan.error(.teacherFile(.serviceYearsOutOfRange(years)), column)
            return nil
        }
        if let birthYear, years > Self.mostYears(bornIn: birthYear, in: referenceYear) {
            scan.error(.teacherFile(.longerThanAgeAllows(years: years, birthYear: birthYear, referenceYear: referenceYear)), column)
            return nil
        }
        return years
    }

    /// The exemptions of 暂缓交流: blank (or 无/none) for none, or one or more separated by 、
    /// or a semicolon; each unknown one is an error.
    private func exemptions(_ scan: inout TableScan<TeacherColumn>) -> Set<Exemption> {
        guard let text = scan.text(.exemption),
              !Self.noExemption.contains(text.trimmingCharacters(in: .whitespaces).lowercased()) else { return [] }
        var found: Set<Exemption> = []
        for part in text.split(whereSeparator: { $0 == "、" || $0 == ";" || $0 == "；" }) {
            let name = part.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { continue }
            guard let index = Choices.exemption.match(name) else {
                scan.error(.unknownChoice(name, .exemption), .exemption)
                continue
            }
            found.insert(exemptions[index])
        }
        return found
    }

    /// What a 暂缓交流 cell may say for none.
    private static let noExemption: Set<String> = ["无", "none"]

    mutating func append(_ next: TeacherRows, rowOffset: Int) {
        seen.append(next.seen, rowOffset: rowOffset)
    }

    /// The check across rows: each 教师编号 once.
    func checkAcrossRows(_ scan: inout TableScan<TeacherColumn>) {
        for twice in seen.repeats() { scan.error(.teacherFile(.duplicateTeacher(firstRow: twice.firstRow)), .teacherId, row: twice.row) }
    }
}
