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

    /// A builder for plans made for `schools` (one county's rows of one year: the county, the
    /// year and the school names come from them), in `language`.
    public init(schools: [SchoolYear], language: Language) {
        self.language = language
        context = RotationWording.Context(schools)
    }

    /// The name of the workbook's first sheet.
    public var summaryName: String { language.pick("汇总", "Summary") }

    /// The report of `plan`, the rural-service record `ruralService` made with its moves, and
    /// the teacher counts that differ from the schools file (`differences`).
    public func report(_ plan: RotationPlan, ruralService: RuralServiceRecord, differences: [TeacherCountDifference]) -> Report {
        let sections = [
            cvSection(plan), objectiveSection(plan), titleSection(plan), movesSection(plan), schoolsSection(plan),
            differencesSection(differences), ruralServiceSection(ruralService),
        ].compactMap { $0 }
        return Report(title: language.pick("交流轮岗方案", "Teacher rotation plan"), headline: headline(plan, ruralService), sections: sections)
    }

    /// The moves alone: what `--format csv` writes.
    public func moves(_ plan: RotationPlan) -> ReportTable {
        let l = language
        var table = ReportTable(name: l.pick("交流名单", "Moves"), columns: [
            ReportColumn("county_code", l.pick("县区代码", "County code"), for: .machines),
            ReportColumn("data_year", l.pick("年度", "Data year"), for: .machines),
            ReportColumn("teacher_id", l.pick("教师编号", "Teacher")),
            ReportColumn("from_school", l.pick("调出学校标识码", "From code")),
            ReportColumn("from_school_name", l.pick("调出学校", "From school")),
            ReportColumn("to_school", l.pick("调入学校标识码", "To code")),
            ReportColumn("to_school_name", l.pick("调入学校", "To school")),
            ReportColumn("stage", l.pick("学段", "Stage")),
            ReportColumn("reason", l.pick("原因", "Reason")),
            ReportColumn("swap", l.pick("对调组", "Swap")),
            ReportColumn("kilometres", l.pick("距离（公里）", "Distance (km)")),
        ])
        for move in plan.moves {
            table.append([
                context.countyCode.map(ReportCell.code) ?? .empty, context.year.map(ReportCell.count) ?? .empty,
                .code(move.teacherID), .code(move.from), .text(context.name(move.from)), .code(move.to), .text(context.name(move.to)),
                .term(move.stage.name(in: l), key: move.stage.rawValue), .term(RotationWording.reason(move.reason, l), key: move.reason.rawValue),
                .count(move.swap), .three(move.kilometres),
            ])
        }
        return table
    }

    // MARK: Parts

    private func headline(_ plan: RotationPlan, _ record: RuralServiceRecord) -> [ReportFact] {
        let l = language
        var facts: [ReportFact] = []
        if let code = context.countyCode {
            let name = context.countyName.map { $0.isEmpty ? "" : " \($0)" } ?? ""
            facts.append(ReportFact(l.pick("县区", "County"), .text(code + name)))
        }
        if let year = context.year { facts.append(ReportFact(l.pick("年度", "Year"), .count(year))) }
        func count(_ chinese: String, _ english: String, _ value: Int) { facts.append(ReportFact(l.pick(chinese, english), .count(value))) }
        count("符合交流条件教师数", "Eligible teachers", plan.eligible)
        count("交流教师数", "Teachers moving", plan.teacherMovers)
        count("应交流教师数（至少）", "Teachers to move (at least)", plan.requiredMovers)
        count("交流骨干教师数", "Backbone teachers moving", plan.backboneMovers)
        count("应交流骨干教师数（至少）", "Backbone teachers to move (at least)", plan.requiredBackboneMovers)
        facts.append(ReportFact(l.pick("教师交流比例", "Teacher quotas"), met(plan.meetsQuota)))
        count("符合交流条件校长数", "Eligible principals", plan.eligiblePrincipals)
        count("交流校长数", "Principals moving", plan.principalMovers)
        count("应交流校长数（至少）", "Principals to move (at least)", plan.requiredPrincipalMovers)
        facts.append(ReportFact(l.pick("校长交流比例", "Principal quota"), met(plan.meetsPrincipalQuota)))
        count("交流人次", "Moves", plan.moves.count)
        facts.append(ReportFact(l.pick("总距离（公里）", "Distance (km)"), .three(plan.kilometres)))
        count("城镇中级职称教师数", "Town teachers at mid-level title", record.entries.count)
        count("现已具备农村任教经历", "With rural service now", record.entries.count(where: \.qualifiesNow))
        count("交流后具备农村任教经历", "With rural service after the moves", record.entries.count(where: \.qualifiesAfterMove))
        return facts
    }

    private func met(_ met: Bool) -> ReportCell {
        .verdict(met ? language.pick("达到", "met") : language.pick("未达到", "not met"), key: met ? "met" : "not_met", passes: met)
    }

    /// The three teacher indicators' CVs per stage.
    private func cvSection(_ plan: RotationPlan) -> ReportSection? {
        let l = language
        guard !plan.changes.isEmpty else { return nil }
        var table = ReportTable(name: l.pick("差异系数", "CVs"), columns: [
            ReportColumn("stage", l.pick("学段", "Stage")), ReportColumn("resource", l.pick("指标", "Indicator")),
            ReportColumn("cv_before", l.pick("方案前", "Before")), ReportColumn("cv_after", l.pick("方案后", "After")),
        ])
        for change in plan.changes {
            table.append([
                .term(change.stage.name(in: l), key: change.stage.rawValue),
                .term(RotationWording.resource(change.resource, l), key: change.resource.rawValue),
                .three(change.before), .three(change.after),
            ])
        }
        return ReportSection(l.pick("差异系数（方案前 → 方案后）：", "Coefficients of variation (before → after):"), [.table(table)])
    }

    /// The model's steps and what each lowered.
    private func objectiveSection(_ plan: RotationPlan) -> ReportSection? {
        let l = language
        guard !plan.objective.isEmpty else { return nil }
        var table = ReportTable(name: l.pick("方案目标", "Objective"), columns: [
            ReportColumn("step", l.pick("步骤", "Step")), ReportColumn("stage", l.pick("学段", "Stage")),
            ReportColumn("swaps", l.pick("对调次数", "Swaps")), ReportColumn("measure", l.pick("目标量", "Measure")),
            ReportColumn("before", l.pick("方案前", "Before")), ReportColumn("after", l.pick("方案后", "After")),
            ReportColumn("kilometres", l.pick("距离（公里）", "Distance (km)")), ReportColumn("optimal", l.pick("最优性", "Optimality")),
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
        return ReportSection(l.pick("方案目标（逐步）：", "Objective, step by step:"), [.table(table)])
    }

    /// Rural against town schools' share of mid-level titles, per stage.
    private func titleSection(_ plan: RotationPlan) -> ReportSection? {
        let l = language
        guard !plan.titleStructure.isEmpty else { return nil }
        var table = ReportTable(name: l.pick("职称结构", "Title structure"), columns: [
            ReportColumn("stage", l.pick("学段", "Stage")),
            ReportColumn("rural_before", l.pick("农村学校（方案前）", "Rural before")),
            ReportColumn("town_before", l.pick("城镇学校（方案前）", "Town before")),
            ReportColumn("rural_after", l.pick("农村学校（方案后）", "Rural after")),
            ReportColumn("town_after", l.pick("城镇学校（方案后）", "Town after")),
            ReportColumn("reached", l.pick("农村不低于城镇", "Rural ≥ town")),
        ])
        for row in plan.titleStructure {
            table.append([
                .term(row.stage.name(in: l), key: row.stage.rawValue), .percent(row.ruralBefore), .percent(row.townBefore),
                .percent(row.ruralAfter), .percent(row.townAfter),
                .verdict(row.reached ? l.pick("达到", "reached") : l.pick("未达到", "not reached"), key: row.reached ? "reached" : "not_reached", passes: row.reached),
            ])
        }
        return ReportSection(
            l.pick("职称结构（中级及以上职称教师占比）：", "Title structure (share of teachers at mid-level title or higher):"), [.table(table)])
    }

    /// Every move, swap by swap.
    private func movesSection(_ plan: RotationPlan) -> ReportSection {
        let l = language
        guard !plan.moves.isEmpty else { return ReportSection(l.pick("交流名单：无", "Moves: none")) }
        return ReportSection(l.pick("交流名单：\(plan.moves.count) 人次", "Moves: \(plan.moves.count)"), [.table(moves(plan))])
    }

    /// Each school's teachers before → after, with the staffing and PE/art needs.
    private func schoolsSection(_ plan: RotationPlan) -> ReportSection? {
        let l = language
        guard !plan.schools.isEmpty else { return nil }
        var columns = [
            ReportColumn("school_code", l.pick("学校标识码", "Code")), ReportColumn("school_name", l.pick("学校名称", "School")),
            ReportColumn("locality", l.pick("城乡", "Locality")), ReportColumn("stage", l.pick("学段", "Stage")),
            ReportColumn("students", l.pick("在校生数", "Students")), ReportColumn("staffing_need", l.pick("编制需求", "Staffing need")),
        ]
        columns += RotationWording.counts.map { ReportColumn($0.key, l.pick($0.chinese, $0.english)) }
        columns += [ReportColumn("pe_art_need", l.pick("体育艺术需求", "PE/art need")), ReportColumn("understaffed", l.pick("低于编制需求", "Understaffed"))]
        var table = ReportTable(name: l.pick("学校前后对比", "Schools"), columns: columns)
        for school in plan.schools {
            let short = RotationWording.belowStaffingNeed(school)
            var row: [ReportCell] = [
                .code(school.schoolCode), .text(school.schoolName), .term(school.locality.name(in: l), key: school.locality.rawValue),
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
        return ReportSection(l.pick("学校教师数（方案前 → 方案后）：", "Teachers per school (before → after):"), blocks)
    }

    /// The teacher counts that differ from the school rows.
    private func differencesSection(_ differences: [TeacherCountDifference]) -> ReportSection? {
        let l = language
        guard !differences.isEmpty else { return nil }
        var table = ReportTable(name: l.pick("数据不一致", "Count differences"), columns: [
            ReportColumn("school_code", l.pick("学校标识码", "Code")), ReportColumn("school_name", l.pick("学校名称", "School")),
            ReportColumn("stage", l.pick("学段", "Stage")), ReportColumn("column", l.pick("列", "Column")),
            ReportColumn("reported", l.pick("学校数据", "Schools file")), ReportColumn("counted", l.pick("教师信息", "Teacher records")),
        ])
        for d in differences {
            table.append([
                .code(d.schoolCode), .text(context.name(d.schoolCode)), .term(d.stage.name(in: l), key: d.stage.rawValue),
                .term(RotationWording.column(d.column, l), key: d.column.key), d.reported.map(ReportCell.count) ?? .empty, .count(d.counted),
            ])
        }
        return ReportSection(
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
                ReportColumn("teacher_id", l.pick("教师编号", "Teacher")), ReportColumn("school_code", l.pick("学校标识码", "School code")),
                ReportColumn("school_name", l.pick("学校名称", "School")), ReportColumn("service_years", l.pick("农村任教年限", "Rural service (years)")),
                ReportColumn("qualifies_now", l.pick("现已具备", "Has it now")),
                ReportColumn("qualifies_after_move", l.pick("交流后具备", "Has it after the moves")),
            ], isDetail: isDetail)
            for entry in entries {
                table.append([
                    .code(entry.teacherID), .code(entry.schoolCode), .text(context.name(entry.schoolCode)), .count(entry.serviceYears),
                    .term(RotationWording.yesNo(entry.qualifiesNow, l), key: entry.qualifiesNow ? "yes" : "no"),
                    .term(RotationWording.yesNo(entry.qualifiesAfterMove, l), key: entry.qualifiesAfterMove ? "yes" : "no"),
                ])
            }
            return table
        }
        var blocks: [ReportBlock] = []
        let gaining = record.entries.filter { $0.qualifiesAfterMove && !$0.qualifiesNow }
        if !gaining.isEmpty {
            blocks.append(.note(l.pick("交流到农村学校任教期满后具备的教师：", "Teachers who gain it once their move to a rural school is served:")))
            blocks.append(.table(table(l.pick("交流后具备", "Gaining it"), gaining, isDetail: false)))
        }
        if !record.entries.isEmpty { blocks.append(.table(table(l.pick("农村任教经历", "Rural service"), record.entries, isDetail: true))) }
        return ReportSection(heading, blocks)
    }
}

extension RotationReport {
    /// The workbook of the report (`junheng plan rotate --out`, the web page's download).
    public func workbook(_ plan: RotationPlan, ruralService: RuralServiceRecord, differences: [TeacherCountDifference]) throws(XLSXError) -> [UInt8] {
        try XLSXRenderer(language: language, summaryName: summaryName).workbook(report(plan, ruralService: ruralService, differences: differences))
    }
}
