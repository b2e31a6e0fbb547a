import Demo
@testable import Domain
import Foundation
@testable import Interchange
@testable import Planning
import Reports
import Spreadsheet
import Testing

/// The rotation plan writers: a hand-made plan whose every value is known, to check what each
/// writer shows where (text, JSON keys and machine values, CSV cells, workbook cells read back
/// with Junheng's reader), and the planner's plan of a demo county, to check the sizes.
@Suite struct RotationWritersTests {
    /// One demo county's rows and teachers.
    let schools: [SchoolYear]
    let teachers: [Teacher]
    /// Two of its schools the hand-made plan moves between.
    let a: SchoolYear, b: SchoolYear

    init() throws {
        let generator = DemoGenerator(seed: 1, counties: 1, year: 2025)
        let data = generator.generate()
        schools = data.schools
        teachers = generator.teachers(of: data)
        let primary = schools.filter { ($0.primary.students ?? 0) > 0 }
        try #require(primary.count >= 2)
        (a, b) = (primary[0], primary[1])
    }

    // MARK: The hand-made plan

    func counts(_ teachers: Int, _ qualified: Int, _ backbone: Int, _ peArt: Int, _ seniorTitle: Int) -> TeacherCounts {
        var counts = TeacherCounts()
        (counts.teachers, counts.qualified, counts.backbone, counts.peArt, counts.seniorTitle) = (teachers, qualified, backbone, peArt, seniorTitle)
        return counts
    }

    /// A swap of a backbone teacher for a partner (3.25 km), a principals' swap without
    /// distance, two steps, a title row, and two schools, the first below its staffing need.
    var handMade: RotationPlan {
        RotationPlan(
            moves: [
                TeacherMove(teacherID: "T1", from: a.schoolCode, to: b.schoolCode, stage: .primary, reason: .backbone, swap: 1, kilometres: 3.25),
                TeacherMove(teacherID: "T2", from: b.schoolCode, to: a.schoolCode, stage: .primary, reason: .partner, swap: 1, kilometres: 3.25),
                TeacherMove(teacherID: "P1", from: a.schoolCode, to: b.schoolCode, stage: .primary, reason: .principal, swap: 2, kilometres: nil),
                TeacherMove(teacherID: "P2", from: b.schoolCode, to: a.schoolCode, stage: .primary, reason: .principal, swap: 2, kilometres: nil),
            ],
            eligible: 20, requiredMovers: 2, requiredBackboneMovers: 1, teacherMovers: 2, backboneMovers: 1,
            eligiblePrincipals: 4, requiredPrincipalMovers: 1, principalMovers: 2,
            changes: [
                TeacherIndicatorChange(resource: .backboneTeachers, stage: .primary, before: 0.5125, after: 0.25),
                TeacherIndicatorChange(resource: .peArtTeachers, stage: .primary, before: nil, after: nil),
            ],
            objective: [
                RotationObjectiveTerm(step: .backbone, stage: .primary, swaps: 1, before: 1.5, after: 1.25, kilometres: 6.5, optimal: true),
                RotationObjectiveTerm(step: .quota, stage: nil, swaps: 0, before: nil, after: nil, kilometres: 0, optimal: false),
            ],
            schools: [
                SchoolRotationCounts(
                    schoolCode: a.schoolCode, schoolName: a.schoolName, locality: .urban, stage: .primary, students: 400,
                    staffingNeed: 25, peArtNeed: 3, before: counts(22, 20, 3, 2, 10), after: counts(22, 20, 2, 2, 10)),
                SchoolRotationCounts(
                    schoolCode: b.schoolCode, schoolName: b.schoolName, locality: .rural, stage: .primary, students: 150,
                    staffingNeed: nil, peArtNeed: nil, before: counts(12, 10, 0, 1, 4), after: counts(12, 10, 1, 1, 4)),
            ],
            titleStructure: [TitleStructure(stage: .primary, ruralBefore: 0.4, townBefore: 0.5, ruralAfter: 0.5, townAfter: 0.45)],
            kilometres: 6.5)
    }

    var record: RuralServiceRecord {
        var record = RuralServiceRecord(teachers: [], schools: [], rules: .defaults)
        record.entries = [
            .init(teacherID: "T1", schoolCode: a.schoolCode, serviceYears: 0, qualifiesNow: false, qualifiesAfterMove: true),
            .init(teacherID: "T9", schoolCode: a.schoolCode, serviceYears: 2, qualifiesNow: true, qualifiesAfterMove: true),
        ]
        return record
    }

    var differences: [TeacherCountDifference] {
        [TeacherCountDifference(schoolCode: a.schoolCode, stage: .primary, column: .backbonePrimary, reported: 4, counted: 3)]
    }

    // MARK: Rendering

    private func text(_ plan: RotationPlan, _ language: Language, differences: [TeacherCountDifference], record: RuralServiceRecord? = nil) -> String {
        TerminalRenderer(language: language).text(RotationReport(schools: schools, language: language).report(plan, ruralService: record ?? self.record, differences: differences))
    }

    private func csv(_ plan: RotationPlan) -> String {
        String(decoding: CSVRenderer().document(RotationReport(schools: schools, language: .chinese).moves(plan)), as: UTF8.self)
    }

    private func workbook(_ plan: RotationPlan, _ language: Language, differences: [TeacherCountDifference], record: RuralServiceRecord? = nil) throws -> XLSXWorkbook {
        let bytes = try RotationReport(schools: schools, language: language).workbook(plan, ruralService: record ?? self.record, differences: differences)
        return try XLSXWorkbook(bytes: bytes, file: "rotation.xlsx")
    }

    /// The documented columns of `junheng plan rotate --format csv` (data-format.md).
    static let csvColumns = [
        "county_code", "data_year", "teacher_id", "from_school", "from_school_name", "to_school", "to_school_name",
        "stage", "reason", "swap", "kilometres",
    ]

    // MARK: Tests

    @Test func theTableShowsEveryPart() {
        let text = self.text(handMade, .chinese, differences: differences)
        #expect(text.hasPrefix("交流轮岗方案\n\n县区：\(a.countyCode) \(a.countyName ?? "")\n年度：2025\n"))
        #expect(text.contains("\n交流人次：4\n总距离（公里，有坐标的学校之间）：6.500\n"))
        #expect(text.contains("\n交流比例核查\n教师和校长交流比例均达到要求。\n"))
        let quota = text.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(quota.contains(["专任教师（不含校长）", "20", "2", "2", "达到"]))
        #expect(quota.contains(["其中县级以上骨干教师", "1", "1", "达到"]))
        #expect(quota.contains(["校长", "4", "1", "2", "达到"]))
        #expect(text.contains("差异系数（方案前 → 方案后）"))
        #expect(text.contains("0.513") && text.contains("0.250"))
        #expect(text.contains("方案目标（逐步）") && text.contains("已证明最优") && text.contains("全部学段"))
        #expect(text.contains("每百名学生人数的加权方差"))
        #expect(text.contains("职称结构") && text.contains("40.000%") && text.contains("45.000%") && text.contains("达到"))
        #expect(text.contains("交流名单：4 人次"))
        #expect(text.contains("\(a.schoolCode)  \(a.schoolName)") && text.contains("骨干教师均衡") && text.contains("校长交流") && text.contains("对调"))
        #expect(text.contains("3 → 2"))
        #expect(text.contains("低于编制需求：1 个学校学段"))
        #expect(text.contains("教师信息与学校数据不一致：1 处") && text.contains("小学县级及以上骨干教师数"))
        #expect(text.contains("农村或薄弱学校任教经历（城镇中级职称教师 2 人）：现有 1 人具备，交流后 2 人"))
        #expect(text.contains("交流到农村学校任教期满后具备的教师"))
        #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") }, "\(text.split(separator: "\n").filter { $0.hasSuffix(" ") })")

        let english = self.text(handMade, .english, differences: [])
        #expect(english.hasPrefix("Teacher rotation plan\n"))
        #expect(english.contains("\nQuota check\nThe teacher and principal quotas are both met.\n"))
        #expect(english.contains("backbone balance") && english.contains("principal rotation") && english.contains("not proven optimal"))
        #expect(!english.contains("differ from the schools file"))
        #expect(!english.contains("交流"))
    }

    @Test func jsonHasTheFieldsInMachineValues() throws {
        let text = try JSONValue(encoding: RotationPlanDocument(handMade, ruralService: record, differences: differences, schools: schools)).serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let topKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topKeys == [
            "county_code", "county_name", "year", "eligible", "movers", "required_movers", "backbone_movers",
            "required_backbone_movers", "meets_quota", "eligible_principals", "required_principal_movers", "principal_movers",
            "meets_principal_quota", "kilometres", "cvs", "objective", "title_structure", "moves", "schools",
            "count_differences", "rural_service", "plan_objective", "cv_margin", "max_movers", "extra_movers", "shared_teachers",
            "shared_backbone_teachers",
        ])
        #expect(object["county_code"] as? String == a.countyCode && object["year"] as? Int == 2025)
        #expect(object["movers"] as? Int == 2 && object["principal_movers"] as? Int == 2)
        #expect(object["meets_quota"] as? Bool == true && object["meets_principal_quota"] as? Bool == true)

        let cvs = try #require(object["cvs"] as? [[String: Any]])
        #expect(cvs.first?["resource"] as? String == "backbone_teachers" && cvs.first?["stage"] as? String == "primary")
        #expect(text.contains("\"before\": 0.5125,"))
        #expect(cvs.last?["before"] is NSNull)

        let objective = try #require(object["objective"] as? [[String: Any]])
        #expect(objective.map { $0["step"] as? String } == ["backbone", "quota"])
        #expect(objective[0]["measure"] as? String == "weighted_variance_per_100_students" && objective[0]["optimal"] as? Bool == true)
        #expect(objective[1]["stage"] is NSNull && objective[1]["before"] is NSNull)

        let title = try #require((object["title_structure"] as? [[String: Any]])?.first)
        #expect(title["rural_after"] as? Double == 0.5 && title["reached"] as? Bool == true)

        let moves = try #require(object["moves"] as? [[String: Any]])
        #expect(moves.count == 4)
        #expect(Set(moves[0].keys) == ["teacher_id", "from_school", "from_school_name", "to_school", "to_school_name", "stage", "reason", "swap", "kilometres"])
        #expect(moves.map { $0["reason"] as? String } == ["backbone", "partner", "principal", "principal"])
        #expect(moves[0]["from_school_name"] as? String == a.schoolName && moves[0]["to_school"] as? String == b.schoolCode)
        #expect(moves[0]["kilometres"] as? Double == 3.25 && moves[2]["kilometres"] is NSNull)

        let rows = try #require(object["schools"] as? [[String: Any]])
        #expect(rows.map { $0["below_staffing_need"] as? Bool } == [true, nil])
        #expect(rows[1]["below_staffing_need"] is NSNull && rows[1]["locality"] as? String == "rural")
        #expect((rows[0]["after"] as? [String: Any])?["backbone"] as? Int == 2)
        #expect(Set(((rows[0]["before"] as? [String: Any]) ?? [:]).keys) == ["teachers", "qualified", "backbone", "pe_art", "senior_title"])
        #expect(rows[0]["pe_art_need"] as? Int == 3)

        let difference = try #require((object["count_differences"] as? [[String: Any]])?.first)
        #expect(difference["column"] as? String == "backbone_primary" && difference["reported"] as? Int == 4 && difference["counted"] as? Int == 3)

        let rural = try #require(object["rural_service"] as? [String: Any])
        #expect(rural["candidates"] as? Int == 2 && rural["qualify_now"] as? Int == 1 && rural["qualify_after"] as? Int == 2)
        #expect((rural["entries"] as? [[String: Any]])?.first?["qualifies_after_move"] as? Bool == true)
    }

    @Test func csvHasOneRowPerMove() {
        let text = csv(handMade)
        #expect(text.hasSuffix("\r\n"))
        let lines = text.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 1 + handMade.moves.count)
        #expect(lines[0] == Self.csvColumns.joined(separator: ","))
        let first = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(first == [a.countyCode, "2025", "T1", a.schoolCode, a.schoolName, b.schoolCode, b.schoolName, "primary", "backbone", "1", "3.25"])
        #expect(lines[3].hasSuffix(",principal,2,"))
    }

    @Test func theWorkbookHasASheetPerPart() throws {
        let book = try workbook(handMade, .chinese, differences: differences)
        #expect(book.sheetNames == ["汇总", "交流比例", "交流人数构成", "差异系数", "方案目标", "职称结构", "交流名单", "学校前后对比", "数据不一致", "交流后具备", "农村任教经历"])

        let summary = XLSXTestSupport.values(try book.sheet(named: "汇总"))
        #expect(summary["A1"] == .text("交流轮岗方案"))
        #expect(summary["A2"] == .text("县区") && summary["B2"] == .text("\(a.countyCode) \(a.countyName ?? "")"))
        #expect(summary["A4"] == .text("交流人次") && summary["B4"] == .number("4"))
        #expect(summary["A5"] == .text("总距离（公里，有坐标的学校之间）") && summary["B5"] == .number("6.5"))

        let quota = XLSXTestSupport.values(try book.sheet(named: "交流比例"))
        #expect(quota["A2"] == .text("专任教师（不含校长）") && quota["B2"] == .number("20") && quota["C2"] == .number("2"))
        #expect(quota["E2"] == .text("达到") && quota["B3"] == nil && quota["B4"] == .number("4"))

        let cvs = XLSXTestSupport.values(try book.sheet(named: "差异系数"))
        #expect(cvs["A1"] == .text("学段") && cvs["C2"] == .number("0.5125") && cvs["D2"] == .number("0.25"))
        #expect(cvs["C3"] == nil)

        let objective = XLSXTestSupport.values(try book.sheet(named: "方案目标"))
        #expect(objective["A2"] == .text("骨干教师均衡") && objective["C2"] == .number("1") && objective["E2"] == .number("1.5"))
        #expect(objective["B3"] == .text("全部学段") && objective["D3"] == nil && objective["E3"] == nil && objective["H3"] == .text("未证明最优"))

        let moves = try book.sheet(named: "交流名单")
        #expect(moves.rows.count == 1 + handMade.moves.count)
        let move = XLSXTestSupport.values(moves)
        #expect(move["A2"] == .text("T1") && move["B2"] == .text(a.schoolCode) && move["C2"] == .text(a.schoolName))
        #expect(move["E2"] == .text(b.schoolName) && move["G2"] == .text("骨干教师均衡") && move["I2"] == .number("3.25"))
        #expect(move["G4"] == .text("校长交流") && move["I4"] == nil)

        let counts = XLSXTestSupport.values(try book.sheet(named: "学校前后对比"))
        #expect(counts["F1"] == .text("编制需求") && counts["G1"] == .text("专任教师数（方案前）") && counts["L1"] == .text("县级以上骨干教师数（方案后）"))
        #expect(counts["F2"] == .number("25") && counts["K2"] == .number("3") && counts["L2"] == .number("2"))
        #expect(counts["Q2"] == .number("3") && counts["R2"] == .text("是") && counts["R3"] == nil && counts["F3"] == nil)

        let title = XLSXTestSupport.values(try book.sheet(named: "职称结构"))
        #expect(title["B2"] == .number("0.4") && title["E2"] == .number("0.45") && title["F2"] == .text("达到"))

        let rural = try book.sheet(named: "农村任教经历")
        #expect(rural.rows.count == 1 + record.entries.count)
        #expect(XLSXTestSupport.values(rural)["E2"] == .text("否") && XLSXTestSupport.values(rural)["F2"] == .text("是"))

        let difference = XLSXTestSupport.values(try book.sheet(named: "数据不一致"))
        #expect(difference["D2"] == .text("小学县级及以上骨干教师数") && difference["E2"] == .number("4") && difference["F2"] == .number("3"))

        let english = try workbook(handMade, .english, differences: [])
        #expect(english.sheetNames == ["Summary", "Quotas", "Movers by step", "CVs", "Objective", "Title structure", "Moves", "Schools", "Gaining it", "Rural service"])
    }

    @Test func aDemoCountysPlanIsWrittenWhole() throws {
        let plan = RotationPlanner().plan(schools: schools, teachers: teachers, year: 2025)
        try #require(!plan.moves.isEmpty)
        let destinations = Dictionary(uniqueKeysWithValues: plan.moves.map { ($0.teacherID, $0.to) })
        let record = RuralServiceRecord(teachers: teachers, schools: schools, rules: .defaults, moves: destinations)
        let differences = TeacherCountDifference.between(schools, teachers)

        let csv = self.csv(plan)
        #expect(csv.split(separator: "\r\n").count == 1 + plan.moves.count)

        let json = try JSONValue(encoding: RotationPlanDocument(plan, ruralService: record, differences: differences, schools: schools)).serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["moves"] as? [Any])?.count == plan.moves.count)
        #expect((object["schools"] as? [Any])?.count == plan.schools.count)
        #expect(((object["rural_service"] as? [String: Any])?["entries"] as? [Any])?.count == record.entries.count)

        let book = try workbook(plan, .chinese, differences: differences, record: record)
        #expect(try book.sheet(named: "交流名单").rows.count == 1 + plan.moves.count)
        #expect(try book.sheet(named: "学校前后对比").rows.count == 1 + plan.schools.count)
        #expect(try book.sheet(named: "农村任教经历").rows.count == 1 + record.entries.count)
        #expect(try book.sheet(named: "方案目标").rows.count == 1 + plan.objective.count)

        let text = self.text(plan, .chinese, differences: differences, record: record)
        #expect(text.contains("交流名单：\(plan.moves.count) 人次"))
        for move in plan.moves { #expect(text.contains(move.teacherID)) }
    }
}
