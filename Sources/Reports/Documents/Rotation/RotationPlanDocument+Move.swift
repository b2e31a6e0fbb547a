import Planning

extension RotationPlanDocument {
    /// One teacher's move; the two moves of a swap share ``swap``.
    public struct Move: Codable, Sendable, Equatable {
        /// 教师编号.
        public var teacherID: String
        public var fromSchool: String
        /// Empty when the school rows lack it.
        public var fromSchoolName: String
        public var toSchool: String
        public var toSchoolName: String
        public var stage: String
        /// Why the teacher moves, e.g. `backbone`, `partner`.
        public var reason: String
        public var swap: Int
        /// `nil` when a school has no coordinates.
        public var kilometres: Double?

        enum CodingKeys: String, CodingKey {
            case teacherID = "teacher_id", fromSchool = "from_school", fromSchoolName = "from_school_name"
            case toSchool = "to_school", toSchoolName = "to_school_name", stage, reason, swap, kilometres
        }

        init(_ move: TeacherMove, context: RotationWording.Context) {
            teacherID = move.teacherID
            fromSchool = move.from
            fromSchoolName = context.name(move.from)
            toSchool = move.to
            toSchoolName = context.name(move.to)
            stage = move.stage.rawValue
            reason = move.reason.rawValue
            swap = move.swap
            kilometres = move.kilometres?.finite
        }
    }
}
