import Domain

/// 结对帮扶: pairs the children the care rules name with teachers of their schools
/// (``CarePairing``, exact min-cost flow): the class's head teacher preferred, then
/// the child's partner so far (the register's 结对教师, last year's), at most
/// ``CareRules/pairLimit`` children per teacher. The register comes back with this year's
/// partners written in (and a partner cleared for a child the rules no longer pair).
///
/// ```swift
/// let paired = RegisterPairing(rules: .defaults).pair(register, teachers: teachers)
/// paired.children     // the register with 结对教师 filled
/// paired.unpaired     // children whose school has too few teachers
/// ```
public struct RegisterPairing: Sendable {
    public var rules: CareRules

    public init(rules: CareRules = .defaults) {
        self.rules = rules
    }

    /// The outcome: the register with partners, the children left unpaired, each teacher's load.
    public struct Outcome: Sendable, Hashable {
        public var children: [Child]
        /// Ids of the children who need a partner and have none, in register order.
        public var unpaired: [String]
        /// Ids of the children who need a partner.
        public var needing: [String]
        /// Teacher id → the children paired with them, in register order.
        public var loads: [String: [String]]
        /// How many kept last year's partner, and how many have their head teacher.
        public var kept: Int, withHeadTeacher: Int
        /// Σ pair costs (``CarePairing/cost(_:_:)``).
        public var cost: Int
    }

    public func pair(_ register: [Child], teachers: [Teacher]) -> Outcome {
        let needing = register.filter(rules.needsPartner)
        let known = Set(teachers.map(\.id))
        let flowChildren = needing.map {
            CarePairing.Child(id: $0.id, schoolCode: $0.schoolCode!, classId: $0.classId, lastTeacher: $0.partner.flatMap { known.contains($0) ? $0 : nil })
        }
        let flowTeachers = teachers.map { CarePairing.Teacher(id: $0.id, schoolCode: $0.schoolCode, headOfClass: $0.headOfClass) }
        let result = CarePairing(limit: rules.pairLimit).pair(flowChildren, with: flowTeachers)
        let heads = Dictionary(teachers.map { ($0.id, $0.headOfClass) }, uniquingKeysWith: { a, _ in a })
        var loads: [String: [String]] = [:], kept = 0, head = 0
        let children = register.map { child -> Child in
            var child = child
            let partner = rules.needsPartner(child) ? result.partner[child.id] : nil
            if let partner {
                loads[partner, default: []].append(child.id)
                if partner == child.partner { kept += 1 }
                if child.classId != nil, heads[partner] == child.classId { head += 1 }
            }
            child.partner = partner
            return child
        }
        return Outcome(children: children, unpaired: result.unpaired, needing: needing.map(\.id), loads: loads, kept: kept,
                       withHeadTeacher: head, cost: result.cost)
    }
}
