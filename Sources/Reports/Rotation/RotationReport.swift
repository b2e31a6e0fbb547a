import Domain
import Interchange
import Planning
import Spreadsheet

/// The yearly rotation plan (交流轮岗方案) as a ``Report`` — one builder for every medium:
/// `junheng plan rotate` renders it as terminal text, CSV of its moves (the contract
/// `county_code,data_year,teacher_id,from_school,from_school_name,to_school,to_school_name,
/// stage,reason,swap,kilometres`) and a workbook.
///
/// What a planner reads: the quota checks for teachers and principals, the three teacher CVs
/// before and after, the model's steps, the title structure, the moves, each school's teachers
/// before and after against its staffing need, the teacher counts that differ from the schools
/// file and the rural-service record.
public struct RotationReport: Sendable {
    /// The language of the text.
    public let language: Language
    let context: RotationWording.Context
    /// 任教学科 by 教师编号, when the teachers are given.
    let subjects: [String: Subject]
    /// The standard the plan was made under, when given: its indicator names and CV limits
    /// judge the CVs and draw them as charts.
    let standard: Standard?

    /// A builder for plans made for `schools` (one county's rows of one year: the county, the
    /// year and the school names come from them) and, when given, `teachers` (for their
    /// subjects) and the `standard` (for the CVs' limits), in `language`.
    public init(schools: [SchoolYear], teachers: [Teacher] = [], standard: Standard? = nil, language: Language) {
        self.language = language
        self.standard = standard
        context = RotationWording.Context(schools)
        subjects = Dictionary(teachers.map { ($0.id, $0.subject) }, uniquingKeysWith: { first, _ in first })
    }

    /// The name of the workbook's first sheet.
    public var summaryName: String { Term.summary.name(in: language) }

    /// The report of `plan`, the rural-service record `ruralService` made with its moves, and
    /// the teacher counts that differ from the schools file (`differences`).
    ///
    /// - Parameter rules: the rules the plan was made under, for the quota's note.
    public func report(
        _ plan: RotationPlan, ruralService: RuralServiceRecord, differences: [TeacherCountDifference], rules: RotationRules? = nil
    ) -> Report {
        let sections = [
            quotaSection(plan, rules: rules), moversSection(plan), cvSection(plan), objectiveSection(plan), titleSection(plan), movesSection(plan),
            schoolsSection(plan), differencesSection(differences), ruralServiceSection(ruralService),
        ].compactMap { $0 }
        return Report(title: language.pick("交流轮岗方案", "Teacher rotation plan"), headline: headline(plan), sections: sections)
    }

    /// The moves alone: what `--format csv` writes.
    public func moves(_ plan: RotationPlan) -> ReportTable {
        let l = language
        var table = ReportTable(name: l.pick("交流名单", "Moves"), columns: [
            ReportColumn(.countyCode, l, for: .machines), ReportColumn(.dataYear, l, for: .machines), ReportColumn(.teacherID, l),
            ReportColumn("from_school", l.pick("调出学校标识码", "From code")), ReportColumn("from_school_name", l.pick("调出学校", "From school")),
            ReportColumn("to_school", l.pick("调入学校标识码", "To code")), ReportColumn("to_school_name", l.pick("调入学校", "To school")),
            ReportColumn(.stage, l), ReportColumn(.reason, l), ReportColumn("swap", l.pick("对调组", "Swap")), Self.kilometres(l),
        ])
        for move in plan.moves {
            table.append([
                context.countyCode.map(ReportCell.code) ?? .empty, context.year.map(ReportCell.count) ?? .empty,
                .code(move.teacherID), .code(move.from), school(move.from), .code(move.to), school(move.to),
                .term(move.stage.name(in: l), key: move.stage.rawValue), .term(RotationWording.reason(move.reason, l), key: move.reason.rawValue),
                .count(move.swap), .three(move.kilometres),
            ])
        }
        // The subject (swaps pair teachers of one subject) for people, when the teachers are
        // known; the CSV's columns stay as documented.
        if !subjects.isEmpty {
            table.columns.insert(ReportColumn("subject", l.pick("任教学科", "Subject"), for: .people), at: 3)
            for (index, move) in plan.moves.enumerated() {
                table.rows[index].insert(subjects[move.teacherID].map { .term(l.pick($0.chineseName, $0.key), key: $0.key) } ?? .empty, at: 3)
            }
        }
        return table
    }

    // MARK: Parts

    private func headline(_ plan: RotationPlan) -> [ReportFact] {
        let l = language
        var facts: [ReportFact] = []
        if let code = context.countyCode {
            let name = context.countyName.map { $0.isEmpty ? "" : " \($0)" } ?? ""
            facts.append(ReportFact(Term.county.name(in: l), .text(code + name)))
        }
        if let year = context.year { facts.append(ReportFact(Term.year.name(in: l), .count(year))) }
        facts.append(ReportFact(l.pick("交流人次", "Moves"), .count(plan.moves.count)))
        facts.append(ReportFact(l.pick("总距离（公里，有坐标的学校之间）", "Distance (km, between schools with coordinates)"), .three(plan.kilometres)))
        return facts
    }

    /// A school's name, linking to its page.
    /// 距离（公里）: how far the moves take the teachers.
    private static func kilometres(_ l: Language) -> ReportColumn {
        ReportColumn("kilometres", l.pick("距离（公里）", "Distance (km)"))
    }

    private func school(_ code: String) -> ReportCell {
        .link(context.name(code), to: .school(code: code))
    }

    /// The quota check (交流比例): eligible, required and moving teachers, backbone teachers
    /// and principals, and whether each quota holds.
    private func quotaSection(_ plan: RotationPlan, rules: RotationRules?) -> ReportSection {
        let l = language
        var table = ReportTable(name: l.pick("交流比例", "Quotas"), columns: [
            ReportColumn("who", l.pick("对象", "Who")), ReportColumn("eligible", l.pick("符合交流条件", "Eligible")),
            ReportColumn("required", l.pick("应交流（至少）", "Required (at least)")), ReportColumn("moving", l.pick("方案交流", "Moving in the plan")),
            ReportColumn("check", l.pick("核查结果", "Check")),
        ])
        // Teachers shared within a cluster this year (集团内互派) count as movers.
        table.append([.term(l.pick("专任教师（不含校长）", "Teachers (principals not included)"), key: "teachers"), .count(plan.eligible),
                      .count(plan.requiredMovers), .count(plan.teacherMovers + plan.sharedTeachers),
                      met(plan.teacherMovers + plan.sharedTeachers >= plan.requiredMovers)])
        table.append([.term(l.pick("其中县级以上骨干教师", "of whom backbone teachers"), key: "backbone"), .empty,
                      .count(plan.requiredBackboneMovers), .count(plan.backboneMovers + plan.sharedBackboneTeachers),
                      met(plan.backboneMovers + plan.sharedBackboneTeachers >= plan.requiredBackboneMovers)])
        table.append([.term(l.pick("校长", "Principals"), key: "principals"), .count(plan.eligiblePrincipals),
                      .count(plan.requiredPrincipalMovers), .count(plan.principalMovers), met(plan.meetsPrincipalQuota)])
        let conclusion = switch (plan.meetsQuota, plan.meetsPrincipalQuota) {
        case (true, true): l.pick("教师和校长交流比例均达到要求。", "The teacher and principal quotas are both met.")
        case (false, true): l.pick("教师交流比例未达到要求。", "The teacher quota is not met.")
        case (true, false): l.pick("校长交流比例未达到要求。", "The principal quota is not met.")
        case (false, false): l.pick("教师和校长交流比例均未达到要求。", "Neither the teacher nor the principal quota is met.")
        }
        var blocks: [ReportBlock] = [.paragraph(conclusion), .table(table)]
        if let rules {
            let share = Decimals.percent(rules.minShareOfEligible), backbone = Decimals.percent(rules.minBackboneShareOfMovers)
            blocks.append(.note(l.pick(
                "每年交流人数不少于符合交流条件教师的 \(share)，其中县级以上骨干教师不少于交流人数的 \(backbone)；校长按相同比例。在同一学校任教满 \(rules.minYearsAtSchool) 年（校长满 \(rules.principalMinYears) 年）、距退休 \(rules.retirementExclusionYears) 年以上且无暂缓交流情形的，符合交流条件。",
                "Each year at least \(share) of eligible teachers move, and at least \(backbone) of movers are backbone teachers; principals at the same share. Eligible: \(rules.minYearsAtSchool) years or more at the school (principals \(rules.principalMinYears)), more than \(rules.retirementExclusionYears) years before retirement, no exemption.")))
        }
        return ReportSection(id: "quota", l.pick("交流比例核查", "Quota check"), blocks)
    }

    /// Movers against the required number (交流人数与应交流人数), and why each step moved whom it
    /// did: the CV it brought under its target (or as low as it goes), title parity, the
    /// backbone share or the quota itself. Every mover beyond the required number is one of a
    /// step's movers, so the table says why each extra move was needed.
    private func moversSection(_ plan: RotationPlan) -> ReportSection {
        let l = language
        var table = ReportTable(name: l.pick("交流人数构成", "Movers by step"), columns: [
            ReportColumn("step", l.pick("步骤", "Step")), ReportColumn(.stage, l),
            ReportColumn("movers", l.pick("交流人数", "Movers")), ReportColumn("why", l.pick("原因", "Why")),
        ])
        let others = plan.objective.filter { $0.step != .quota && $0.step != .principal }.reduce(0) { $0 + $1.movers }
        for term in plan.objective where term.swaps > 0 && term.step != .principal {
            table.append([
                .term(RotationWording.step(term.step, l), key: term.step.rawValue),
                .term(RotationWording.stage(term.stage, l), key: term.stage?.rawValue ?? ""), .count(term.movers),
                .text(why(term, plan: plan, othersMovers: others)),
            ])
        }
        let aim = plan.aim == .fewestMoves
            ? l.pick("方案目标：交流人数最少（满足交流比例、各项教师差异系数低于限值 × (1 − \(Decimals.percent(plan.cvMargin)))（可达时）、农村职称结构不低于城镇），其次距离最短。",
                     "Objective: the fewest movers (the quotas, every teacher CV under its limit × (1 − \(Decimals.percent(plan.cvMargin))) where a rotation can reach it, rural title parity), then the least distance.")
            : l.pick("方案目标：各项教师差异系数尽量低（均衡优先），交流人数可能远多于应交流人数。",
                     "Objective: every teacher CV as low as the swaps can bring it (equalize); the movers may be several times the required number.")
        let count = plan.extraMovers > 0
            ? l.pick("方案交流 \(plan.teacherMovers) 名教师，应交流至少 \(plan.requiredMovers) 名，多出 \(plan.extraMovers) 名，各为下表所列步骤所需。",
                     "The plan moves \(plan.teacherMovers) teachers against \(plan.requiredMovers) required: \(plan.extraMovers) more, each needed by a step below.")
            : l.pick("方案交流 \(plan.teacherMovers) 名教师，应交流至少 \(plan.requiredMovers) 名。",
                     "The plan moves \(plan.teacherMovers) teachers against \(plan.requiredMovers) required.")
        var blocks: [ReportBlock] = [.paragraph(aim), .paragraph(count)]
        if plan.sharedTeachers > 0 {
            blocks.append(.paragraph(l.pick(
                "另有学区、集团内互派教师 \(plan.sharedTeachers) 名（其中骨干教师 \(plan.sharedBackboneTeachers) 名）本年度已交流，计入交流比例，方案不再调动。",
                "\(plan.sharedTeachers) more teachers (\(plan.sharedBackboneTeachers) backbone) are shared within school clusters this year: they count toward the quotas and the plan does not move them.")))
        }
        if !table.rows.isEmpty { blocks.append(.table(table)) }
        if let ceiling = plan.maxMovers {
            blocks.append(.note(l.pick("规则限定均衡各步至多交流 \(ceiling) 名教师（交流比例所需人数不受此限）。",
                                       "The rules let the balancing steps move at most \(ceiling) teachers (the quota's movers are made regardless).")))
        }
        return ReportSection(id: "movers", l.pick("交流人数与应交流人数", "Movers against the required number"), blocks)
    }

    /// Why a step moved its teachers, in words.
    private func why(_ term: RotationObjectiveTerm, plan: RotationPlan, othersMovers: Int) -> String {
        let l = language
        switch term.step {
        case .backbone, .qualified, .peArt:
            let resource: Resource = term.step == .backbone ? .backboneTeachers : term.step == .qualified ? .qualifiedTeachers : .peArtTeachers
            let change = plan.changes.first { $0.resource == resource && $0.stage == term.stage }
            let cvs = "\(change?.before.map(Decimals.three) ?? "—") → \(change?.after.map(Decimals.three) ?? "—")"
            let name = resource.name(in: l)
            guard let target = term.cvTarget else {
                return l.pick("\(name)差异系数 \(cvs)（尽量降低）", "\(name) CV \(cvs) (as low as it goes)")
            }
            return term.reached == true
                ? l.pick("\(name)差异系数 \(cvs)，降至目标 \(Decimals.three(target)) 以下所需的最少对调",
                         "\(name) CV \(cvs): the fewest swaps that bring it to its target \(Decimals.three(target)) or below")
                : l.pick("\(name)差异系数 \(cvs)，目标 \(Decimals.three(target)) 无法达到，降至可达最低",
                         "\(name) CV \(cvs): its target \(Decimals.three(target)) cannot be reached, so as low as the swaps go")
        case .seniorTitle:
            return term.reached == false
                ? l.pick("农村学校中级及以上职称占比向城镇学校靠拢（可对调教师不足，未能达到）",
                         "rural schools' share of mid-level titles toward the town schools' (not reached: too few teachers to swap)")
                : l.pick("农村学校中级及以上职称占比达到城镇学校所需的最少对调", "the fewest swaps that bring rural schools' share of mid-level titles up to the town schools'")
        case .quota:
            return othersMovers >= plan.requiredMovers
                ? l.pick("骨干教师不少于交流人数的规定比例", "backbone teachers at least the rules' share of the movers")
                : l.pick("补足应交流人数（每次对调 2 人）", "the quota's required number (two teachers a swap)")
        case .principal:
            return ""
        }
    }

    private func met(_ met: Bool) -> ReportCell {
        .verdict(met ? language.pick("达到", "met") : language.pick("未达到", "not met"), key: met ? "met" : "not_met", passes: met)
    }

    /// The three teacher indicators' CVs per stage.
    private func cvSection(_ plan: RotationPlan) -> ReportSection? {
        let l = language
        guard !plan.changes.isEmpty else { return nil }
        var table = ReportTable(name: l.pick("差异系数", "CVs"), columns: [
            ReportColumn(.stage, l), ReportColumn("resource", l.pick("指标", "Indicator")),
            ReportColumn("cv_before", Term.before.name(in: l)), ReportColumn("cv_after", Term.after.name(in: l)),
        ])
        for change in plan.changes {
            table.append([
                .term(change.stage.name(in: l), key: change.stage.rawValue),
                .term(change.resource.name(in: l), key: change.resource.rawValue),
                judged(change.before, change.stage), judged(change.after, change.stage),
            ])
        }
        return ReportSection(id: "cvs", l.pick("差异系数（方案前 → 方案后）：", "Coefficients of variation (before → after):"),
                             charts(plan.changes) + [.table(table)])
    }

    /// A CV against the standard's limit for `stage`, when there is one.
    private func judged(_ cv: Double?, _ stage: Stage) -> ReportCell {
        .judged(cv, places: 3, passes: pass(cv, stage))
    }

    private func pass(_ cv: Double?, _ stage: Stage) -> Bool? {
        guard let cv, cv.isFinite, let balance = standard?.balance, balance.cvLimits[stage] != nil else { return nil }
        return balance.passes(cv, stage: stage)
    }

    /// One before/after chart per stage of the CVs, when the standard gives their limits.
    private func charts(_ changes: [TeacherIndicatorChange]) -> [ReportBlock] {
        guard let standard else { return [] }
        let l = language
        var stages: [Stage] = []
        for change in changes where !stages.contains(change.stage) { stages.append(change.stage) }
        return stages.map { stage in
            let limit = standard.balance.cvLimits[stage]
            return .chart(.bars(.beforeAfter(
                title: l.pick("\(stage.chineseName)：教师配置指标校际差异系数（交流前后）",
                              "\(stage.englishName.capitalized): inter-school CV of the teacher indicators, before and after"),
                items: changes.filter { $0.stage == stage }.map { change in
                    (RotationWording.indicator(change.resource, standard: standard, l),
                     .init(cv: change.before, limit: limit, pass: pass(change.before, stage)),
                     .init(cv: change.after, limit: limit, pass: pass(change.after, stage)))
                },
                words: (l.pick("交流前", "before"), l.pick("交流后", "after")), language: l)))
        }
    }

    /// The model's steps and what each lowered.
    private func objectiveSection(_ plan: RotationPlan) -> ReportSection? {
        let l = language
        guard !plan.objective.isEmpty else { return nil }
        var table = ReportTable(name: l.pick("方案目标", "Objective"), columns: [
            ReportColumn("step", l.pick("步骤", "Step")), ReportColumn(.stage, l),
            ReportColumn("swaps", l.pick("对调次数", "Swaps")), ReportColumn("measure", l.pick("目标量", "Measure")),
            ReportColumn(.before, l), ReportColumn(.after, l),
            Self.kilometres(l), ReportColumn("optimal", Term.optimality.name(in: l)),
        ])
        for term in plan.objective {
            table.append([
                .term(RotationWording.step(term.step, l), key: term.step.rawValue),
                .term(RotationWording.stage(term.stage, l), key: term.stage?.rawValue ?? ""), .count(term.swaps),
                RotationWording.measure(term.step, l).map { .term($0, key: RotationWording.measureKey(term.step) ?? "") } ?? .empty,
                .three(term.before), .three(term.after), .three(term.kilometres),
                .verdict(RotationWording.optimal(term.optimal, l), key: term.optimal ? "optimal" : "not_optimal", passes: term.optimal ? nil : false),
            ])
        }
        return ReportSection(id: "objective", l.pick("方案目标（逐步）：", "Objective, step by step:"), [.table(table)])
    }

    /// Rural against town schools' share of mid-level titles, per stage.
    private func titleSection(_ plan: RotationPlan) -> ReportSection? {
        let l = language
        guard !plan.titleStructure.isEmpty else { return nil }
        var table = ReportTable(name: l.pick("职称结构", "Title structure"), columns: [
            ReportColumn(.stage, l), ReportColumn("rural_before", l.pick("农村学校（方案前）", "Rural before")),
            ReportColumn("town_before", l.pick("城镇学校（方案前）", "Town before")), ReportColumn("rural_after", l.pick("农村学校（方案后）", "Rural after")),
            ReportColumn("town_after", l.pick("城镇学校（方案后）", "Town after")), ReportColumn("reached", l.pick("农村不低于城镇", "Rural ≥ town")),
        ])
        for row in plan.titleStructure {
            table.append([
                .term(row.stage.name(in: l), key: row.stage.rawValue), .percent(row.ruralBefore), .percent(row.townBefore),
                .percent(row.ruralAfter), .percent(row.townAfter),
                .verdict(row.reached ? l.pick("达到", "reached") : l.pick("未达到", "not reached"), key: row.reached ? "reached" : "not_reached", passes: row.reached),
            ])
        }
        return ReportSection(id: "titles", 
            l.pick("职称结构（中级及以上职称教师占比）：", "Title structure (share of teachers at mid-level title or higher):"), [.table(table)])
    }

    /// Every move, swap by swap.
    private func movesSection(_ plan: RotationPlan) -> ReportSection {
        let l = language
        guard !plan.moves.isEmpty else { return ReportSection(id: "moves", l.pick("交流名单：无", "Moves: none")) }
        return ReportSection(id: "moves", l.pick("交流名单：\(plan.moves.count) 人次", "Moves: \(plan.moves.count)"), [.table(moves(plan))])
    }

    /// Each school's teachers before → after, with the staffing and PE/art needs.
    private func schoolsSection(_ plan: RotationPlan) -> ReportSection? {
        let l = language
        guard !plan.schools.isEmpty else { return nil }
        var columns = [
            ReportColumn(.schoolCode, l), ReportColumn(.schoolName, l), ReportColumn(.locality, l), ReportColumn(.stage, l),
            ReportColumn(.students, l), ReportColumn("staffing_need", l.pick("编制需求", "Staffing need")),
        ]
        columns += RotationWording.counts.map { ReportColumn($0.key, l.pick($0.chinese, $0.english)) }
        columns += [ReportColumn("pe_art_need", l.pick("体育艺术需求", "PE/art need")), ReportColumn("understaffed", l.pick("低于编制需求", "Understaffed"))]
        var table = ReportTable(name: l.pick("学校前后对比", "Schools"), columns: columns)
        for school in plan.schools {
            let short = RotationWording.belowStaffingNeed(school)
            var row: [ReportCell] = [
                .code(school.schoolCode), .link(school.schoolName, to: .school(code: school.schoolCode)),
                .term(school.locality.name(in: l), key: school.locality.rawValue),
                .term(school.stage.name(in: l), key: school.stage.rawValue), .count(school.students),
                school.staffingNeed.map(ReportCell.count) ?? .empty,
            ]
            // The teachers after the plan are what the staffing need is judged on.
            row += RotationWording.counts.enumerated().map { index, count in
                .change(before: count.value(school.before), after: count.value(school.after), passes: index == 0 && short == true ? false : nil)
            }
            row.append(school.peArtNeed.map(ReportCell.count) ?? .empty)
            row.append(short.map { .verdict(RotationWording.yesNo($0, l), key: $0 ? "yes" : "no", passes: $0 ? false : nil) } ?? .empty)
            table.append(row)
        }
        var blocks: [ReportBlock] = [.table(table)]
        let short = plan.schools.count(where: { RotationWording.belowStaffingNeed($0) == true })
        if short > 0 {
            blocks.append(.note(l.pick(
                "低于编制需求：\(short) 个学校学段的专任教师数少于编制标准所需",
                "Understaffed: \(short) school stages have fewer teachers than the staffing standard asks")))
        }
        return ReportSection(id: "schools", l.pick("学校教师数（方案前 → 方案后）：", "Teachers per school (before → after):"), blocks)
    }

    /// The teacher counts that differ from the school rows.
    private func differencesSection(_ differences: [TeacherCountDifference]) -> ReportSection {
        let l = language
        guard !differences.isEmpty else {
            return ReportSection(
                id: "differences", l.pick("教师信息与学校数据", "Teacher records and the schools file"),
                [.paragraph(l.pick("教师信息的各项计数与学校数据一致。", "Every count of the teacher records matches the schools file."))])
        }
        var table = ReportTable(name: l.pick("数据不一致", "Count differences"), columns: [
            ReportColumn(.schoolCode, l), ReportColumn(.schoolName, l),
            ReportColumn(.stage, l), ReportColumn(.column, l),
            ReportColumn("reported", l.pick("学校数据", "Schools file")), ReportColumn("counted", l.pick("教师信息", "Teacher records")),
        ])
        for d in differences {
            table.append([
                .code(d.schoolCode), school(d.schoolCode), .term(d.stage.name(in: l), key: d.stage.rawValue),
                .term(RotationWording.column(d.column, l), key: d.column.key), d.reported.map(ReportCell.count) ?? .empty, .count(d.counted),
            ])
        }
        return ReportSection(id: "differences", 
            l.pick("教师信息与学校数据不一致：\(differences.count) 处", "Teacher counts that differ from the schools file: \(differences.count)"),
            [.table(table)])
    }

    /// How many town teachers at mid-level title have the rural service a senior title needs,
    /// who gains it through the plan, and (in workbooks) the whole record.
    private func ruralServiceSection(_ record: RuralServiceRecord) -> ReportSection {
        let l = language
        let now = record.entries.count(where: \.qualifiesNow), after = record.entries.count(where: \.qualifiesAfterMove)
        let heading = l.pick(
            "农村或薄弱学校任教经历（城镇中级职称教师 \(record.entries.count) 人）：现有 \(now) 人具备，交流后 \(after) 人",
            "Rural or weak-school service (town and urban teachers at mid-level title: \(record.entries.count)): \(now) have it now, \(after) after the moves")
        func table(_ name: String, _ entries: [RuralServiceRecord.Entry], isDetail: Bool) -> ReportTable {
            var table = ReportTable(name: name, columns: [
                ReportColumn(.teacherID, l), ReportColumn(.schoolCode, l),
                ReportColumn(.schoolName, l), ReportColumn("service_years", l.pick("农村任教年限", "Rural service (years)")),
                ReportColumn("qualifies_now", l.pick("现已具备", "Has it now")),
                ReportColumn("qualifies_after_move", l.pick("交流后具备", "Has it after the moves")),
            ], isDetail: isDetail)
            for entry in entries {
                table.append([
                    .code(entry.teacherID), .code(entry.schoolCode), school(entry.schoolCode), .count(entry.serviceYears),
                    .term(RotationWording.yesNo(entry.qualifiesNow, l), key: entry.qualifiesNow ? "yes" : "no"),
                    .term(RotationWording.yesNo(entry.qualifiesAfterMove, l), key: entry.qualifiesAfterMove ? "yes" : "no"),
                ])
            }
            return table
        }
        var blocks: [ReportBlock] = [.facts([
            ReportFact(l.pick("城镇学校中级职称教师", "Town and urban teachers at mid-level title"), .count(record.entries.count)),
            ReportFact(l.pick("现已具备任教经历", "With the service now"), .count(now)),
            ReportFact(l.pick("交流期满后具备", "With it once the moves are served"), .count(after)),
        ])]
        let gaining = record.entries.filter { $0.qualifiesAfterMove && !$0.qualifiesNow }
        if !gaining.isEmpty {
            blocks.append(.note(l.pick("交流到农村学校任教期满后具备的教师：", "Teachers who gain it once their move to a rural school is served:")))
            blocks.append(.table(table(l.pick("交流后具备", "Gaining it"), gaining, isDetail: false)))
        }
        if !record.entries.isEmpty { blocks.append(.table(table(l.pick("农村任教经历", "Rural service"), record.entries, isDetail: true))) }
        return ReportSection(id: "rural", heading, blocks)
    }
}

extension RotationReport {
    /// The workbook of the report (`junheng plan rotate --out`, the web page's download).
    public func workbook(
        _ plan: RotationPlan, ruralService: RuralServiceRecord, differences: [TeacherCountDifference], rules: RotationRules? = nil
    ) throws(XLSXError) -> [UInt8] {
        try XLSXRenderer(language: language, summaryName: summaryName).workbook(report(plan, ruralService: ruralService, differences: differences, rules: rules))
    }
}
