import Domain
import Interchange
import Planning

/// The words and look-ups the rotation plan writers share: the county and school names the plan
/// refers to by code, why a teacher moves, what each step of the model lowers, and the counts
/// of a school before and after.
public enum RotationWording {
    /// The county, year and school names of the rows a plan was made for (one county, one
    /// year), so that writers can show names where the plan holds codes.
    struct Context: Sendable {
        /// 县区代码 and 县区名称 of the first row; `nil` without rows.
        var countyCode: String?
        var countyName: String?
        /// The data year of the rows.
        var year: Int?
        /// 学校名称 by 学校标识码.
        var names: [String: String]

        init(_ schools: [SchoolYear]) {
            countyCode = schools.first?.countyCode
            countyName = schools.first?.countyName
            year = schools.first?.year
            names = Dictionary(schools.map { ($0.schoolCode, $0.schoolName) }, uniquingKeysWith: { first, _ in first })
        }

        /// The name of the school `code`, or empty when the rows do not have it (a teacher
        /// record of a school missing from the schools file).
        func name(_ code: String) -> String { names[code] ?? "" }

        /// `code name`, or the code alone when the name is unknown.
        func school(_ code: String) -> String {
            let name = name(code)
            return name.isEmpty ? code : "\(code) \(name)"
        }
    }

    /// Why a teacher moves, in words (骨干教师均衡, 对调, 补足交流比例, …).
    public static func reason(_ reason: TeacherMove.Reason, _ l: Language) -> String {
        switch reason {
        case .backbone: l.pick("骨干教师均衡", "backbone balance")
        case .qualified: l.pick("学历均衡", "qualification balance")
        case .peArt: l.pick("体育艺术教师均衡", "PE and art balance")
        case .seniorTitle: l.pick("职称结构", "title structure")
        case .principal: l.pick("校长交流", "principal rotation")
        case .partner: l.pick("对调", "swap partner")
        case .quota: l.pick("补足交流比例", "quota top-up")
        }
    }

    /// A step of the model, in words (the same words as the moves it makes).
    static func step(_ step: RotationObjectiveTerm.Step, _ l: Language) -> String {
        switch step {
        case .backbone: reason(.backbone, l)
        case .qualified: reason(.qualified, l)
        case .peArt: reason(.peArt, l)
        case .seniorTitle: reason(.seniorTitle, l)
        case .principal: reason(.principal, l)
        case .quota: reason(.quota, l)
        }
    }

    /// What a step's `before` and `after` measure (``RotationObjectiveTerm``), `nil` when the
    /// step lowers nothing (principals, the quota).
    static func measure(_ step: RotationObjectiveTerm.Step, _ l: Language) -> String? {
        switch step {
        case .backbone, .qualified, .peArt:
            l.pick("每百名学生人数的加权方差", "weighted variance per 100 students")
        case .seniorTitle:
            l.pick("城镇与农村学校中级及以上职称占比之差", "town minus rural share of mid-level titles")
        case .principal, .quota:
            nil
        }
    }

    /// The machine key of what a step measures, for JSON.
    static func measureKey(_ step: RotationObjectiveTerm.Step) -> String? {
        switch step {
        case .backbone, .qualified, .peArt: "weighted_variance_per_100_students"
        case .seniorTitle: "town_minus_rural_senior_title_share"
        case .principal, .quota: nil
        }
    }

    /// The stage of a step, or all stages (the quota step).
    static func stage(_ stage: Stage?, _ l: Language) -> String {
        stage?.name(in: l) ?? l.pick("全部学段", "all stages")
    }

    /// The teacher indicator counting `resource` — the standard's official name when it has
    /// one (每百名学生拥有县级及以上骨干教师数), else the resource's name.
    static func indicator(_ resource: Resource, standard: Standard, _ l: Language) -> String {
        standard.indicators.first { $0.numerator == resource }?.name(in: l) ?? resource.name(in: l)
    }

    /// Whether the step's swaps were proven optimal, in words.
    static func optimal(_ optimal: Bool, _ l: Language) -> String {
        optimal ? l.pick("已证明最优", "proven optimal") : l.pick("未证明最优", "not proven optimal")
    }

    /// 是 / 否.
    static func yesNo(_ value: Bool, _ l: Language) -> String {
        value ? l.pick("是", "yes") : l.pick("否", "no")
    }

    /// The teacher counts a school row compares, in the order the writers show them, with the
    /// key JSON and CSV use and the value in ``TeacherCounts``.
    static let counts: [(key: String, chinese: String, english: String, value: @Sendable (TeacherCounts) -> Int)] = [
        ("teachers", "专任教师数", "teachers", { $0.teachers }),
        ("qualified", "高于规定学历教师数", "qualified", { $0.qualified }),
        ("backbone", "县级以上骨干教师数", "backbone", { $0.backbone }),
        ("pe_art", "体育艺术专任教师数", "PE and art", { $0.peArt }),
        ("senior_title", "中级及以上职称教师数", "mid-level title or higher", { $0.seniorTitle }),
    ]

    /// Whether the school has fewer teachers after the plan than its staffing need (编制需求);
    /// `nil` when the need is unknown.
    static func belowStaffingNeed(_ school: SchoolRotationCounts) -> Bool? {
        school.staffingNeed.map { school.after.teachers < $0 }
    }

    /// A difference's column in words: the official header in Chinese, the key in English.
    static func column(_ column: SchoolField, _ l: Language) -> String {
        l.pick(column.chineseName, column.key)
    }
}
