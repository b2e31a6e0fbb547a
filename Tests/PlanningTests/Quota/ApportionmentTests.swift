import Testing
@testable import Planning

/// The apportionment methods of 指标到校: the textbook cases, totals and minimums, order
/// independence, each method's defining property, and the paradoxes the doc comment names.
@Suite("Quota: apportionment")
struct ApportionmentTests {
    static func claims(_ weights: [Double], minimums: [Int]? = nil) -> [ApportionmentClaim] {
        weights.enumerated().map { i, w in ApportionmentClaim(id: "J\(i)", weight: w, minimum: minimums?[i] ?? 0) }
    }

    @Test("the textbook case: 10 places, 6,100 / 5,000 / 900", arguments: [
        (ApportionmentMethod.dHondt, [6, 4, 0]), (.sainteLague, [5, 4, 1]), (.largestRemainder, [5, 4, 1]), (.huntingtonHill, [5, 4, 1]),
    ])
    func textbook(method: ApportionmentMethod, expected: [Int]) throws {
        #expect(try Apportionment(method: method).allocate(10, among: Self.claims([6_100, 5_000, 900])) == expected)
    }

    @Test("minimums first: 10 places, weights 90 / 5 / 5, at least 2 each for the small ones", arguments: ApportionmentMethod.allCases)
    func minimums(method: ApportionmentMethod) throws {
        #expect(try Apportionment(method: method).allocate(10, among: Self.claims([90, 5, 5], minimums: [0, 2, 2])) == [6, 2, 2])
    }

    /// A random problem: 1–12 claims, integer weights (some equal, some 0), minimums now and then.
    static func random(_ rng: inout TestRandom, minimums: Bool) -> (places: Int, claims: [ApportionmentClaim]) {
        let n = rng.int(1, 12)
        let weights = (0..<n).map { _ in rng.int(0, 5) == 0 ? 0.0 : Double(rng.int(1, 4) * 50 + (rng.int(0, 1) == 0 ? 0 : rng.int(1, 400))) }
        var weighted = weights
        if !weighted.contains(where: { $0 > 0 }) { weighted[0] = 100 }
        let least = (0..<n).map { _ in minimums && rng.int(0, 3) == 0 ? rng.int(1, 3) : 0 }
        let places = least.reduce(0, +) + rng.int(0, 60)
        return (places, Self.claims(weighted, minimums: least))
    }

    @Test("totals equal the places, minimums held, and the result does not depend on the claims' order", arguments: 0..<200)
    func totalsMinimumsAndOrder(seed: Int) throws {
        var rng = TestRandom(seed: 90_000 + seed)
        let (places, claims) = Self.random(&rng, minimums: true)
        for method in ApportionmentMethod.allCases {
            for lottery in [nil, UInt64(seed)] {
                let apportionment = Apportionment(method: method, seed: lottery)
                let seats = try apportionment.allocate(places, among: claims)
                #expect(seats.reduce(0, +) == places, "seed \(seed) \(method)")
                #expect(zip(seats, claims).allSatisfy { $0 >= $1.minimum }, "seed \(seed) \(method)")
                #expect(zip(seats, claims).allSatisfy { $1.weight > 0 || $0 == $1.minimum }, "seed \(seed) \(method): weight 0 gets its minimum only")
                // Reversed and rotated: the same places per id.
                let byId = Dictionary(uniqueKeysWithValues: zip(claims.map(\.id), seats))
                for order in [Array(claims.reversed()), Array(claims.dropFirst(claims.count / 2) + claims.prefix(claims.count / 2))] {
                    let again = try apportionment.allocate(places, among: order)
                    #expect(zip(order, again).allSatisfy { byId[$0.id] == $1 }, "seed \(seed) \(method) \(String(describing: lottery))")
                }
            }
        }
    }

    /// d(s) of a divisor method (Huntington–Hill's √(s(s + 1)); 0 at s = 0: priority +∞).
    static func divisor(_ method: ApportionmentMethod, _ s: Int) -> Double {
        switch method {
        case .dHondt: Double(s) + 1
        case .sainteLague: Double(s) + 0.5
        case .huntingtonHill, .largestRemainder: (Double(s) * Double(s + 1)).squareRoot()
        }
    }

    @Test("divisor methods: no place could move to a claim of higher priority, and places only grow with the total", arguments: 0..<150)
    func divisorMethods(seed: Int) throws {
        var rng = TestRandom(seed: 91_000 + seed)
        let (places, claims) = Self.random(&rng, minimums: seed % 2 == 0)
        for method in [ApportionmentMethod.dHondt, .sainteLague, .huntingtonHill] {
            let apportionment = Apportionment(method: method)
            let seats = try apportionment.allocate(places, among: claims)
            // The defining inequality: the least priority of a place given (above a minimum) is at
            // least the greatest priority of a place not given.
            let given = claims.indices.filter { seats[$0] > claims[$0].minimum }
                .map { claims[$0].weight / Self.divisor(method, seats[$0] - 1) }.min() ?? .infinity
            let waiting = claims.indices.filter { claims[$0].weight > 0 }
                .map { claims[$0].weight / Self.divisor(method, seats[$0]) }.max() ?? 0
            #expect(given >= waiting * (1 - 1e-12), "seed \(seed) \(method): \(given) < \(waiting)")
            // House monotone: one more place in all takes none from anybody.
            let more = try apportionment.allocate(places + 1, among: claims)
            #expect(zip(more, seats).allSatisfy { $0 >= $1 }, "seed \(seed) \(method)")
            // D'Hondt keeps lower quota (without minimums).
            if method == .dHondt, claims.allSatisfy({ $0.minimum == 0 }) {
                let total = claims.reduce(0) { $0 + $1.weight }
                #expect(zip(seats, claims).allSatisfy { Double($0) >= (Double(places) * $1.weight / total).rounded(.down) - 1e-9 })
            }
        }
    }

    @Test("largest remainder keeps quota: ⌊q⌋ ≤ places ≤ ⌈q⌉", arguments: 0..<150)
    func largestRemainderQuota(seed: Int) throws {
        var rng = TestRandom(seed: 92_000 + seed)
        let (places, claims) = Self.random(&rng, minimums: false)
        let seats = try Apportionment(method: .largestRemainder).allocate(places, among: claims)
        let total = claims.reduce(0) { $0 + $1.weight }
        for (s, claim) in zip(seats, claims) {
            let q = Double(places) * claim.weight / total
            #expect(Double(s) >= q.rounded(.down) - 1e-9 && Double(s) <= q.rounded(.up) + 1e-9, "seed \(seed): \(s) for quota \(q)")
        }
    }

    @Test("the Alabama paradox of the largest remainder (weights 6 / 6 / 2): one more place in all costs the small school one")
    func alabamaParadox() throws {
        let claims = Self.claims([6, 6, 2])
        #expect(try Apportionment(method: .largestRemainder).allocate(10, among: claims) == [4, 4, 2])
        #expect(try Apportionment(method: .largestRemainder).allocate(11, among: claims) == [5, 5, 1])
        // A divisor method cannot do that.
        for method in [ApportionmentMethod.dHondt, .sainteLague, .huntingtonHill] {
            let ten = try Apportionment(method: method).allocate(10, among: claims)
            let eleven = try Apportionment(method: method).allocate(11, among: claims)
            #expect(zip(eleven, ten).allSatisfy { $0 >= $1 }, "\(method): \(ten) then \(eleven)")
        }
    }

    @Test("ties: the id that sorts first without a seed; the seed's draw with one, the same every time")
    func ties() throws {
        let claims = [ApportionmentClaim(id: "B", weight: 100), ApportionmentClaim(id: "A", weight: 100)]
        for method in ApportionmentMethod.allCases {
            #expect(try Apportionment(method: method).allocate(1, among: claims) == [0, 1], "\(method)")
            var winners = Set<[Int]>()
            for seed in UInt64(0)..<20 {
                let drawn = try Apportionment(method: method, seed: seed).allocate(1, among: claims)
                #expect(try Apportionment(method: method, seed: seed).allocate(1, among: claims.reversed()) == drawn.reversed())
                winners.insert(drawn)
            }
            #expect(winners == [[0, 1], [1, 0]], "\(method): over 20 seeds each school wins some draws")
        }
        // A larger weight wins a tie of priority before the lottery: Huntington–Hill's first places.
        let uneven = [ApportionmentClaim(id: "A", weight: 10), ApportionmentClaim(id: "B", weight: 90)]
        #expect(try Apportionment(method: .huntingtonHill, seed: 7).allocate(1, among: uneven) == [0, 1])
    }

    @Test("what cannot be apportioned is refused in words")
    func refusals() {
        let bad: [(Int, [ApportionmentClaim])] = [
            (10, [ApportionmentClaim(id: "A", weight: -1)]),
            (10, [ApportionmentClaim(id: "A", weight: .nan)]),
            (10, [ApportionmentClaim(id: "A", weight: 1), ApportionmentClaim(id: "A", weight: 2)]),
            (3, [ApportionmentClaim(id: "A", weight: 1, minimum: 2), ApportionmentClaim(id: "B", weight: 1, minimum: 2)]),
            (5, [ApportionmentClaim(id: "A", weight: 0, minimum: 1)]),
            (-1, [ApportionmentClaim(id: "A", weight: 1)]),
            (5, [ApportionmentClaim(id: "A", weight: 1, minimum: -1)]),
        ]
        for (places, claims) in bad {
            for method in ApportionmentMethod.allCases {
                do {
                    _ = try Apportionment(method: method).allocate(places, among: claims)
                    Issue.record("\(method) apportioned \(places) among \(claims)")
                } catch {
                    #expect(!error.message(in: .chinese).isEmpty && !error.message(in: .english).isEmpty)
                }
            }
        }
        // Nothing to share and nothing asked: fine.
        #expect(try! Apportionment(method: .dHondt).allocate(0, among: []) == [])
    }
}
