import Domain
import UseCases

/// The rural-service summary (农村或薄弱学校任教经历台账, 001 §10): of the town and urban
/// teachers at 中级 who could next apply for a senior title, how many have the rural or
/// weak-school service it needs now, how many will once their move to a rural school is
/// served, and who gains it by this plan.
struct RotateRuralService {
    struct Count {
        var label: String
        var value: String
    }

    struct Row {
        var teacher: String
        var name: String
        var code: String
        var years: String
        var toName: String
        var to: String
    }

    var heading: String
    var note: String
    var counts: [Count]
    var gainedHeading: String
    var headers: [String]
    var rows: [Row]
    var cap: RotateCap
    var hasRows: Bool

    init(rotation: CountyRotation, language l: Language) {
        let entries = rotation.record.entries
        let needed = rotation.rules.seniorTitleRuralServiceYears
        heading = l.pick("农村或薄弱学校任教经历", "Rural or weak-school service")
        note = l.pick(
            "城镇学校教师申报高级职称，原则上要有 \(needed) 年以上在农村学校支教或薄弱学校任教的经历。下表统计城镇学校现为中级职称的教师。",
            "A town or urban teacher applying for a senior title needs, as a rule, \(needed) year(s) or more of service in a rural or weak school. Counted: town and urban teachers now at mid-level title.")
        let now = entries.count(where: \.qualifiesNow), after = entries.count(where: \.qualifiesAfterMove)
        counts = [
            Count(label: l.pick("城镇学校中级职称教师", "Town and urban teachers at mid-level title"), value: String(entries.count)),
            Count(label: l.pick("现已具备任教经历", "With the service now"), value: String(now)),
            Count(label: l.pick("交流任满后具备", "With it once the moves are served"), value: String(after)),
            Count(label: l.pick("因本方案新增", "Gained by this plan"), value: String(after - now)),
        ]
        let gained = entries.filter { $0.qualifiesAfterMove && !$0.qualifiesNow }
        gainedHeading = l.pick("因本方案将具备任教经历的教师", "Teachers who gain the service by this plan")
        headers = l == .chinese
            ? ["教师编号", "现学校", "已有年限", "交流至"]
            : ["Teacher", "School now", "Years served", "Moving to"]
        cap = RotateCap(count: gained.count, noun: ("人", "teachers"), language: l)
        let names = Dictionary(rotation.schools.map { ($0.schoolCode, $0.schoolName) }, uniquingKeysWith: { a, _ in a })
        let destination = Dictionary(rotation.plan.moves.map { ($0.teacherID, $0.to) }, uniquingKeysWith: { a, _ in a })
        rows = gained[cap.range].map { entry in
            let to = destination[entry.teacherID] ?? ""
            return Row(teacher: entry.teacherID, name: names[entry.schoolCode] ?? entry.schoolCode, code: entry.schoolCode,
                       years: String(entry.serviceYears), toName: names[to] ?? to, to: to)
        }
        hasRows = !rows.isEmpty
    }
}
