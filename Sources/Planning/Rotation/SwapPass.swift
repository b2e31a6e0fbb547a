import Domain

/// One exact step of the rotation model: the best set of swaps between *givers* (teachers
/// leaving a school on the giving side) and *takers* (their partners, leaving a school on the
/// taking side for the giver's school).
///
/// **Model.** Choose disjoint pairs (giver g, taker t) with the same partner key, g's school on
/// the giving side and t's on the taking side, to minimise
///
///     Σ_schools cost_i(units moved at i) + μ · Σ_pairs km(g, t)
///
/// where a school's cost of its k-th unit given (or taken) is `giverCosts[i][k−1]`
/// (`takerCosts`), nondecreasing in k (convex), and μ = ``distanceWeight``. With `onlyGains`,
/// any number of pairs up to `amount`; without, exactly `amount` (or as many as exist). With
/// `subjectSpare`, a school may lose at most that many teachers of a subject — a swap across
/// subjects never takes a school's last teacher of one.
///
/// **Solution.** A min-cost flow: source → giving school (one arc per unit at its marginal
/// cost) → subject → (school, key) → taking school's key hub → subject → taking school (one arc
/// per unit) → sink; pair arcs cost μ·km to the `nearest` taking schools of the key. Convex
/// separable arc costs make the flow exact for the model (units fill a school's arcs in order);
/// with `onlyGains`, the flow takes only the units of negative marginal cost (up to `amount`;
/// `below` of ``MinCostFlow/solve(from:to:amount:below:)``), which is optimal because the
/// least cost is convex in the flow value. `nearest` is the only
/// restriction of the model: with at least as many as there are taking schools, it is none.
struct SwapPass {
    /// A km weighs this much in the schools' cost units: distance only breaks near-ties between
    /// swaps that lower the sum of squares equally (one teacher more or fewer at a school of
    /// 10 000 students changes c²/P by at least 10⁻⁴; 100 km weigh 10⁻⁶).
    static let distanceWeight = 1e-8

    var givers: [Teacher]
    var takers: [Teacher]
    /// School code → marginal cost of its 1st, 2nd, … unit given; a school absent may give none.
    var giverCosts: [String: [Double]]
    /// School code → marginal cost of its 1st, 2nd, … unit taken.
    var takerCosts: [String: [Double]]
    /// Teachers with the same key may be swapped.
    var key: @Sendable (Teacher) -> String
    /// "school|subject" → how many teachers of the subject the school may lose; `nil` for no check.
    var subjectSpare: [String: Int]?
    /// Kilometres between two schools (`nil` without coordinates: counted as 0).
    var kilometres: (String, String) -> Double?
    /// The most pairs (`nil`: no limit).
    var amount: Int?
    /// Whether only pairs that lower the objective are taken (else exactly `amount`).
    var onlyGains = true
    var nearest = 25
    /// μ of this pass: ``distanceWeight``, unless a caller trades the schools' costs for
    /// distance (a fewest-moves step once its number of swaps is fixed).
    var kilometreWeight = SwapPass.distanceWeight
    /// Among swaps the model values equally, those whose giving group has this are taken first
    /// (a weight of ``preference`` each, far below any difference the model makes).
    var preferred: (@Sendable (Teacher) -> Bool)?

    /// Told the network before it is solved, with the amount, `onlyGains` and the least cost.
    var log: ((MinCostFlow, Int?, Bool, Double) -> Void)?

    /// The tie-breaking weight of ``preferred``: below the model's resolution (a micrometre at μ).
    static let preference = 1e-14

    /// One chosen pair.
    struct Swap {
        var giver: Teacher
        var taker: Teacher
        var kilometres: Double?
    }

    /// The chosen swaps and the objective's value.
    func solve() -> (swaps: [Swap], objective: Double) {
        let giverGroups = Dictionary(grouping: givers.filter { giverCosts[$0.schoolCode] != nil }) { GroupKey(school: $0.schoolCode, subject: $0.subject.key, key: key($0)) }
        let takerGroups = Dictionary(grouping: takers.filter { takerCosts[$0.schoolCode] != nil }) { GroupKey(school: $0.schoolCode, subject: $0.subject.key, key: key($0)) }
        guard !giverGroups.isEmpty, !takerGroups.isEmpty else { return ([], 0) }
        let giverUnits = Dictionary(givers.map { ($0.schoolCode, 1) }, uniquingKeysWith: +)
        let takerUnits = Dictionary(takers.map { ($0.schoolCode, 1) }, uniquingKeysWith: +)
        let giverGroupsBySchool = Dictionary(grouping: giverGroups.keys, by: \.school).mapValues { $0.sorted() }

        var nodeCount = 2
        func node() -> Int { nodeCount += 1; return nodeCount - 1 }
        var arcs: [(from: Int, to: Int, capacity: Int, cost: Double)] = []
        // Every map is filled in sorted order, so node numbers never depend on hashing.
        var subjectNode: [String: Int] = [:]
        /// The node that caps what `school` loses of `subject` (the school's own node without a check).
        func subject(_ school: String, _ subject: String, under parent: Int, giving: Bool) -> Int {
            guard let spare = subjectSpare else { return parent }
            let name = school + "|" + subject
            let nodeName = (giving ? "give|" : "take|") + name
            if let n = subjectNode[nodeName] { return n }
            let n = node()
            subjectNode[nodeName] = n
            let capacity = max(0, spare[name] ?? 0)
            arcs.append(giving ? (parent, n, capacity, 0) : (n, parent, capacity, 0))
            return n
        }
        var schoolNode: [String: Int] = [:]
        var giverGroupNode: [GroupKey: Int] = [:]
        for group in giverGroups.keys.sorted() {
            let school = schoolNode[group.school] ?? {
                let n = node()
                schoolNode[group.school] = n
                for cost in giverCosts[group.school]!.prefix(giverUnits[group.school]!) { arcs.append((0, n, 1, cost)) }
                return n
            }()
            let g = node()
            giverGroupNode[group] = g
            arcs.append((subject(group.school, group.subject, under: school, giving: true), g, giverGroups[group]!.count, 0))
        }
        var takerSchoolNode: [String: Int] = [:]
        var hubNode: [String: Int] = [:]   // "school#key"
        var hubArcs: [String: [(group: GroupKey, arc: Int)]] = [:]
        var hubArcList: [(hub: String, group: GroupKey, from: Int, to: Int, capacity: Int)] = []
        for group in takerGroups.keys.sorted() {
            let school = takerSchoolNode[group.school] ?? {
                let n = node()
                takerSchoolNode[group.school] = n
                for cost in takerCosts[group.school]!.prefix(takerUnits[group.school]!) { arcs.append((n, 1, 1, cost)) }
                return n
            }()
            let t = node()
            arcs.append((t, subject(group.school, group.subject, under: school, giving: false), takerGroups[group]!.count, 0))
            let hubName = group.school + "#" + group.key
            let h = hubNode[hubName] ?? { let n = node(); hubNode[hubName] = n; return n }()
            hubArcList.append((hubName, group, h, t, takerGroups[group]!.count))
        }
        // Pair arcs: each giving group to the nearest taking schools that have its key.
        let takingSchools = Set(takerGroups.keys.map(\.school)).sorted()
        let keysAt = Dictionary(grouping: takerGroups.keys, by: \.school).mapValues { Set($0.map(\.key)) }
        var pairs: [(from: Int, to: Int, cost: Double, group: GroupKey, hub: String)] = []
        for school in giverGroupsBySchool.keys.sorted() {
            let byDistance = takingSchools.filter { $0 != school }
                .map { ($0, kilometres(school, $0) ?? 0) }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            for group in giverGroupsBySchool[school]! {
                var taken = 0
                for (other, km) in byDistance where taken < nearest && keysAt[other]!.contains(group.key) {
                    taken += 1
                    let hubName = other + "#" + group.key
                    let bonus = preferred.map { $0(giverGroups[group]![0]) ? Self.preference : 0 } ?? 0
                    pairs.append((giverGroupNode[group]!, hubNode[hubName]!, kilometreWeight * km - bonus, group, hubName))
                }
            }
        }
        var network = MinCostFlow(nodes: nodeCount)
        for arc in arcs { network.addEdge(from: arc.from, to: arc.to, capacity: arc.capacity, cost: arc.cost) }
        for arc in hubArcList {
            hubArcs[arc.hub, default: []].append((arc.group, network.addEdge(from: arc.from, to: arc.to, capacity: arc.capacity, cost: 0)))
        }
        let pairIndex = pairs.map { network.addEdge(from: $0.from, to: $0.to, capacity: Int.max / 4, cost: $0.cost) }
        let unsolved = log == nil ? nil : network
        let result = network.solve(from: 0, to: 1, amount: amount, below: onlyGains ? -1e-12 : nil)
        if let unsolved { log?(unsolved, amount, onlyGains, result.cost) }

        // Read the pairs back. Within a hub every giver unit may meet every taker unit (same key,
        // same two schools' distance), so they are paired in order.
        var arriving: [String: [GroupKey]] = [:]
        for (pair, index) in zip(pairs, pairIndex) {
            arriving[pair.hub, default: []] += Array(repeating: pair.group, count: network.flow(on: index))
        }
        var nextGiver: [GroupKey: Int] = [:]
        var swaps: [Swap] = []
        for hubName in arriving.keys.sorted() {
            var leaving: [GroupKey] = []
            for (group, arc) in hubArcs[hubName]! { leaving += Array(repeating: group, count: network.flow(on: arc)) }
            var nextTaker: [GroupKey: Int] = [:]
            for (giverGroup, takerGroup) in zip(arriving[hubName]!, leaving) {
                let g = giverGroups[giverGroup]![nextGiver[giverGroup, default: 0]]
                let t = takerGroups[takerGroup]![nextTaker[takerGroup, default: 0]]
                nextGiver[giverGroup, default: 0] += 1
                nextTaker[takerGroup, default: 0] += 1
                swaps.append(Swap(giver: g, taker: t, kilometres: kilometres(g.schoolCode, t.schoolCode)))
            }
        }
        return (swaps, result.cost)
    }

    /// A group of interchangeable teachers: one school, subject and partner key.
    struct GroupKey: Hashable, Comparable {
        var school: String
        var subject: String
        var key: String

        static func < (a: GroupKey, b: GroupKey) -> Bool { (a.school, a.key, a.subject) < (b.school, b.key, b.subject) }
    }
}
