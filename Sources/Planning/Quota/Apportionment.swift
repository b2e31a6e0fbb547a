/// How whole places are shared in proportion to weights (名额分配方法): a high school's
/// allocated places (指标到校) among its junior schools, by their eligible graduates.
///
/// With P places, weights wᵢ (W = Σ wᵢ) and quotas qᵢ = P · wᵢ / W, every method gives whole
/// places summing to P; they differ in how the fractions are settled.
///
/// **Known paradoxes.** No method keeps every claimant within its quota (⌊qᵢ⌋ ≤ sᵢ ≤ ⌈qᵢ⌉) and
/// is also free of the paradoxes below (Balinski–Young, 1982), so a bureau chooses:
/// - *Largest remainder* keeps quota, but is not house-monotone (Alabama paradox: one more
///   place in all can cost a school one), and a school whose weight grows can lose a place to
///   one whose weight shrinks (population paradox).
/// - The *divisor methods* are house- and population-monotone — places only grow with P —
///   but can leave quota: D'Hondt favours large schools (it keeps lower quota, may pass upper
///   quota), Huntington–Hill favours small ones (every school with a weight gets a place before
///   any gets two), and Sainte-Laguë is the most even-handed (it leaves quota rarely, and
///   neither way systematically).
///
/// Worked example (the textbook case, tested): 10 places, weights 6,100 / 5,000 / 900, quotas
/// 5.083 / 4.167 / 0.750. Largest remainder: 5 / 4 / 0 whole, the 10th place to the largest
/// remainder, 0.750 → 5 / 4 / 1. D'Hondt (divisors 1, 2, 3, …): 6 / 4 / 0. Sainte-Laguë (1, 3,
/// 5, …): 5 / 4 / 1.
public enum ApportionmentMethod: String, CaseIterable, Sendable, Codable, Hashable {
    /// 最大余额法 (Hamilton): each takes ⌊qᵢ⌋, the places left go to the largest remainders.
    case largestRemainder = "largest_remainder"
    /// 圣拉格法 (Sainte-Laguë / Webster): the next place to the largest wᵢ / (sᵢ + ½).
    case sainteLague = "sainte_lague"
    /// 顿特法 (D'Hondt / Jefferson): the next place to the largest wᵢ / (sᵢ + 1).
    case dHondt = "dhondt"
    /// 亨廷顿–希尔法 (Huntington–Hill): the next place to the largest wᵢ / √(sᵢ(sᵢ + 1)).
    case huntingtonHill = "huntington_hill"
}

/// One claimant to places: a junior school, or a group of them.
public struct ApportionmentClaim: Sendable, Hashable {
    /// Its id (学校标识码): what ties are settled by, so the result does not depend on the order
    /// claims are listed in.
    public var id: String
    /// Its weight (≥ 0, finite): eligible graduates × (1 + the rural weight when rural).
    public var weight: Double
    /// Places it gets whatever its weight (每校最少名额).
    public var minimum: Int

    public init(id: String, weight: Double, minimum: Int = 0) {
        self.id = id
        self.weight = weight
        self.minimum = minimum
    }
}

/// Shares whole places among claims by one ``ApportionmentMethod``, minimums first.
///
/// ```swift
/// let places = try Apportionment(method: .largestRemainder).allocate(10, among: claims)  // one per claim, in order
/// ```
///
/// **Minimums.** A divisor method starts every claim at its minimum and gives the places left
/// one at a time by the method's priority, so minimums only move where the sequence starts. The
/// largest remainder sets aside each claim whose quota of the places left falls below its
/// minimum (it gets the minimum), recomputes the others' quotas over what remains, and repeats
/// until every quota clears its minimum; ⌊qᵢ⌋ ≥ minimum then holds for the rest. A claim of
/// weight 0 gets its minimum only.
///
/// **Ties** (equal priority, or equal remainders, for the last places): the larger weight
/// first, then — without a lottery seed — the id that sorts first; with one, the lower draw
/// of a SplitMix64 hash of the seed and the id, which a bureau can publish and anyone can
/// recompute. Either way the rule depends on the claims, not on their order.
///
/// **Exactness.** Priorities are compared by cross-multiplication (wₐ · d(s_b) against
/// w_b · d(sₐ), squared for Huntington–Hill, ½ doubled away for Sainte-Laguë), so integer
/// weights compare exactly; remainders are compared the same way (P·wᵢ mod W). Time O(n log n)
/// for the largest remainder; O(n + R log n) for a divisor method, whose R places beyond the
/// minimums go one at a time to the top of a heap of the n claims.
public struct Apportionment: Sendable {
    public var method: ApportionmentMethod
    /// The lottery seed for ties (摇号种子); nil: ties by id.
    public var seed: UInt64?

    public init(method: ApportionmentMethod, seed: UInt64? = nil) {
        self.method = method
        self.seed = seed
    }

    /// The places of each claim (in the claims' order), summing to `places`.
    ///
    /// - Throws: ``PlanningError`` when a weight is negative or not finite, an id repeats, the
    ///   minimums pass `places`, or places are left beyond the minimums with no weight to share
    ///   them by.
    public func allocate(_ places: Int, among claims: [ApportionmentClaim]) throws(PlanningError) -> [Int] {
        guard places >= 0 else { throw PlanningError(.apportionment(.negativePlaces(places))) }
        var ids = Set<String>()
        for claim in claims {
            guard claim.weight.isFinite, claim.weight >= 0 else { throw PlanningError(.apportionment(.badWeight(claim.id))) }
            guard claim.minimum >= 0 else { throw PlanningError(.apportionment(.badMinimum(claim.id))) }
            guard ids.insert(claim.id).inserted else { throw PlanningError(.apportionment(.repeatedId(claim.id))) }
        }
        let floor = claims.reduce(0) { $0 + $1.minimum }
        guard floor <= places else { throw PlanningError(.apportionment(.minimumsAbovePlaces(minimums: floor, places: places))) }
        if floor < places, !claims.contains(where: { $0.weight > 0 }) {
            throw PlanningError(.apportionment(.noWeight(places: places - floor)))
        }
        let draws = claims.map { draw($0.id) }
        return method == .largestRemainder
            ? largestRemainder(places, claims, draws: draws)
            : divisor(places, claims, draws: draws)
    }

    /// Whether claim a goes before claim b when their priorities tie.
    private func before(_ a: Int, _ b: Int, _ claims: [ApportionmentClaim], draws: [UInt64]) -> Bool {
        if claims[a].weight != claims[b].weight { return claims[a].weight > claims[b].weight }
        if seed != nil, draws[a] != draws[b] { return draws[a] < draws[b] }
        return claims[a].id.unicodeScalars.lexicographicallyPrecedes(claims[b].id.unicodeScalars)
    }

    /// A claim's lottery draw: SplitMix64 of the seed xor the FNV-1a hash of its id's UTF-8.
    private func draw(_ id: String) -> UInt64 {
        guard let seed else { return 0 }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        var z = (seed ^ hash) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The divisor methods: from the minimums, each place to the highest priority wᵢ / d(sᵢ).
    private func divisor(_ places: Int, _ claims: [ApportionmentClaim], draws: [UInt64]) -> [Int] {
        var seats = claims.map(\.minimum)
        var left = places - seats.reduce(0, +)
        // d(s) as a value whose ratio to another's is the method's: Sainte-Laguë doubled (2s + 1),
        // Huntington–Hill squared (s(s + 1)) with the weight squared to match.
        let d: (Int) -> Double = switch method {
        case .dHondt: { Double($0) + 1 }
        case .sainteLague: { 2 * Double($0) + 1 }
        // (The largest remainder never comes here.)
        case .huntingtonHill, .largestRemainder: { Double($0) * (Double($0) + 1) }
        }
        let w: (Int) -> Double = method == .huntingtonHill ? { claims[$0].weight * claims[$0].weight } : { claims[$0].weight }
        // Whether claim i's next place comes before claim j's: wᵢ / d(sᵢ) against w_j / d(s_j),
        // multiplied out (d = 0: priority +∞, larger weight first), ties by ``before``.
        func higher(_ i: Int, _ j: Int) -> Bool {
            let mine = w(i) * d(seats[j]), theirs = w(j) * d(seats[i])
            return mine > theirs || (mine == theirs && before(i, j, claims, draws: draws))
        }
        // The claims with a weight in a binary max-heap by that order: each place goes to the
        // top, whose priority then falls, so it sinks — O(log n) a place instead of a scan.
        var heap = claims.indices.filter { claims[$0].weight > 0 }
        func sink(_ start: Int) {
            var k = start
            while true {
                let left = 2 * k + 1, right = left + 1
                var top = k
                if left < heap.count, higher(heap[left], heap[top]) { top = left }
                if right < heap.count, higher(heap[right], heap[top]) { top = right }
                if top == k { return }
                heap.swapAt(k, top)
                k = top
            }
        }
        for k in stride(from: heap.count / 2 - 1, through: 0, by: -1) { sink(k) }
        while left > 0, let best = heap.first {
            seats[best] += 1
            left -= 1
            sink(0)
        }
        return seats
    }

    /// The largest remainder, minimums set aside first (see the type's comment).
    private func largestRemainder(_ places: Int, _ claims: [ApportionmentClaim], draws: [UInt64]) -> [Int] {
        var seats = Array(repeating: 0, count: claims.count)
        var active = Array(claims.indices)
        var pool = places
        // Claims whose quota of the pool falls below their minimum take it and leave the pool.
        while true {
            let total = active.reduce(0.0) { $0 + claims[$1].weight }
            let short = active.filter { i in Double(pool) * claims[i].weight < Double(claims[i].minimum) * total || total == 0 }
            if short.isEmpty { break }
            for i in short {
                seats[i] = claims[i].minimum
                pool -= claims[i].minimum
            }
            active.removeAll { short.contains($0) }
            if active.isEmpty { break }
        }
        guard !active.isEmpty else { return seats }
        let total = active.reduce(0.0) { $0 + claims[$1].weight }
        // qᵢ = pool · wᵢ / W: whole part and remainder (pool · wᵢ − ⌊qᵢ⌋ · W, over W).
        var remainder = Array(repeating: 0.0, count: claims.count)
        var given = 0
        for i in active {
            let product = Double(pool) * claims[i].weight
            let whole = Int((product / total).rounded(.down))
            // Division can round across a whole number; settle it on the product.
            let fixed = Double(whole + 1) * total <= product ? whole + 1 : Double(whole) * total > product ? whole - 1 : whole
            seats[i] = max(fixed, claims[i].minimum)
            remainder[i] = product - Double(fixed) * total
            given += seats[i]
        }
        let order = active.sorted { a, b in
            remainder[a] != remainder[b] ? remainder[a] > remainder[b] : before(a, b, claims, draws: draws)
        }
        for i in order.prefix(pool - given) { seats[i] += 1 }
        return seats
    }
}
