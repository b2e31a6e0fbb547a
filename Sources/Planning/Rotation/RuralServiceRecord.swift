import Domain

/// Who among the town and urban teachers who could next apply for a senior title (中级 now)
/// has the rural or weak-school service the application needs (001 §10), and who will once
/// a rotation's moves to rural schools have been served (农村或薄弱学校任教经历台账).
public struct RuralServiceRecord: Sendable, Hashable {
    /// One candidate.
    public struct Entry: Sendable, Hashable {
        /// 教师编号
        public var teacherID: String
        /// The school now.
        public var schoolCode: String
        /// Years of rural or weak-school service now.
        public var serviceYears: Int
        /// Whether the service needed is there now.
        public var qualifiesNow: Bool
        /// Whether it will be once a move to a rural school has been served for the years the rules ask.
        public var qualifiesAfterMove: Bool
    }

    /// The candidates, by school code then teacher.
    public var entries: [Entry]

    /// The record of `teachers` in `schools`; `moves` maps a teacher's id to the school they move
    /// to (a rotation plan), whose years of service there count once served.
    public init(teachers: [Teacher], schools: [SchoolYear], rules: RotationRules, moves: [String: String] = [:]) {
        let locality = Dictionary(schools.map { ($0.schoolCode, $0.locality) }, uniquingKeysWith: { first, _ in first })
        let needed = rules.seniorTitleRuralServiceYears
        entries = teachers.compactMap { teacher in
            guard teacher.title == .intermediate, let here = locality[teacher.schoolCode], here != .rural else { return nil }
            let now = teacher.ruralServiceYears >= needed
            let movesToRural = moves[teacher.id].flatMap { locality[$0] } == .rural
            return Entry(
                teacherID: teacher.id, schoolCode: teacher.schoolCode, serviceYears: teacher.ruralServiceYears,
                qualifiesNow: now, qualifiesAfterMove: now || movesToRural)
        }.sorted { ($0.schoolCode, $0.teacherID) < ($1.schoolCode, $1.teacherID) }
    }
}
