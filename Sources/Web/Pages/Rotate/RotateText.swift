import Domain
import UseCases

/// How the rotation page (and the rotation's JSON) words a plan: why a teacher moves, the
/// model's steps, the teacher indicators by their official names, and counts before → after.
enum RotateText {
    /// Why a teacher moves (the official wording of each step; 对调 for the partner of a swap).
    static func reason(_ reason: TeacherMove.Reason, language l: Language) -> String {
        switch reason {
        case .backbone: l.pick("骨干教师均衡", "backbone balance")
        case .qualified: l.pick("学历均衡", "qualification balance")
        case .peArt: l.pick("体育艺术教师均衡", "PE and art balance")
        case .seniorTitle: l.pick("职称结构", "title structure")
        case .principal: l.pick("校长交流", "principal rotation")
        case .partner: l.pick("对调", "swap partner")
        case .quota: l.pick("补足交流比例", "quota")
        }
    }

    /// A step of the model.
    static func step(_ step: RotationObjectiveTerm.Step, language l: Language) -> String {
        switch step {
        case .backbone: l.pick("骨干教师均衡", "backbone balance")
        case .qualified: l.pick("学历均衡", "qualification balance")
        case .peArt: l.pick("体育艺术教师均衡", "PE and art balance")
        case .seniorTitle: l.pick("职称结构", "title structure")
        case .principal: l.pick("校长交流", "principal rotation")
        case .quota: l.pick("补足交流比例", "quota")
        }
    }

    /// What a step's figure measures.
    static func measure(_ step: RotationObjectiveTerm.Step, language l: Language) -> String {
        switch step {
        case .backbone, .qualified, .peArt:
            l.pick("每百名学生拥有数的加权方差", "weighted variance of the count per 100 students")
        case .seniorTitle:
            l.pick("城镇学校减农村学校中级及以上职称教师占比", "town share minus rural share of mid-level or higher titles")
        case .principal, .quota:
            "—"
        }
    }

    /// The teacher indicator counting `resource` — the standard's official name when the
    /// standard has it (每百名学生拥有县级及以上骨干教师数), else the resource's name.
    static func indicator(_ resource: Resource, standard: Standard, language l: Language) -> String {
        if let definition = standard.indicators.first(where: { $0.numerator == resource }) {
            return definition.name(in: l)
        }
        return l.pick(UnitCosts.chineseName(of: resource), UnitCosts.englishName(of: resource))
    }

    /// `12 → 13`.
    static func change(_ before: Int, _ after: Int) -> String {
        "\(before) → \(after)"
    }

    /// How sure a step's swaps are: proven optimal for its model, or not.
    static func optimality(_ optimal: Bool, language l: Language) -> String {
        optimal ? l.pick("已证明最优", "proven optimal") : l.pick("未证明最优", "not proven optimal")
    }
}
