/// One school's one grade in one year (分年级在校生): a row of the `enrollment` file, the
/// history the forecast starts from.
public struct EnrollmentRecord: Sendable, Hashable {
    /// 年度 — the school year starting in autumn of `year`.
    public var year: Int
    /// 学校标识码
    public var schoolCode: String
    /// 年级 1–9 (1–6 primary, 7–9 junior; a five-year primary simply has no grade 6).
    public var grade: Int
    /// 在校生数
    public var students: Int
    /// 班数
    public var classes: Int
    /// 最大班额 — optional.
    public var largestClass: Int?

    public init(year: Int, schoolCode: String, grade: Int, students: Int, classes: Int, largestClass: Int? = nil) {
        self.year = year
        self.schoolCode = schoolCode
        self.grade = grade
        self.students = students
        self.classes = classes
        self.largestClass = largestClass
    }

    /// The stage of `grade`: 1–6 primary, 7–9 junior.
    public static func stage(ofGrade grade: Int) -> Stage { grade <= 6 ? .primary : .junior }
}

/// Births in one area in one year (出生人口): a row of the optional `births` file. Grade 1 of
/// year y comes from births of year y − 6.
public struct BirthRecord: Sendable, Hashable {
    /// 区域代码 — a county code or a town code.
    public var areaCode: String
    /// 年度
    public var year: Int
    /// 出生人数
    public var births: Int

    public init(areaCode: String, year: Int, births: Int) {
        self.areaCode = areaCode
        self.year = year
        self.births = births
    }
}
