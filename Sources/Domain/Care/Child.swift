/// One child of a county's children register (学生/儿童信息登记), following the national student
/// register's fields: who the child is, where the child is enrolled, and why the child may need
/// care (留守, 随迁, 残疾, 家庭经济困难, 孤儿) — 001 §12–14.
///
/// The name, the birth date, the guardian, the phone and the address are personal information
/// of a minor, sensitive under the Personal Information Protection Law (Art. 28, 31): the
/// ``Column/isPersonal`` columns are shown, exported and recorded only to accounts that need
/// them, and masked for everyone else (``masked``).
public struct Child: Sendable, Hashable {
    /// 学籍号 (or a local id when the child has none), unique in the county's register.
    public var id: String
    /// 姓名
    public var name: String
    /// 性别; `nil` when not recorded.
    public var gender: Gender?
    /// 出生日期
    public var birthDate: CalendarDate
    /// 县区代码 of the county that keeps the child on its register.
    public var countyCode: String
    /// 学年: the register's year (the autumn term's year, as the school rows').
    public var year: Int
    /// 学校标识码 of the school the child is enrolled in; `nil` when not enrolled (失学, 未入学,
    /// or 送教上门 without a school named).
    public var schoolCode: String?
    /// 年级 1…9 (一年级 … 九年级); `nil` when not enrolled.
    public var grade: Int?
    /// 班级, to find the class's head teacher (班主任) for pairing.
    public var classId: String?
    /// 是否留守儿童
    public var leftBehind: LeftBehind
    /// 是否随迁子女
    public var migrant: Bool
    /// 残疾类型; `nil` when none.
    public var disability: Disability?
    /// 安置方式 of a disabled child (or of any child not enrolled: 未入学).
    public var placement: Placement?
    /// 家庭经济困难
    public var poverty: Bool
    /// 孤儿
    public var orphan: Bool
    /// 监护人
    public var guardian: String?
    /// 联系电话 (the guardian's)
    public var guardianPhone: String?
    /// 家庭住址
    public var address: String?
    /// 结对教师 (教师编号): this year's care partner (结对帮扶), or last year's when the register
    /// is brought in before this year's pairing.
    public var partner: String?

    public init(
        id: String, name: String, gender: Gender? = nil, birthDate: CalendarDate, countyCode: String, year: Int,
        schoolCode: String? = nil, grade: Int? = nil, classId: String? = nil, leftBehind: LeftBehind = .no, migrant: Bool = false,
        disability: Disability? = nil, placement: Placement? = nil, poverty: Bool = false, orphan: Bool = false,
        guardian: String? = nil, guardianPhone: String? = nil, address: String? = nil, partner: String? = nil
    ) {
        self.id = id
        self.name = name
        self.gender = gender
        self.birthDate = birthDate
        self.countyCode = countyCode
        self.year = year
        self.schoolCode = schoolCode
        self.grade = grade
        self.classId = classId
        self.leftBehind = leftBehind
        self.migrant = migrant
        self.disability = disability
        self.placement = placement
        self.poverty = poverty
        self.orphan = orphan
        self.guardian = guardian
        self.guardianPhone = guardianPhone
        self.address = address
        self.partner = partner
    }

    /// Whether the child goes to school: enrolled at a school (随班就读 or a special school
    /// included), or taught at home by a school's teachers (送教上门), which the 2017 method
    /// counts as enrolled; not when 未入学 or when no school is named and no placement says so.
    public var isEnrolled: Bool {
        switch placement {
        case .notEnrolled: false
        case .homeTeaching: true
        case .regularClass, .specialSchool, nil: schoolCode != nil
        }
    }

    /// The child as an account without the personal-data permission sees it (PIPL Art. 28):
    /// the name reduced to its first character and `*` (张*, 欧阳** for a longer one), the id
    /// to its last four characters (`****1234`), the birth date to 1 January of its year, and
    /// no guardian, phone or address. What the counts and rates need (school, grade,
    /// categories) stays.
    public var masked: Child {
        var child = self
        child.name = Self.maskedName(name)
        child.id = Self.maskedID(id)
        child.birthDate = CalendarDate(year: birthDate.year, month: 1, day: 1) ?? birthDate
        child.guardian = nil
        child.guardianPhone = nil
        child.address = nil
        return child
    }

    /// 张三 → 张*, 欧阳娜娜 → 欧***: the first character, then one `*` for each other one.
    public static func maskedName(_ name: String) -> String {
        guard let first = name.first else { return name }
        return String(first) + String(repeating: "*", count: name.count - 1)
    }

    /// `G341102201203050012` → `****0012`: only the last four characters kept.
    public static func maskedID(_ id: String) -> String {
        "****" + id.suffix(4)
    }
}

/// 是否留守儿童: whether one parent or both work away from home (and the child stays behind).
public enum LeftBehind: Int, CaseIterable, Sendable, Hashable, Codable {
    /// 0 否
    case no = 0
    /// 1 单亲外出务工
    case oneParentAway = 1
    /// 2 双亲外出务工
    case bothParentsAway = 2

    public var chineseName: String {
        switch self {
        case .no: "否"
        case .oneParentAway: "单亲外出"
        case .bothParentsAway: "双亲外出"
        }
    }

    public var key: String {
        switch self {
        case .no: "no"
        case .oneParentAway: "one_parent"
        case .bothParentsAway: "both_parents"
        }
    }

    /// Whether the child is a left-behind child (留守儿童) at all.
    public var isLeftBehind: Bool { self != .no }
}

/// 残疾类型, the seven categories of the second national disability survey.
public enum Disability: String, CaseIterable, Sendable, Hashable, Codable {
    case visual, hearing, speech, physical, intellectual, mental, multiple

    /// 视力 … 多重
    public var chineseName: String {
        switch self {
        case .visual: "视力"
        case .hearing: "听力"
        case .speech: "言语"
        case .physical: "肢体"
        case .intellectual: "智力"
        case .mental: "精神"
        case .multiple: "多重"
        }
    }
}

/// 安置方式 of a disabled child (001 §13: 随班就读, special school, 送教上门), and 未入学.
public enum Placement: String, CaseIterable, Sendable, Hashable, Codable {
    /// 随班就读: in an ordinary class of an ordinary school.
    case regularClass = "regular_class"
    /// 特殊教育学校就读
    case specialSchool = "special_school"
    /// 送教上门: taught at home by a school's teachers.
    case homeTeaching = "home_teaching"
    /// 未入学
    case notEnrolled = "not_enrolled"

    public var chineseName: String {
        switch self {
        case .regularClass: "随班就读"
        case .specialSchool: "特殊教育学校"
        case .homeTeaching: "送教上门"
        case .notEnrolled: "未入学"
        }
    }
}
