import Planning

extension RotationPlanDocument {
    /// Town and urban teachers at mid-level title (candidates for a senior title) and their
    /// rural or weak-school service, now and once their moves are served.
    public struct RuralService: Codable, Sendable, Equatable {
        public var candidates: Int
        public var qualifyNow: Int
        public var qualifyAfter: Int
        public var entries: [RuralServiceEntry]

        enum CodingKeys: String, CodingKey {
            case candidates, qualifyNow = "qualify_now", qualifyAfter = "qualify_after", entries
        }

        init(_ record: RuralServiceRecord, context: RotationWording.Context) {
            candidates = record.entries.count
            qualifyNow = record.entries.count(where: \.qualifiesNow)
            qualifyAfter = record.entries.count(where: \.qualifiesAfterMove)
            entries = record.entries.map { RuralServiceEntry($0, context: context) }
        }
    }

    /// One candidate's service.
    public struct RuralServiceEntry: Codable, Sendable, Equatable {
        public var teacherID: String
        public var schoolCode: String
        public var schoolName: String
        public var serviceYears: Int
        public var qualifiesNow: Bool
        public var qualifiesAfterMove: Bool

        enum CodingKeys: String, CodingKey {
            case teacherID = "teacher_id", schoolCode = "school_code", schoolName = "school_name"
            case serviceYears = "service_years", qualifiesNow = "qualifies_now", qualifiesAfterMove = "qualifies_after_move"
        }

        init(_ entry: RuralServiceRecord.Entry, context: RotationWording.Context) {
            teacherID = entry.teacherID
            schoolCode = entry.schoolCode
            schoolName = context.name(entry.schoolCode)
            serviceYears = entry.serviceYears
            qualifiesNow = entry.qualifiesNow
            qualifiesAfterMove = entry.qualifiesAfterMove
        }
    }
}
