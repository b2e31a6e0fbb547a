import Domain
import Foundation

/// Makes the yearly rotation plan of one county: which eligible teachers move where.
///
/// **Model.** Moves are swaps, so every school keeps its headcount (and so its staffing) and,
/// because the two teachers of a swap teach the same subject, its teachers of every subject.
/// For each stage and each of backbone (骨干) and qualified (高于规定学历) teachers in turn:
/// - a school's target count is its share of the county's by students, t_i = T·P_i/P, and its
///   surplus e_i = count_i − t_i;
/// - a min-cost flow (``MinCostFlow``) sends whole teachers from surplus schools (capacity ⌊e_i⌋)
///   to deficit schools (capacity ⌊−e_j⌋) at least total distance, each unit a swap of an
///   eligible teacher with the attribute for an eligible one without it, of the same subject
///   and the same other flags, so no other indicator moves;
/// - with those capacities every swap lowers the weighted variance of the count per 100
///   students at a fixed mean — the change is proportional to (1 − 2e_i)/P_i + (1 + 2e_j)/P_j,
///   negative while e_i ≥ 1 and e_j ≤ −1 — so the indicator's CV never rises.
/// Then swaps that change no count (same subject and flags, nearest schools first) are added
/// until ⌈10 %⌉ of eligible teachers move and ⌈20 %⌉ of the movers are backbone teachers (the
/// rules' shares). No teacher moves twice. Principals and the title structure are not planned
/// here yet.
public struct RotationPlanner: Sendable {
    public var rules: RotationRules
    /// How many nearest deficit schools a surplus school may send to (keeps large cities fast).
    public var nearestSchools = 25

    public init(rules: RotationRules = .defaults) {
        self.rules = rules
    }

    /// The plan for `teachers` of `schools` (one county) in `year`.
    public func plan(schools: [SchoolYear], teachers: [Teacher], year: Int) -> RotationPlan {
        let schoolByCode = Dictionary(schools.map { ($0.schoolCode, $0) }, uniquingKeysWith: { first, _ in first })
        let eligible = teachers.filter { !$0.isPrincipal && schoolByCode[$0.schoolCode] != nil && rules.eligibility(of: $0, in: year).isEligible }
        var moved = Set<String>()
        var moves: [TeacherMove] = []
        var current = Dictionary(teachers.map { ($0.id, $0.schoolCode) }, uniquingKeysWith: { first, _ in first })
        let before = changes(schools: schools, teachers: teachers, at: current)

        for stage in [Stage.primary, .junior] {
            let students = Dictionary(schools.compactMap { s in s.record(for: stage)?.students.flatMap { $0 > 0 ? (s.schoolCode, Double($0)) : nil } }, uniquingKeysWith: { a, _ in a })
            guard students.count > 1 else { continue }
            for attribute in [Attribute.backbone, .qualified] {
                swapTowardShares(
                    attribute, stage: stage, students: students, schools: schoolByCode, teachers: teachers,
                    eligible: eligible, moved: &moved, moves: &moves)
            }
        }
        for move in moves { current[move.teacherID] = move.to }
        let requiredMovers = Int((rules.minShareOfEligible * Double(eligible.count) - 1e-9).rounded(.up))
        topUpQuota(requiredMovers: requiredMovers, schools: schoolByCode, eligible: eligible, moved: &moved, moves: &moves)
        for move in moves { current[move.teacherID] = move.to }

        let byID = Dictionary(teachers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let backboneMovers = moves.count { byID[$0.teacherID]?.isBackbone == true }
        let after = changes(schools: schools, teachers: teachers, at: current)
        return RotationPlan(
            moves: moves, eligible: eligible.count, requiredMovers: requiredMovers,
            requiredBackboneMovers: Int((rules.minBackboneShareOfMovers * Double(max(moves.count, requiredMovers)) - 1e-9).rounded(.up)),
            backboneMovers: backboneMovers,
            changes: zip(before, after).map { TeacherIndicatorChange(resource: $0.resource, stage: $0.stage, before: $0.before, after: $1.before) },
            kilometres: moves.compactMap(\.kilometres).reduce(0, +))
    }

    enum Attribute {
        case backbone, qualified

        func has(_ teacher: Teacher) -> Bool { self == .backbone ? teacher.isBackbone : teacher.isQualified }

        /// What must match for a swap to change only this attribute.
        func partnerKey(_ teacher: Teacher) -> String {
            let other = self == .backbone ? teacher.isQualified : teacher.isBackbone
            return "\(teacher.stage.rawValue)|\(teacher.subject.key)|\(other)"
        }

        var reason: TeacherMove.Reason { self == .backbone ? .backbone : .qualified }
    }

    private func swapTowardShares(
        _ attribute: Attribute, stage: Stage, students: [String: Double], schools: [String: SchoolYear],
        teachers: [Teacher], eligible: [Teacher], moved: inout Set<String>, moves: inout [TeacherMove]
    ) {
        var count: [String: Int] = [:]
        for teacher in teachers where teacher.stage == stage && students[teacher.schoolCode] != nil && attribute.has(teacher) {
            count[teacher.schoolCode, default: 0] += 1
        }
        let total = Double(count.values.reduce(0, +))
        let pupils = students.values.reduce(0, +)
        guard total > 0 else { return }
        let codes = students.keys.sorted()
        var surplus: [String: Int] = [:], deficit: [String: Int] = [:]
        for code in codes {
            let e = Double(count[code] ?? 0) - total * students[code]! / pupils
            if e >= 1 { surplus[code] = Int(e.rounded(.down)) }
            if e <= -1 { deficit[code] = Int((-e).rounded(.down)) }
        }
        guard !surplus.isEmpty, !deficit.isEmpty else { return }
        // Eligible, unmoved teachers by school and partner key, with and without the attribute.
        var givers: [String: [String: [Teacher]]] = [:], takers: [String: [String: [Teacher]]] = [:]
        for teacher in eligible where teacher.stage == stage && !moved.contains(teacher.id) {
            let key = attribute.partnerKey(teacher)
            if attribute.has(teacher), surplus[teacher.schoolCode] != nil {
                givers[teacher.schoolCode, default: [:]][key, default: []].append(teacher)
            } else if !attribute.has(teacher), deficit[teacher.schoolCode] != nil {
                takers[teacher.schoolCode, default: [:]][key, default: []].append(teacher)
            }
        }
        // Nodes: 0 source, 1 sink, then schools, then (school, key) pairs on each side.
        var nodeCount = 2
        func node() -> Int { nodeCount += 1; return nodeCount - 1 }
        var growing: [(Int, Int, Int, Double)] = []
        var schoolNode: [String: Int] = [:], giverNode: [String: Int] = [:], takerNode: [String: Int] = [:]
        // Nodes are numbered in sorted order so that the plan never depends on hashing.
        for code in surplus.keys.sorted() where givers[code] != nil {
            let n = node(); schoolNode[code] = n
            growing.append((0, n, surplus[code]!, 0))
            for key in givers[code]!.keys.sorted() {
                let k = node(); giverNode[code + "#" + key] = k; growing.append((n, k, givers[code]![key]!.count, 0))
            }
        }
        for code in deficit.keys.sorted() where takers[code] != nil {
            let n = node(); schoolNode[code] = n
            growing.append((n, 1, deficit[code]!, 0))
            for key in takers[code]!.keys.sorted() {
                let k = node(); takerNode[code + "#" + key] = k; growing.append((k, n, takers[code]![key]!.count, 0))
            }
        }
        let receivers = deficit.keys.filter { takers[$0] != nil }.sorted()
        var pairs: [(edge: Int, from: String, to: String, key: String, km: Double?)] = []
        var pairEdges: [(Int, Int, Double, String, String, String, Double?)] = []
        for from in surplus.keys.sorted() where givers[from] != nil {
            let nearest = receivers.map { ($0, Self.kilometres(schools[from], schools[$0])) }
                .sorted { ($0.1 ?? 0, $0.0) < ($1.1 ?? 0, $1.0) }.prefix(nearestSchools)
            for (to, km) in nearest {
                for key in givers[from]!.keys.sorted() {
                    guard let a = giverNode[from + "#" + key], let b = takerNode[to + "#" + key] else { continue }
                    pairEdges.append((a, b, km ?? 0, from, to, key, km))
                }
            }
        }
        var network = MinCostFlow(nodes: nodeCount)
        for edge in growing { network.addEdge(from: edge.0, to: edge.1, capacity: edge.2, cost: edge.3) }
        for p in pairEdges {
            let index = network.addEdge(from: p.0, to: p.1, capacity: Int.max / 4, cost: p.2)
            pairs.append((index, p.3, p.4, p.5, p.6))
        }
        _ = network.solve(from: 0, to: 1)
        var nextGiver: [String: Int] = [:], nextTaker: [String: Int] = [:]
        for pair in pairs {
            let flow = network.flow(on: pair.edge)
            guard flow > 0 else { continue }
            for _ in 0..<flow {
                let giverList = givers[pair.from]![pair.key]!, takerList = takers[pair.to]![pair.key]!
                let g = giverList[nextGiver[pair.from + "#" + pair.key, default: 0]]
                let t = takerList[nextTaker[pair.to + "#" + pair.key, default: 0]]
                nextGiver[pair.from + "#" + pair.key, default: 0] += 1
                nextTaker[pair.to + "#" + pair.key, default: 0] += 1
                let swap = moves.count / 2
                moves.append(TeacherMove(teacherID: g.id, from: pair.from, to: pair.to, stage: stage, reason: attribute.reason, swap: swap, kilometres: pair.km))
                moves.append(TeacherMove(teacherID: t.id, from: pair.to, to: pair.from, stage: stage, reason: .partner, swap: swap, kilometres: pair.km))
                moved.insert(g.id)
                moved.insert(t.id)
            }
        }
    }

    /// Adds swaps that change no count until the quotas hold: backbone pairs first while the
    /// backbone share is short, nearest schools first.
    private func topUpQuota(requiredMovers: Int, schools: [String: SchoolYear], eligible: [Teacher], moved: inout Set<String>, moves: inout [TeacherMove]) {
        func signature(_ t: Teacher) -> String { "\(t.stage.rawValue)|\(t.subject.key)|\(t.isQualified)|\(t.isBackbone)|\(t.isPEArt)|\(t.hasSeniorTitle)" }
        let byID = Dictionary(eligible.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var pool = Dictionary(grouping: eligible.filter { !moved.contains($0.id) }, by: signature)
        func backboneMovers() -> Int { moves.count { byID[$0.teacherID]?.isBackbone == true } }
        func requiredBackbone() -> Int { Int((rules.minBackboneShareOfMovers * Double(max(moves.count, requiredMovers)) - 1e-9).rounded(.up)) }
        while moves.count < requiredMovers || backboneMovers() < requiredBackbone() {
            let wantBackbone = backboneMovers() < requiredBackbone()
            var best: (key: String, i: Int, j: Int, km: Double)?
            for key in pool.keys.sorted() {
                // The nearest pair among a group's first teachers: enough for a county, and
                // bounded for a city.
                let list = Array(pool[key]!.prefix(60))
                guard list.count >= 2, !wantBackbone || list[0].isBackbone else { continue }
                for i in list.indices {
                    for j in list.indices where j > i && list[i].schoolCode != list[j].schoolCode {
                        let km = Self.kilometres(schools[list[i].schoolCode], schools[list[j].schoolCode]) ?? 0
                        if best == nil || km < best!.km { best = (key, i, j, km) }
                    }
                    if best != nil, best!.km == 0 { break }
                }
            }
            guard let chosen = best else { return }
            var list = pool[chosen.key]!
            let a = list[chosen.i], b = list[chosen.j]
            let swap = moves.count / 2
            let km = Self.kilometres(schools[a.schoolCode], schools[b.schoolCode])
            moves.append(TeacherMove(teacherID: a.id, from: a.schoolCode, to: b.schoolCode, stage: a.stage, reason: .quota, swap: swap, kilometres: km))
            moves.append(TeacherMove(teacherID: b.id, from: b.schoolCode, to: a.schoolCode, stage: b.stage, reason: .quota, swap: swap, kilometres: km))
            moved.insert(a.id)
            moved.insert(b.id)
            list.remove(at: chosen.j)
            list.remove(at: chosen.i)
            pool[chosen.key] = list
        }
    }

    /// The three teacher indicators' CVs per stage with teachers at `location` (id → school).
    private func changes(schools: [SchoolYear], teachers: [Teacher], at location: [String: String]) -> [TeacherIndicatorChange] {
        var result: [TeacherIndicatorChange] = []
        for stage in [Stage.primary, .junior] {
            let inStage = schools.filter { ($0.record(for: stage)?.students ?? 0) > 0 }
            guard !inStage.isEmpty else { continue }
            for (resource, has) in [(Resource.qualifiedTeachers, { (t: Teacher) in t.isQualified }),
                                    (.backboneTeachers, { $0.isBackbone }), (.peArtTeachers, { $0.isPEArt })] {
                var count: [String: Int] = [:]
                for t in teachers where t.stage == stage && has(t) { count[location[t.id] ?? t.schoolCode, default: 0] += 1 }
                let sample = WeightedSample(
                    values: inStage.map { Double(count[$0.schoolCode] ?? 0) * 100 / Double($0.record(for: stage)!.students!) },
                    weights: inStage.map { Double($0.record(for: stage)!.students!) })
                result.append(TeacherIndicatorChange(resource: resource, stage: stage, before: sample.coefficientOfVariation, after: nil))
            }
        }
        return result
    }

    /// Great-circle kilometres between two schools; `nil` without coordinates.
    static func kilometres(_ a: SchoolYear?, _ b: SchoolYear?) -> Double? {
        guard let p = a?.coordinate, let q = b?.coordinate else { return nil }
        let radians = Double.pi / 180
        let dLat = (q.latitude - p.latitude) * radians, dLon = (q.longitude - p.longitude) * radians
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(p.latitude * radians) * cos(q.latitude * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 6371 * 2 * asin(min(1, h.squareRoot()))
    }
}
