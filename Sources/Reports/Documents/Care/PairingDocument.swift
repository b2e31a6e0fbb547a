import Domain
import Planning

/// The care pairing (结对帮扶) as one JSON document — `junheng children pair --format json`:
/// each child the rules pair with their teacher (`null`: unpaired), and the totals.
///
/// ```json
/// {"pair_limit": 5, "needing": 96, "paired": 96, "with_head_teacher": 71, "kept": 40, "cost": 85,
///  "pairs": [{"child_id": "G3411…", "school_code": "3411020001", "teacher_id": "T0012"}]}
/// ```
public struct PairingDocument: Codable, Sendable, Equatable {
    public var pairLimit: Int
    public var needing: Int
    public var paired: Int
    public var withHeadTeacher: Int
    public var kept: Int
    /// Σ pair costs: 0 head teacher and last year's partner, 1 head teacher, 2 last year's, 3 neither.
    public var cost: Int
    public var pairs: [Pair]

    enum CodingKeys: String, CodingKey {
        case pairLimit = "pair_limit", needing, paired, withHeadTeacher = "with_head_teacher", kept, cost, pairs
    }

    public struct Pair: Codable, Sendable, Equatable {
        public var childID: String
        public var schoolCode: String?
        public var teacherID: String?

        enum CodingKeys: String, CodingKey {
            case childID = "child_id", schoolCode = "school_code", teacherID = "teacher_id"
        }
    }

    public init(_ outcome: RegisterPairing.Outcome, limit: Int) {
        let needing = Set(outcome.needing)
        pairs = outcome.children.filter { needing.contains($0.id) }.map { Pair(childID: $0.id, schoolCode: $0.schoolCode, teacherID: $0.partner) }
        pairLimit = limit
        self.needing = outcome.needing.count
        paired = pairs.filter { $0.teacherID != nil }.count
        withHeadTeacher = outcome.withHeadTeacher
        kept = outcome.kept
        cost = outcome.cost
    }
}

/// The dropout ledger (控辍保学台账) as one JSON document: each case with its visits.
public struct DropoutDocument: Codable, Sendable, Equatable {
    public var cases: [Case]

    public struct Case: Codable, Sendable, Equatable {
        public var countyCode: String
        public var childID: String
        public var schoolCode: String?
        public var status: DropoutStatus
        public var opened: CalendarDate
        public var closed: CalendarDate?
        public var reason: String?
        public var visits: [FollowUp]

        enum CodingKeys: String, CodingKey {
            case countyCode = "county_code", childID = "child_id", schoolCode = "school_code", status, opened, closed, reason, visits
        }
    }

    public init(_ cases: [DropoutCase]) {
        self.cases = cases.map {
            Case(countyCode: $0.countyCode, childID: $0.childID, schoolCode: $0.schoolCode, status: $0.status, opened: $0.opened,
                 closed: $0.closed, reason: $0.reason, visits: $0.visits)
        }
    }
}
