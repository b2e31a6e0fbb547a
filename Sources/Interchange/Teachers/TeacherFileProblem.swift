import Domain

/// What a `teachers` file can get wrong beyond the rules every table shares (numbers,
/// required cells, enumerated values, known columns), with its message in both languages.
enum TeacherFileProblem: Sendable, Hashable {
    /// A birth year outside ``Teacher/birthYears``.
    case birthYearOutOfRange(Int)
    /// A number of years outside ``Teacher/serviceYears``.
    case serviceYearsOutOfRange(Int)
    /// More years of service than the teacher's age allows: at most age − 18 in the
    /// reference year.
    case longerThanAgeAllows(years: Int, birthYear: Int, referenceYear: Int)
    /// A second row with the same 教师编号.
    case duplicateTeacher(firstRow: Int)

    /// The message in `language`.
    func message(in language: Language) -> String {
        switch self {
        case let .birthYearOutOfRange(year):
            let range = Teacher.birthYears
            return language.pick(
                "出生年份\(year)不在\(range.lowerBound)至\(range.upperBound)之间",
                "birth year \(year) is not between \(range.lowerBound) and \(range.upperBound)")
        case let .serviceYearsOutOfRange(years):
            let range = Teacher.serviceYears
            return language.pick(
                "任教年限\(years)不在\(range.lowerBound)至\(range.upperBound)之间",
                "\(years) is not between \(range.lowerBound) and \(range.upperBound) years")
        case let .longerThanAgeAllows(years, birthYear, referenceYear):
            let limit = TeacherRows.mostYears(bornIn: birthYear, in: referenceYear)
            return language.pick(
                "任教年限\(years)年超过年龄允许的上限：\(birthYear)年出生，到\(referenceYear)年最多\(limit)年（年龄减18）",
                "\(years) is more than the age allows: born in \(birthYear), at most \(limit) years by \(referenceYear) (age − 18)")
        case let .duplicateTeacher(firstRow):
            return language.pick("教师编号重复，首次出现在第\(firstRow)行", "duplicate teacher_id, first on row \(firstRow)")
        }
    }
}
