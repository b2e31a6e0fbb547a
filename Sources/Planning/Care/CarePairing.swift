import Domain

/// 结对帮扶: every child who needs care (a left-behind child, and others the rules name) paired with
/// a teacher of the same school, each teacher with at most ``limit`` children (001 §12–14).
///
/// **Model.** A bipartite min-cost max-flow per county (``MinCostFlow``): source → child
/// (capacity 1), child → each teacher of its school (capacity 1, cost below), teacher → sink
/// (capacity ``limit``). The maximum flow pairs as many children as the teachers' loads allow —
/// all of them when every school has teachers × limit ≥ children — and among the pairings of that
/// size the least cost is taken. The network matrix is totally unimodular, so the flow is whole
/// and the pairing is exactly optimal (tested against exhaustive search).
///
/// **Costs** (the preferences, lexicographic): a pair costs 2 unless the teacher is the head
/// teacher (班主任) of the child's class, plus 1 unless the teacher is last year's partner
/// (continuity). So the head teacher who was also last year's partner costs 0, the head teacher
/// alone 1, last year's partner alone 2, anyone else 3: the head teacher is preferred over
/// continuity, continuity over neither. Worked example (tested): one class, its head teacher H (limit 1) and a
/// subject teacher S; child A was S's last year, child B nobody's. Pairing A–H, B–S costs 1 + 3 =
/// 4; A–S, B–H costs 2 + 1 = 3, the least: B gets the head teacher, A keeps last year's partner.
///
/// The children left unpaired (their school has too few teachers, or none) are reported.
public struct CarePairing: Sendable {
    /// A child who needs a partner.
    public struct Child: Sendable, Hashable {
        public var id: String
        public var schoolCode: String
        /// The child's class (班级), to find its head teacher; nil when unknown.
        public var classId: String?
        /// Last year's partner (teacher id), if any.
        public var lastTeacher: String?

        public init(id: String, schoolCode: String, classId: String? = nil, lastTeacher: String? = nil) {
            self.id = id
            self.schoolCode = schoolCode
            self.classId = classId
            self.lastTeacher = lastTeacher
        }
    }

    /// A teacher who may be paired.
    public struct Teacher: Sendable, Hashable {
        public var id: String
        public var schoolCode: String
        /// The class the teacher is head teacher (班主任) of, if any.
        public var headOfClass: String?

        public init(id: String, schoolCode: String, headOfClass: String? = nil) {
            self.id = id
            self.schoolCode = schoolCode
            self.headOfClass = headOfClass
        }
    }

    /// The outcome: each child's teacher, and the children left without one.
    public struct Result: Sendable, Hashable {
        /// Child id → teacher id.
        public var partner: [String: String]
        /// Children without a partner, in the order given.
        public var unpaired: [String]
        /// Σ pair costs (``cost(_:_:)``).
        public var cost: Int
    }

    /// The most children one teacher takes (default 5).
    public var limit: Int

    public init(limit: Int = 5) {
        self.limit = max(0, limit)
    }

    /// What pairing `child` with `teacher` costs: 0 best, 3 worst (see the type's comment).
    public static func cost(_ child: Child, _ teacher: Teacher) -> Int {
        let head = child.classId != nil && teacher.headOfClass == child.classId
        return (head ? 0 : 2) + (child.lastTeacher == teacher.id ? 0 : 1)
    }

    /// The pairing of `children` with `teachers` (of any schools: a child only meets its own
    /// school's teachers). Schools share no child and no teacher, so each school's network is
    /// solved on its own (on every core): the union of the schools' optima is the county's
    /// optimum, and a school of c children and t teachers costs O(c² · t log) instead of the
    /// county's whole network per augmentation.
    public func pair(_ children: [Child], with teachers: [Teacher]) -> Result {
        let teachersBySchool = Dictionary(grouping: teachers, by: \.schoolCode)
        let groups = Dictionary(grouping: children, by: \.schoolCode)
        let schools = groups.keys.sorted()
        let results = ParallelMap.map(count: schools.count) { k in
            pairSchool(groups[schools[k]]!, with: teachersBySchool[schools[k]] ?? [])
        }
        var partner: [String: String] = [:], cost = 0
        for result in results {
            partner.merge(result.partner) { a, _ in a }
            cost += result.cost
        }
        return Result(partner: partner, unpaired: children.map(\.id).filter { partner[$0] == nil }, cost: cost)
    }

    /// One school's pairing: its children with its teachers.
    private func pairSchool(_ children: [Child], with teachers: [Teacher]) -> Result {
        // Nodes: 0 source, 1 sink, then the children, then the teachers.
        let childNode = { 2 + $0 }, teacherNode = { 2 + children.count + $0 }
        var network = MinCostFlow(nodes: 2 + children.count + teachers.count)
        var pairs: [(arc: Int, child: Int, teacher: Int)] = []
        for (c, child) in children.enumerated() {
            network.addEdge(from: 0, to: childNode(c), capacity: 1, cost: 0)
            for t in teachers.indices {
                let arc = network.addEdge(from: childNode(c), to: teacherNode(t), capacity: 1, cost: Double(Self.cost(child, teachers[t])))
                pairs.append((arc, c, t))
            }
        }
        for t in teachers.indices { network.addEdge(from: teacherNode(t), to: 1, capacity: limit, cost: 0) }
        network.solve(from: 0, to: 1)
        var partner: [String: String] = [:], cost = 0
        for pair in pairs where network.flow(on: pair.arc) > 0 {
            partner[children[pair.child].id] = teachers[pair.teacher].id
            cost += Self.cost(children[pair.child], teachers[pair.teacher])
        }
        return Result(partner: partner, unpaired: [], cost: cost)
    }
}
