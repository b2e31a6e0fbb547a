import Domain
import Planning

extension RotationPlanDocument {
    /// One school and stage: its teacher counts before and after, against its staffing need.
    public struct School: Codable, Sendable, Equatable {
        public var schoolCode: String
        public var schoolName: String
        public var locality: String
        public var stage: String
        /// 在校生数 in the stage.
        public var students: Int
        /// 编制需求 by the staffing standard; `nil` when unknown.
        public var staffingNeed: Int?
        public var peArtNeed: Int?
        /// Fewer teachers after the plan than the staffing need; `nil` when the need is unknown.
        public var belowStaffingNeed: Bool?
        /// By count key (`teachers`, `qualified`, `backbone`, `pe_art`, `senior_title`).
        public var before: OrderedMembers<Int>
        public var after: OrderedMembers<Int>

        enum CodingKeys: String, CodingKey {
            case schoolCode = "school_code", schoolName = "school_name", locality, stage, students
            case staffingNeed = "staffing_need", peArtNeed = "pe_art_need", belowStaffingNeed = "below_staffing_need"
            case before, after
        }

        init(_ school: SchoolRotationCounts) {
            schoolCode = school.schoolCode
            schoolName = school.schoolName
            locality = school.locality.rawValue
            stage = school.stage.rawValue
            students = school.students
            staffingNeed = school.staffingNeed
            peArtNeed = school.peArtNeed
            belowStaffingNeed = RotationWording.belowStaffingNeed(school)
            before = Self.counts(school.before)
            after = Self.counts(school.after)
        }

        private static func counts(_ counts: TeacherCounts) -> OrderedMembers<Int> {
            OrderedMembers(RotationWording.counts.map { ($0.key, $0.value(counts)) })
        }
    }

    /// A count the teacher records give differently from the school row.
    public struct CountDifference: Codable, Sendable, Equatable {
        public var schoolCode: String
        public var schoolName: String
        public var stage: String
        /// The school row's column, e.g. `backbone_primary`.
        public var column: String
        /// What the school row says; `nil` when not reported.
        public var reported: Int?
        /// What the teacher records count.
        public var counted: Int

        enum CodingKeys: String, CodingKey {
            case schoolCode = "school_code", schoolName = "school_name", stage, column, reported, counted
        }

        init(_ difference: TeacherCountDifference, context: RotationWording.Context) {
            schoolCode = difference.schoolCode
            schoolName = context.name(difference.schoolCode)
            stage = difference.stage.rawValue
            column = difference.column.key
            reported = difference.reported
            counted = difference.counted
        }
    }
}
