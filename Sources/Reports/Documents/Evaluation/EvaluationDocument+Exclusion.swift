import Domain

extension EvaluationDocument {
    /// A school left out of the resource part, and why.
    public struct Exclusion: Codable, Sendable, Equatable {
        public var schoolCode: String
        public var schoolName: String
        public var students: Int
        /// The reason's key, e.g. `small_teaching_point`.
        public var reason: String
        /// The reason in the document's language.
        public var reasonText: String

        enum CodingKeys: String, CodingKey {
            case schoolCode = "school_code", schoolName = "school_name", students, reason, reasonText = "reason_text"
        }

        init(_ exclusion: Domain.Exclusion, language: Language) {
            schoolCode = exclusion.schoolCode
            schoolName = exclusion.schoolName
            students = exclusion.students
            reason = exclusion.reason.key
            reasonText = exclusion.reason.text(in: language)
        }
    }
}
