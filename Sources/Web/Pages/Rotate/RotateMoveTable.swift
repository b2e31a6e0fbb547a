import Domain
import UseCases

/// The moves (交流名单), swap by swap as the plan lists them: who moves from which school to
/// which, why, and how far; capped (``RotateCap``).
struct RotateMoveTable {
    struct Row {
        var swap: String
        var teacher: String
        var subject: String
        var stage: String
        var fromHref: String
        var fromName: String
        var from: String
        var toHref: String
        var toName: String
        var to: String
        var reason: String
        var kilometres: String
    }

    var heading: String
    var headers: [String]
    var rows: [Row]
    var cap: RotateCap
    var empty: String?

    init(rotation: CountyRotation, language l: Language) {
        let plan = rotation.plan
        heading = l.pick("交流名单", "Moves")
        headers = l == .chinese
            ? ["对调", "教师编号", "任教学科", "学段", "原学校", "交流至", "原因", "距离（公里）"]
            : ["Swap", "Teacher", "Subject", "Stage", "From", "To", "Reason", "Distance (km)"]
        cap = RotateCap(count: plan.moves.count, noun: ("人次", "moves"), language: l)
        let names = Dictionary(rotation.schools.map { ($0.schoolCode, $0.schoolName) }, uniquingKeysWith: { a, _ in a })
        let subjects = Dictionary(rotation.teachers.map { ($0.id, $0.subject) }, uniquingKeysWith: { a, _ in a })
        let county = rotation.countyCode, year = rotation.year
        func href(_ code: String) -> String { "/counties/\(county)/schools/\(code)?year=\(year)" }
        rows = plan.moves[cap.range].map { move in
            Row(swap: "#\(move.swap)", teacher: move.teacherID,
                subject: subjects[move.teacherID].map { l.pick($0.chineseName, $0.key) } ?? "—",
                stage: move.stage.name(in: l),
                fromHref: href(move.from), fromName: names[move.from] ?? move.from, from: move.from,
                toHref: href(move.to), toName: names[move.to] ?? move.to, to: move.to,
                reason: RotateText.reason(move.reason, language: l), kilometres: FigureText.three(move.kilometres))
        }
        empty = plan.moves.isEmpty ? l.pick("方案没有安排交流。", "The plan moves nobody.") : nil
    }
}
