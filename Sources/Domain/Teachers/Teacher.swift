/// One teacher's record (教师信息), as the `teachers` file gives it: who they are, where they
/// teach, and what the rotation rules (交流轮岗) and the teacher indicators look at.
///
/// ```swift
/// let teacher = Teacher(id: "T0001", schoolCode: "2130349001", stage: .primary, subject: .mathematics,
///                       gender: .female, birthYear: 1985, qualification: .bachelor, title: .intermediate,
///                       backbone: .county, yearsAtSchool: 7, ruralServiceYears: 0)
/// teacher.isQualified   // true: a primary teacher needs 专科 or higher
/// ```
public struct Teacher: Sendable, Hashable {
    /// The years a teacher may be born in: what a teachers file may say, and what the demo draws.
    public static let birthYears = 1940...2010
    /// The years a teacher may have served at a school or in the country.
    public static let serviceYears = 0...50

    /// 教师编号, unique in the file.
    public var id: String
    /// 学校标识码 of the school where the teacher is on the staff now.
    public var schoolCode: String
    /// 任教学段 (primary or junior).
    public var stage: Stage
    /// 任教学科
    public var subject: Subject
    /// 性别
    public var gender: Gender
    /// 出生年份
    public var birthYear: Int
    /// 最高学历
    public var qualification: Qualification
    /// 专业技术职务（职称）
    public var title: Title
    /// 骨干教师级别
    public var backbone: BackboneLevel
    /// 在本校连续任教年限
    public var yearsAtSchool: Int
    /// 农村学校或薄弱学校任教年限 (rural or weak-school service, 001 §10)
    public var ruralServiceYears: Int
    /// 是否校长（含副校长）
    public var isPrincipal: Bool
    /// 暂缓交流的情形 (pregnancy, illness, …): such a teacher is not eligible this year.
    public var exemptions: Set<Exemption>
    /// 班主任班级: the class the teacher is head teacher of (结对帮扶 prefers the child's head
    /// teacher); `nil` when none.
    public var headOfClass: String?

    public init(
        id: String, schoolCode: String, stage: Stage, subject: Subject, gender: Gender, birthYear: Int,
        qualification: Qualification, title: Title, backbone: BackboneLevel, yearsAtSchool: Int,
        ruralServiceYears: Int, isPrincipal: Bool = false, exemptions: Set<Exemption> = [], headOfClass: String? = nil
    ) {
        self.id = id
        self.schoolCode = schoolCode
        self.stage = stage
        self.subject = subject
        self.gender = gender
        self.birthYear = birthYear
        self.qualification = qualification
        self.title = title
        self.backbone = backbone
        self.yearsAtSchool = yearsAtSchool
        self.ruralServiceYears = ruralServiceYears
        self.isPrincipal = isPrincipal
        self.exemptions = exemptions
        self.headOfClass = headOfClass
    }

    /// 高于规定学历: primary 专科 or higher, junior 本科 or higher (official-methods §1.2), the
    /// numerator of 每百名学生拥有高于规定学历教师数.
    public var isQualified: Bool {
        switch stage {
        case .primary: qualification >= .associate
        case .junior, .senior: qualification >= .bachelor
        }
    }

    /// 县级以上骨干教师 (county level or higher).
    public var isBackbone: Bool { backbone != .none }

    /// 体育、艺术（美术、音乐）专任教师.
    public var isPEArt: Bool { subject.isPEArt }

    /// 中级及以上职称.
    public var hasSeniorTitle: Bool { title >= .intermediate }
}
