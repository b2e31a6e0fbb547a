import Domain
import UseCases

/// The teacher counts the uploaded records give differently from the stored school rows
/// (教师信息与学校数据不一致): where the two files disagree, the plan's figures follow the
/// teacher records, the evaluation the school rows. Capped (``RotateCap``).
struct RotateDifferenceTable {
    struct Row {
        var href: String
        var name: String
        var code: String
        var stage: String
        var column: String
        var reported: String
        var counted: String
    }

    var heading: String
    var note: String
    var headers: [String]
    var rows: [Row]
    var cap: RotateCap
    var empty: String?

    init(rotation: CountyRotation, language l: Language) {
        let differences = rotation.differences
        heading = l.pick("教师信息与学校数据不一致", "Teacher counts that differ from the school rows")
        note = l.pick(
            "方案按教师信息计数，达标评估按学校数据计数；两者不一致时请核对后更正其一。",
            "The plan counts the teacher records, the evaluation the school rows; where they differ, check and correct one of them.")
        headers = l == .chinese
            ? ["学校", "学段", "栏目", "学校数据", "教师信息"]
            : ["School", "Stage", "Column", "School row", "Teacher records"]
        cap = RotateCap(count: differences.count, noun: ("处", "differences"), language: l)
        let names = Dictionary(rotation.schools.map { ($0.schoolCode, $0.schoolName) }, uniquingKeysWith: { a, _ in a })
        let county = rotation.countyCode, year = rotation.year
        rows = differences[cap.range].map { difference in
            Row(href: "/counties/\(county)/schools/\(difference.schoolCode)?year=\(year)",
                name: names[difference.schoolCode] ?? difference.schoolCode, code: difference.schoolCode,
                stage: difference.stage.name(in: l), column: l.pick(difference.column.chineseName, difference.column.key),
                reported: difference.reported.map(String.init) ?? "—", counted: String(difference.counted))
        }
        empty = differences.isEmpty
            ? l.pick("教师信息的各项计数与学校数据一致。", "Every count of the teacher records matches the school rows.")
            : nil
    }
}
