/// A whole-block plan (整片划入) and the steps that make one from the split relaxation: every
/// block zoned wholly to one school or left unplaced, no school above its places.
///
/// **Rounding (documented repair).** Blocks the relaxation kept whole stay where it put them.
/// The split blocks (fewer than the schools, see ``ZoneRelaxation``) and the blocks it could not
/// place are placed largest first at the cheapest school with room; when none has room, one
/// block already placed is *ejected* to another school with room if that frees enough places,
/// choosing the pair of moves that adds the least cost; a block that still fits nowhere is
/// unplaced.
///
/// **Local search.** Then, until no move lowers the objective (lexicographic: unplaced children,
/// then cost): place an unplaced block (directly or by one ejection); *shift* a block to a
/// cheaper school with room; *swap* two blocks of two schools when both fit after the exchange
/// and the sum of their costs falls. With contiguity on, the islands of the rounding are first
/// moved to a neighbouring zone that takes them (cheapest first), and from then on every move
/// must keep the rule of ``ZoneContiguity``.
///
/// Each step lowers the objective strictly (costs compared with a 10⁻⁹ relative margin), and
/// there are finitely many plans, so the search ends; the result is a local optimum for shifts,
/// swaps and single ejections, not a proven optimum — the gap to the relaxation says how far it
/// can be from one.
struct WholeBlockZoning: Sendable {
    let network: ZoneNetwork
    /// The no-islands rule, when the plan keeps it.
    var contiguity: ZoneContiguity?
    /// The arc each block is zoned by, or −1 when it is unplaced.
    private(set) var arcOf: [Int]
    /// Children zoned to each school.
    private(set) var load: [Int]
    /// The blocks of each school's zone.
    private var members: [[Int]]
    /// Where each block sits in its school's `members`.
    private var slot: [Int]

    init(network: ZoneNetwork, contiguity: ZoneContiguity?) {
        self.network = network
        self.contiguity = contiguity
        arcOf = Array(repeating: -1, count: network.blockCount)
        load = Array(repeating: 0, count: network.schoolCount)
        members = Array(repeating: [], count: network.schoolCount)
        slot = Array(repeating: -1, count: network.blockCount)
    }

    /// The school of block i, or −1.
    func school(of i: Int) -> Int { arcOf[i] < 0 ? -1 : network.school[arcOf[i]] }

    /// Children left unplaced.
    var unplaced: Int { arcOf.indices.reduce(0) { $0 + (arcOf[$1] < 0 ? network.demand[$1] : 0) } }

    /// Σ children × cost per child.
    var cost: Double {
        arcOf.indices.reduce(0.0) { $0 + (arcOf[$1] < 0 ? 0 : Double(network.demand[$1]) * network.unitCost(arcOf[$1], of: $1)) }
    }

    /// Room left at school j.
    func room(_ j: Int) -> Int { network.capacity[j] - load[j] }

    // MARK: - Assignment

    mutating func assign(_ i: Int, arc a: Int) {
        unassign(i)
        let j = network.school[a]
        arcOf[i] = a
        load[j] += network.demand[i]
        slot[i] = members[j].count
        members[j].append(i)
    }

    mutating func unassign(_ i: Int) {
        guard arcOf[i] >= 0 else { return }
        let j = network.school[arcOf[i]]
        load[j] -= network.demand[i]
        let s = slot[i], last = members[j].removeLast()
        if last != i {
            members[j][s] = last
            slot[last] = s
        }
        arcOf[i] = -1
        slot[i] = -1
    }

    /// Children × cost per child of block i on arc a.
    private func blockCost(_ i: Int, _ a: Int) -> Double { Double(network.demand[i]) * network.unitCost(a, of: i) }

    /// Whether a change of `delta` in cost is an improvement against `scale`.
    private static func lowers(_ delta: Double, scale: Double) -> Bool { delta < -1e-9 * max(1, abs(scale)) }

    // MARK: - Rounding

    /// The rounded relaxation: whole blocks kept, the rest placed as documented.
    static func rounding(_ relaxation: ZoneRelaxation, network: ZoneNetwork, contiguity: ZoneContiguity?) -> WholeBlockZoning {
        // Rounded without the rule: ``improve(rounds:)`` repairs the islands first.
        var plan = WholeBlockZoning(network: network, contiguity: nil)
        var pending: [Int] = []
        for i in 0..<network.blockCount {
            let arcs = network.arcs(of: i)
            if network.demand[i] == 0 {
                if let first = arcs.first { plan.assign(i, arc: first) }
                continue
            }
            if let whole = arcs.first(where: { relaxation.flow[$0] == network.demand[i] }) {
                plan.assign(i, arc: whole)
            } else {
                pending.append(i)
            }
        }
        pending.sort { network.demand[$0] != network.demand[$1] ? network.demand[$0] > network.demand[$1] : $0 < $1 }
        for i in pending { plan.place(i) }
        plan.contiguity = contiguity
        return plan
    }

    /// The relaxation grown into zones that keep the no-islands rule from the start.
    ///
    /// Pairs (block, school) are taken in increasing km: first the pairs the relaxation uses,
    /// then every pair of a block still unplaced; a block joins when the school has room and the
    /// rule holds. Taken in that order, every block that comes before it in the school's zone
    /// has already had its chance to join, and later blocks come after it, so each join is
    /// decided on the zone's final nearer part; ``apply(_:repairing:)`` refuses a join that
    /// would make an island. Blocks left over are then placed as in ``rounding(_:network:contiguity:)``
    /// (they may be islands, which the local search tries to repair).
    static func growing(_ relaxation: ZoneRelaxation, network: ZoneNetwork, contiguity: ZoneContiguity) -> WholeBlockZoning {
        var plan = WholeBlockZoning(network: network, contiguity: contiguity)
        func grow(_ arcs: [(block: Int, arc: Int)]) {
            let ordered = arcs.sorted {
                let a = network.km[$0.arc], b = network.km[$1.arc]
                return a != b ? a < b : ($0.block, $0.arc) < ($1.block, $1.arc)
            }
            for (i, a) in ordered where plan.arcOf[i] < 0 && plan.room(network.school[a]) >= network.demand[i] {
                plan.apply([(i, a)])
            }
        }
        var used: [(block: Int, arc: Int)] = []
        for i in 0..<network.blockCount {
            for a in network.arcs(of: i) where relaxation.flow[a] > 0 || (network.demand[i] == 0 && a == network.start[i]) {
                used.append((i, a))
            }
        }
        grow(used)
        grow((0..<network.blockCount).filter { plan.arcOf[$0] < 0 }.flatMap { i in network.arcs(of: i).map { (i, $0) } })
        plan.contiguity = nil
        let left = (0..<network.blockCount).filter { plan.arcOf[$0] < 0 && network.demand[$0] > 0 }
        for i in left.sorted(by: { network.demand[$0] > network.demand[$1] }) { plan.place(i) }
        plan.contiguity = contiguity
        return plan
    }

    /// Places unplaced block i at the cheapest school with room, or by one ejection; false when
    /// neither is possible.
    @discardableResult
    mutating func place(_ i: Int) -> Bool {
        let d = network.demand[i]
        for a in network.arcs(of: i) where room(network.school[a]) >= d {
            if apply([(i, a)]) { return true }
        }
        // One ejection: block b leaves school j (where i wants to go) for school k with room.
        var options: [(delta: Double, a: Int, b: Int, bArc: Int)] = []
        for a in network.arcs(of: i) {
            let j = network.school[a]
            let shortfall = d - room(j)
            guard shortfall > 0 else { continue }
            for b in members[j] where network.demand[b] >= shortfall {
                let here = blockCost(b, arcOf[b])
                for bArc in network.arcs(of: b) {
                    let k = network.school[bArc]
                    guard k != j, room(k) >= network.demand[b] else { continue }
                    options.append((blockCost(i, a) + blockCost(b, bArc) - here, a, b, bArc))
                    break  // arcs are cheapest first: the first that fits is b's best
                }
            }
        }
        options.sort { $0.delta != $1.delta ? $0.delta < $1.delta : ($0.b, $0.a) < ($1.b, $1.a) }
        for o in options.prefix(8) where apply([(o.b, o.bArc), (i, o.a)]) { return true }
        return false
    }

    // MARK: - Local search

    /// Improves the plan until no move lowers the objective (at most `rounds` sweeps).
    mutating func improve(rounds: Int = 200) {
        if contiguity != nil { repairIslands() }
        for _ in 0..<rounds {
            var changed = false
            for i in 0..<network.blockCount where arcOf[i] < 0 && network.demand[i] > 0 {
                if place(i) { changed = true }
            }
            for i in 0..<network.blockCount where arcOf[i] >= 0 {
                if shift(i) { changed = true }
            }
            for i in 0..<network.blockCount where arcOf[i] >= 0 {
                if swap(i) { changed = true }
            }
            if !changed { break }
        }
    }

    /// Moves block i to the cheapest school with room that costs less; true if it moved.
    private mutating func shift(_ i: Int) -> Bool {
        let here = network.unitCost(arcOf[i], of: i), d = network.demand[i]
        let j = school(of: i)
        for a in network.arcs(of: i) {
            let unit = network.unitCost(a, of: i)
            guard Self.lowers(Double(d) * (unit - here), scale: Double(d) * here) else { break }
            let k = network.school[a]
            guard k != j, room(k) >= d else { continue }
            if apply([(i, a)]) { return true }
        }
        return false
    }

    /// Exchanges block i with a block of a school i would rather be in, when both fit and the
    /// cost falls; true if it did.
    private mutating func swap(_ i: Int) -> Bool {
        let j = school(of: i), di = network.demand[i]
        let here = network.unitCost(arcOf[i], of: i)
        for a in network.arcs(of: i) {
            let gain = Double(di) * (here - network.unitCost(a, of: i))
            guard gain > 0 else { break }
            let k = network.school[a]
            guard k != j else { continue }
            for b in members[k] {
                let db = network.demand[b]
                guard room(k) + db >= di, room(j) + di >= db, let back = network.arc(of: b, to: j) else { continue }
                let delta = Double(db) * (network.unitCost(back, of: b) - network.unitCost(arcOf[b], of: b)) - gain
                guard Self.lowers(delta, scale: gain) else { continue }
                if apply([(i, a), (b, back)]) { return true }
            }
        }
        return false
    }

    // MARK: - Contiguity

    /// The (km, block) order of zone j's blocks.
    private func precedes(_ a: Int, _ b: Int, in j: Int) -> Bool {
        guard let ka = km(a, j), let kb = km(b, j) else { return false }
        return ka != kb ? ka < kb : a < b
    }

    private func km(_ i: Int, _ j: Int) -> Double? {
        if arcOf[i] >= 0 && network.school[arcOf[i]] == j { return network.km[arcOf[i]] }
        return network.arc(of: i, to: j).map { network.km[$0] }
    }

    /// Whether block i keeps the rule in zone j, with zone j as it stands (i's own place aside).
    func keepsRule(_ i: Int, in j: Int) -> Bool {
        guard let contiguity, !contiguity.neighbours[i].isEmpty else { return true }
        if contiguity.neighbours[i].contains(where: { school(of: $0) == j && $0 != i && precedes($0, i, in: j) }) { return true }
        // The root: no other block of the zone comes before it.
        return !members[j].contains { $0 != i && precedes($0, i, in: j) }
    }

    /// Blocks that break the rule.
    var ruleBreakers: [Int] {
        guard contiguity != nil else { return [] }
        return arcOf.indices.filter { arcOf[$0] >= 0 && !keepsRule($0, in: school(of: $0)) }
    }

    /// Islands (飞地): blocks not joined to their zone's root through neighbours in the zone.
    /// Every island breaks the rule, not every rule breaker is an island (a block may join its
    /// zone only through a block farther from the school).
    var islands: [Int] {
        guard let contiguity else { return [] }
        var reached = Array(repeating: false, count: arcOf.count)
        for j in members.indices {
            guard let root = members[j].min(by: { precedes($0, $1, in: j) }) else { continue }
            reached[root] = true
            var stack = [root]
            while let b = stack.popLast() {
                for c in contiguity.neighbours[b] where !reached[c] && school(of: c) == j {
                    reached[c] = true
                    stack.append(c)
                }
            }
        }
        return arcOf.indices.filter { arcOf[$0] >= 0 && !reached[$0] && !contiguity.neighbours[$0].isEmpty }
    }

    /// Makes `moves` (block → arc) unless they make a block break the rule that kept it; true
    /// if made. With `repairing`, they must also mend one.
    ///
    /// Only a few blocks can change their standing: the blocks moved, their neighbours (whose
    /// earlier neighbour may have left or arrived) and the roots of the zones touched (a block
    /// arriving before a root makes it need an earlier neighbour); every other block keeps both
    /// its earlier neighbour and its zone's root. Those are counted before and after.
    @discardableResult
    mutating func apply(_ moves: [(block: Int, arc: Int)], repairing: Bool = false) -> Bool {
        guard let contiguity else {
            for m in moves { assign(m.block, arc: m.arc) }
            return true
        }
        var zones = Set<Int>()
        for m in moves {
            if school(of: m.block) >= 0 { zones.insert(school(of: m.block)) }
            zones.insert(network.school[m.arc])
        }
        var watched = Set<Int>()
        for j in zones.sorted() {
            if let root = members[j].min(by: { precedes($0, $1, in: j) }) { watched.insert(root) }
        }
        for m in moves {
            watched.insert(m.block)
            watched.formUnion(contiguity.neighbours[m.block])
        }
        let breakersBefore = watched.filter { arcOf[$0] >= 0 && !keepsRule($0, in: school(of: $0)) }
        let before = moves.map { arcOf[$0.block] }
        for m in moves { assign(m.block, arc: m.arc) }
        let breakersAfter = watched.filter { arcOf[$0] >= 0 && !keepsRule($0, in: school(of: $0)) }
        // No new breaker, ever (a traded one could cut a piece off its zone); a repair removes one.
        if breakersAfter.isSubset(of: breakersBefore) && (!repairing || breakersAfter.count < breakersBefore.count) { return true }
        for (m, arc) in zip(moves, before).reversed() {
            if arc >= 0 { assign(m.block, arc: arc) } else { unassign(m.block) }
        }
        return false
    }

    /// Moves the piece of zone j around island i (its blocks joined through neighbours, at most
    /// 256, not holding the zone's root) to the neighbouring zone that takes all of it at least
    /// cost; true if it moved.
    private mutating func moveComponent(of i: Int) -> Bool {
        guard let contiguity else { return false }
        let j = school(of: i)
        let root = members[j].min { precedes($0, $1, in: j) }
        var piece: [Int] = [i], seen: Set<Int> = [i], k = 0
        while k < piece.count {
            for c in contiguity.neighbours[piece[k]] where school(of: c) == j && seen.insert(c).inserted {
                if c == root || piece.count >= 256 { return false }
                piece.append(c)
            }
            k += 1
        }
        let children = piece.reduce(0) { $0 + network.demand[$1] }
        var zones = Set<Int>()
        for b in piece { for c in contiguity.neighbours[b] where school(of: c) >= 0 && school(of: c) != j { zones.insert(school(of: c)) } }
        var options: [(cost: Double, zone: Int, moves: [(block: Int, arc: Int)])] = []
        for z in zones.sorted() where room(z) >= children {
            var moves: [(block: Int, arc: Int)] = []
            var cost = 0.0
            for b in piece {
                guard let a = network.arc(of: b, to: z) else { break }
                moves.append((b, a))
                cost += blockCost(b, a)
            }
            if moves.count == piece.count { options.append((cost, z, moves)) }
        }
        options.sort { $0.cost != $1.cost ? $0.cost < $1.cost : $0.zone < $1.zone }
        return options.contains { apply($0.moves, repairing: true) }
    }

    /// Repairs islands while any repair works. For an island i of zone j, in this order: move i
    /// to a neighbouring zone with room; *bridge* — bring into zone j a neighbour of i that is
    /// nearer to j's school (when j has room for it); move i's whole piece of zone j (the blocks
    /// of j joined to it through neighbours, which may lean on it) to a neighbouring zone with
    /// room for all of them; move i to a neighbouring zone k after ejecting one block of k to a
    /// school with room. Each repair must lower the number of
    /// islands among the blocks it touches (``apply(_:repairing:)``), so the loop ends.
    private mutating func repairIslands() {
        guard let contiguity else { return }
        for _ in 0..<50 {
            var moved = false
            for i in ruleBreakers where arcOf[i] >= 0 && !keepsRule(i, in: school(of: i)) {
                let j = school(of: i), d = network.demand[i]
                let zones = Set(contiguity.neighbours[i].map(school(of:)).filter { $0 >= 0 && $0 != j })
                let into = network.arcs(of: i).filter { zones.contains(network.school[$0]) }
                if into.contains(where: { room(network.school[$0]) >= d && apply([(i, $0)], repairing: true) }) { moved = true; continue }
                let own = km(i, j) ?? .infinity
                let bridges = contiguity.neighbours[i].filter { c in
                    school(of: c) != j && (km(c, j) ?? .infinity) < own && room(j) >= network.demand[c]
                }
                if bridges.contains(where: { c in network.arc(of: c, to: j).map { apply([(c, $0)], repairing: true) } ?? false }) {
                    moved = true
                    continue
                }
                if moveComponent(of: i) { moved = true; continue }
                ejection: for a in into {
                    let k = network.school[a], shortfall = d - room(k)
                    guard shortfall > 0 else { continue }
                    for b in members[k] where network.demand[b] >= shortfall {
                        for bArc in network.arcs(of: b) where network.school[bArc] != k && room(network.school[bArc]) >= network.demand[b] {
                            if apply([(b, bArc), (i, a)], repairing: true) { moved = true; break ejection }
                        }
                    }
                }
            }
            if !moved { break }
        }
    }
}
