import Domain

/// The columns of the `teachers` file (教师信息): one row per teacher.
enum TeacherColumn: Int, CaseIterable, Sendable, DataColumn {
    case teacherId, schoolCode, stage, subject, gender, birthYear, qualification, title, backbone
    case yearsAtSchool, ruralServiceYears, principal, exemption, headOfClass

    var key: String {
        switch self {
        case .teacherId: "teacher_id"
        case .schoolCode: "school_code"
        case .stage: "stage"
        case .subject: "subject"
        case .gender: "gender"
        case .birthYear: "birth_year"
        case .qualification: "qualification"
        case .title: "title"
        case .backbone: "backbone"
        case .yearsAtSchool: "years_at_school"
        case .ruralServiceYears: "rural_service_years"
        case .principal: "principal"
        case .exemption: "exemption"
        case .headOfClass: "head_of_class"
        }
    }

    var chineseHeader: String {
        switch self {
        case .teacherId: "教师编号"
        case .schoolCode: "学校标识码"
        case .stage: "任教学段"
        case .subject: "任教学科"
        case .gender: "性别"
        case .birthYear: "出生年份"
        case .qualification: "最高学历"
        case .title: "职称"
        case .backbone: "骨干教师级别"
        case .yearsAtSchool: "本校任教年限"
        case .ruralServiceYears: "农村学校任教年限"
        case .principal: "是否校长"
        case .exemption: "暂缓交流"
        case .headOfClass: "班主任班级"
        }
    }

    /// The subject is text (any subject a school teaches); the birth year and the service
    /// years are counts whose ranges ``TeacherRows`` checks; the exemptions are a list.
    var kind: ColumnKind {
        switch self {
        case .teacherId, .schoolCode, .headOfClass: .code
        case .subject, .exemption: .text
        case .stage: .choice(.teacherStage)
        case .gender: .choice(.gender)
        case .qualification: .choice(.qualification)
        case .title: .choice(.title)
        case .backbone: .choice(.backbone)
        case .principal: .choice(.yesNo)
        case .birthYear, .yearsAtSchool, .ruralServiceYears: .count
        }
    }

    /// Blank 骨干教师级别 is 无, blank 是否校长 is 否, blank 暂缓交流 is none, blank 班主任班级 is none.
    var isRequired: Bool {
        switch self {
        case .backbone, .principal, .exemption, .headOfClass: false
        default: true
        }
    }
}

extension Choices {
    /// 任教学段: 小学 or 初中, by ``TeacherRows/stages`` order.
    static let teacherStage = Choices(chinese: ["小学", "初中"], english: ["primary", "junior"])
    /// 性别, by ``Gender`` case order; `f`/`m` as well.
    static let gender = Choices(
        chinese: Gender.allCases.map(\.chineseName), english: Gender.allCases.map(\.rawValue), aliases: [("f", 0), ("m", 1)])
    /// 最高学历, by ``Qualification`` case order; also 中师 (中专), 大专 (专科), 硕士 and 博士 (研究生).
    static let qualification = Choices(
        chinese: Qualification.allCases.map(\.chineseName), english: Qualification.allCases.map(\.key),
        aliases: [("中师", 1), ("大专", 2), ("硕士", 4), ("博士", 4)])
    /// 职称, by ``Title`` case order.
    static let title = Choices(chinese: Title.allCases.map(\.chineseName), english: Title.allCases.map(\.key))
    /// 骨干教师级别, by ``BackboneLevel`` case order.
    static let backbone = Choices(chinese: BackboneLevel.allCases.map(\.chineseName), english: BackboneLevel.allCases.map(\.key))
    /// 暂缓交流的情形, by ``Exemption`` case order; also 孕期 and 哺乳期 alone.
    static let exemption = Choices(
        chinese: Exemption.allCases.map(\.chineseName), english: Exemption.allCases.map(\.rawValue),
        aliases: [("孕期", 0), ("哺乳期", 0)])
}
