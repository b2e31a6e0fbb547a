import Domain
import Interchange
import Planning

/// `junheng plan rotate --format table`: the yearly rotation plan (交流轮岗方案) as a planner
/// reads it — the quota check for teachers and principals, the three teacher CVs before and
/// after, the model's steps, the title structure, the moves, each school's teachers before and
/// after against its staffing need, the teacher counts that differ from the schools file and
/// the rural-service record.
///
/// Numbers show 3 decimals, shares as percentages.
public struct RotationTable: Sendable {
    /// The language of the text.
    public let language: Language
    let context: RotationWording.Context

    /// A writer for plans made for `schools` (one county's rows of one year: the county, the
    /// year and the school names come from them), in `language`.
    public init(schools: [SchoolYear], language: Language) {
        self.language = language
        context = RotationWording.Context(schools)
    }

    /// The whole report: `plan`, the rural-service record `ruralService` made with its moves,
    /// and the teacher counts that differ from the schools file (`differences`).
    public func document(_ plan: RotationPlan, ruralService: RuralServiceRecord, differences: [TeacherCountDifference]) -> String {
        var out = header(plan)
        out += cvSection(plan)
        out += objectiveSection(plan)
        out += titleSection(plan)
        out += movesSection(plan)
        out += schoolsSection(plan)
        out += differencesSection(differences)
        out += ruralServiceSection(ruralService)
        return out
    }

    /// The title, the county and year, the quota checks and the distance.
    func header(_ plan: RotationPlan) -> String {
        let l = language
        var out = l.pick("交流轮岗方案", "Teacher rotation plan") + "\n"
        if let code = context.countyCode, let year = context.year {
            let name = context.countyName.map { $0.isEmpty ? "" : " \($0)" } ?? ""
            out += "\n" + l.pick("■ \(code)\(name) · \(year)年度\n", "■ \(code)\(name) · \(year)\n")
        }
        out += l.pick(
            "教师：符合交流条件 \(plan.eligible) 人；交流 \(plan.teacherMovers) 人（至少 \(plan.requiredMovers) 人），其中骨干教师 \(plan.backboneMovers) 人（至少 \(plan.requiredBackboneMovers) 人）：",
            "Teachers: eligible \(plan.eligible); moving \(plan.teacherMovers) (at least \(plan.requiredMovers)), backbone \(plan.backboneMovers) (at least \(plan.requiredBackboneMovers)): ")
        out += (plan.meetsQuota ? l.pick("达到比例要求", "quotas met") : l.pick("未达到比例要求", "quotas not met")) + "\n"
        out += l.pick(
            "校长：符合交流条件 \(plan.eligiblePrincipals) 人；交流 \(plan.principalMovers) 人（至少 \(plan.requiredPrincipalMovers) 人）：",
            "Principals: eligible \(plan.eligiblePrincipals); moving \(plan.principalMovers) (at least \(plan.requiredPrincipalMovers)): ")
        out += (plan.meetsPrincipalQuota ? l.pick("达到比例要求", "quota met") : l.pick("未达到比例要求", "quota not met")) + "\n"
        out += l.pick(
            "交流 \(plan.moves.count) 人次，总距离 \(Decimals.three(plan.kilometres)) 公里\n",
            "\(plan.moves.count) moves, \(Decimals.three(plan.kilometres)) km in all\n")
        return out
    }

    /// The three teacher indicators' CVs per stage.
    func cvSection(_ plan: RotationPlan) -> String {
        let l = language
        guard !plan.changes.isEmpty else { return "" }
        var table = TextTable(
            headers: l == .chinese ? ["学段", "指标", "方案前", "方案后"] : ["Stage", "Indicator", "Before", "After"],
            alignments: [.left, .left, .right, .right])
        for change in plan.changes {
            table.append([
                change.stage.name(in: l), RotationWording.resource(change.resource, l),
                RotationWording.show(change.before), RotationWording.show(change.after),
            ])
        }
        return "\n" + l.pick("差异系数（方案前 → 方案后）：\n", "Coefficients of variation (before → after):\n") + table.rendered()
    }

    /// The model's steps and what each lowered.
    func objectiveSection(_ plan: RotationPlan) -> String {
        let l = language
        guard !plan.objective.isEmpty else { return "" }
        var table = TextTable(
            headers: l == .chinese
                ? ["步骤", "学段", "对调次数", "目标量", "方案前", "方案后", "距离（公里）", "最优性"]
                : ["Step", "Stage", "Swaps", "Measure", "Before", "After", "Distance (km)", "Optimality"],
            alignments: [.left, .left, .right, .left, .right, .right, .right, .left])
        for term in plan.objective {
            table.append([
                RotationWording.step(term.step, l), RotationWording.stage(term.stage, l), String(term.swaps),
                RotationWording.measure(term.step, l) ?? "—", RotationWording.show(term.before), RotationWording.show(term.after),
                Decimals.three(term.kilometres), RotationWording.optimal(term.optimal, l),
            ])
        }
        return "\n" + l.pick("方案目标（逐步）：\n", "Objective, step by step:\n") + table.rendered()
    }

    /// Rural against town schools' share of mid-level titles, per stage.
    func titleSection(_ plan: RotationPlan) -> String {
        let l = language
        guard !plan.titleStructure.isEmpty else { return "" }
        var table = TextTable(
            headers: l == .chinese
                ? ["学段", "农村学校（方案前）", "城镇学校（方案前）", "农村学校（方案后）", "城镇学校（方案后）", "农村不低于城镇"]
                : ["Stage", "Rural before", "Town before", "Rural after", "Town after", "Rural ≥ town"],
            alignments: [.left, .right, .right, .right, .right, .left])
        for row in plan.titleStructure {
            table.append([
                row.stage.name(in: l), RotationWording.percent(row.ruralBefore), RotationWording.percent(row.townBefore),
                RotationWording.percent(row.ruralAfter), RotationWording.percent(row.townAfter),
                row.reached ? l.pick("达到", "reached") : l.pick("未达到", "not reached"),
            ])
        }
        return "\n" + l.pick("职称结构（中级及以上职称教师占比）：\n", "Title structure (share of teachers at mid-level title or higher):\n")
            + table.rendered()
    }

    /// Every move, swap by swap.
    func movesSection(_ plan: RotationPlan) -> String {
        let l = language
        guard !plan.moves.isEmpty else { return "\n" + l.pick("交流名单：无\n", "Moves: none\n") }
        var table = TextTable(
            headers: l == .chinese
                ? ["教师编号", "调出学校", "调入学校", "学段", "原因", "对调组", "距离（公里）"]
                : ["Teacher", "From", "To", "Stage", "Reason", "Swap", "Distance (km)"],
            alignments: [.left, .left, .left, .left, .left, .right, .right])
        for move in plan.moves {
            table.append([
                move.teacherID, context.school(move.from), context.school(move.to), move.stage.name(in: l),
                RotationWording.reason(move.reason, l), String(move.swap), RotationWording.show(move.kilometres),
            ])
        }
        return "\n" + l.pick("交流名单：\(plan.moves.count) 人次\n", "Moves: \(plan.moves.count)\n") + table.rendered()
    }

    /// Each school's teachers before → after, with the staffing and PE/art needs.
    func schoolsSection(_ plan: RotationPlan) -> String {
        let l = language
        guard !plan.schools.isEmpty else { return "" }
        var headers = l == .chinese
            ? ["学校标识码", "学校名称", "城乡", "学段", "在校生数", "编制需求"]
            : ["Code", "School", "Locality", "Stage", "Students", "Staffing need"]
        headers += RotationWording.counts.map { l.pick($0.chinese, $0.english) }
        headers += l == .chinese ? ["体育艺术需求", "低于编制需求"] : ["PE/art need", "Understaffed"]
        var table = TextTable(headers: headers, alignments: [.left, .left, .left, .left, .right, .right] + Array(repeating: .right, count: 6) + [.left])
        for school in plan.schools {
            var row = [
                school.schoolCode, school.schoolName, school.locality.name(in: l), school.stage.name(in: l),
                String(school.students), school.staffingNeed.map(String.init) ?? "—",
            ]
            row += RotationWording.counts.map { count in
                let before = count.value(school.before), after = count.value(school.after)
                return before == after ? String(after) : "\(before) → \(after)"
            }
            row.append(school.peArtNeed.map(String.init) ?? "—")
            row.append(RotationWording.belowStaffingNeed(school).map { RotationWording.yesNo($0, l) } ?? "—")
            table.append(row)
        }
        let short = plan.schools.count(where: { RotationWording.belowStaffingNeed($0) == true })
        var out = "\n" + l.pick("学校教师数（方案前 → 方案后）：\n", "Teachers per school (before → after):\n") + table.rendered()
        if short > 0 {
            out += l.pick(
                "  低于编制需求：\(short) 个学校学段的专任教师数少于编制标准所需\n",
                "  Understaffed: \(short) school stages have fewer teachers than the staffing standard asks\n")
        }
        return out
    }

    /// The teacher counts that differ from the school rows.
    func differencesSection(_ differences: [TeacherCountDifference]) -> String {
        let l = language
        guard !differences.isEmpty else { return "" }
        var table = TextTable(
            headers: l == .chinese
                ? ["学校标识码", "学校名称", "学段", "列", "学校数据", "教师信息"]
                : ["Code", "School", "Stage", "Column", "Schools file", "Teacher records"],
            alignments: [.left, .left, .left, .left, .right, .right])
        for d in differences {
            table.append([
                d.schoolCode, context.name(d.schoolCode), d.stage.name(in: l), RotationWording.column(d.column, l),
                d.reported.map(String.init) ?? "—", String(d.counted),
            ])
        }
        return "\n" + l.pick("教师信息与学校数据不一致：\(differences.count) 处\n", "Teacher counts that differ from the schools file: \(differences.count)\n")
            + table.rendered()
    }

    /// How many town teachers at mid-level title have the rural service a senior title needs,
    /// and who gains it through the plan (the whole record is in the JSON and the workbook).
    func ruralServiceSection(_ record: RuralServiceRecord) -> String {
        let l = language
        let now = record.entries.count(where: \.qualifiesNow), after = record.entries.count(where: \.qualifiesAfterMove)
        var out = "\n" + l.pick(
            "农村或薄弱学校任教经历（城镇中级职称教师 \(record.entries.count) 人）：现有 \(now) 人具备，交流后 \(after) 人\n",
            "Rural or weak-school service (town and urban teachers at mid-level title: \(record.entries.count)): \(now) have it now, \(after) after the moves\n")
        let gaining = record.entries.filter { $0.qualifiesAfterMove && !$0.qualifiesNow }
        guard !gaining.isEmpty else { return out }
        var table = TextTable(
            headers: l == .chinese ? ["教师编号", "现任学校", "农村任教年限"] : ["Teacher", "School now", "Rural service (years)"],
            alignments: [.left, .left, .right])
        for entry in gaining {
            table.append([entry.teacherID, context.school(entry.schoolCode), String(entry.serviceYears)])
        }
        out += l.pick("  交流到农村学校任教期满后具备的教师：\n", "  Teachers who gain it once their move to a rural school is served:\n") + table.rendered(indent: 4)
        return out
    }
}
