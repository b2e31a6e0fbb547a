import Domain

extension EvaluationDocument {
    /// One school unit: its values, which indicators it meets, and the school rule.
    public struct School: Codable, Sendable, Equatable {
        public var schoolCode: String
        public var schoolName: String
        /// The stage the unit stands for.
        public var stage: String
        public var locality: String
        public var students: Int
        /// By indicator key; `nil` when not reported.
        public var values: OrderedMembers<Double?>
        /// By indicator key; `nil` without a threshold or a value.
        public var met: OrderedMembers<Bool?>
        /// The school rule; `nil` when the standard has none or a value is missing.
        public var pass: Bool?
        /// Teaching points counted in this unit, by school code.
        public var mergedTeachingPoints: [String]

        enum CodingKeys: String, CodingKey {
            case schoolCode = "school_code", schoolName = "school_name", stage, locality, students, values, met, pass
            case mergedTeachingPoints = "merged_teaching_points"
        }

        init(_ result: UnitResult, keys: [String]) {
            schoolCode = result.unit.schoolCode
            schoolName = result.unit.schoolName
            stage = result.unit.stage.rawValue
            locality = result.unit.locality.rawValue
            students = result.unit.students
            values = OrderedMembers(zip(keys, result.values.map { $0?.finite }))
            met = OrderedMembers(zip(keys, result.met))
            pass = result.passes
            mergedTeachingPoints = result.unit.mergedTeachingPoints
        }
    }
}
