import Domain
import UseCases

/// The quota check (交流比例): how many eligible teachers and principals there are, how many
/// the rules ask to move, how many the plan moves, and whether each quota holds.
struct RotateQuota {
    struct Row {
        var label: String
        var eligible: String
        var required: String
        var moved: String
        var verdict: String
        var verdictClass: String
    }

    var heading: String
    var headers: [String]
    var rows: [Row]
    /// One line: both quotas hold, or which does not.
    var conclusion: String
    var conclusionClass: String
    var rulesNote: String
    var distance: String

    init(plan: RotationPlan, rules: RotationRules, language l: Language) {
        heading = l.pick("交流比例核查", "Quota check")
        headers = l == .chinese
            ? ["对象", "符合交流条件", "应交流（至少）", "方案交流", "核查结果"]
            : ["Who", "Eligible", "Required (at least)", "Moving in the plan", "Check"]
        func verdict(_ met: Bool) -> (String, String) {
            met ? (l.pick("达到", "met"), "pass") : (l.pick("未达到", "not met"), "fail")
        }
        let teachersMet = plan.teacherMovers >= plan.requiredMovers
        let backboneMet = plan.backboneMovers >= plan.requiredBackboneMovers
        let (teachers, teachersClass) = verdict(teachersMet)
        let (backbone, backboneClass) = verdict(backboneMet)
        let (principals, principalsClass) = verdict(plan.meetsPrincipalQuota)
        rows = [
            Row(label: l.pick("专任教师（不含校长）", "Teachers (principals not included)"), eligible: String(plan.eligible),
                required: String(plan.requiredMovers), moved: String(plan.teacherMovers), verdict: teachers, verdictClass: teachersClass),
            Row(label: l.pick("其中县级以上骨干教师", "of whom backbone teachers"), eligible: "—",
                required: String(plan.requiredBackboneMovers), moved: String(plan.backboneMovers), verdict: backbone, verdictClass: backboneClass),
            Row(label: l.pick("校长", "Principals"), eligible: String(plan.eligiblePrincipals),
                required: String(plan.requiredPrincipalMovers), moved: String(plan.principalMovers), verdict: principals, verdictClass: principalsClass),
        ]
        switch (plan.meetsQuota, plan.meetsPrincipalQuota) {
        case (true, true):
            conclusion = l.pick("教师和校长交流比例均达到要求。", "The teacher and principal quotas are both met.")
        case (false, true):
            conclusion = l.pick("教师交流比例未达到要求。", "The teacher quota is not met.")
        case (true, false):
            conclusion = l.pick("校长交流比例未达到要求。", "The principal quota is not met.")
        case (false, false):
            conclusion = l.pick("教师和校长交流比例均未达到要求。", "Neither the teacher nor the principal quota is met.")
        }
        conclusionClass = plan.meetsQuota && plan.meetsPrincipalQuota ? "pass" : "fail"
        rulesNote = l.pick(
            "每年交流人数不少于符合交流条件教师的 \(FigureText.percent(rules.minShareOfEligible))，其中县级以上骨干教师不少于交流人数的 \(FigureText.percent(rules.minBackboneShareOfMovers))；校长按相同比例。在同一学校任教满 \(rules.minYearsAtSchool) 年（校长满 \(rules.principalMinYears) 年）、距退休 \(rules.retirementExclusionYears) 年以上且无暂缓交流情形的，符合交流条件。",
            "Each year at least \(FigureText.percent(rules.minShareOfEligible)) of eligible teachers move, and at least \(FigureText.percent(rules.minBackboneShareOfMovers)) of movers are backbone teachers; principals at the same share. Eligible: \(rules.minYearsAtSchool) years or more at the school (principals \(rules.principalMinYears)), more than \(rules.retirementExclusionYears) years before retirement, no exemption.")
        distance = l.pick("交流总距离：\(FigureText.three(plan.kilometres)) 公里（有坐标的学校之间）",
                          "Total distance: \(FigureText.three(plan.kilometres)) km (between schools with coordinates)")
    }
}
