import Demo
import Domain
import Testing
@testable import Planning

/// The strong–weak pairing proposal: its invariants on demo counties, and its optimality
/// against brute force on small cases (every assignment of weak schools to strong ones in reach
/// within the strong schools' places).
@Suite("Strong–weak pairing")
struct StrongWeakPairingTests {
    static let standard = try! Standard.builtIn("quality-2017")
    static let data = DemoGenerator(seed: 11, counties: 4, year: 2025).schools()

    static func counties() -> [(CountyResult, [SchoolYear])] {
        let evaluator = Evaluator(standard: standard)
        return Dictionary(grouping: data, by: \.countyCode).sorted { $0.key < $1.key }.map { (evaluator.evaluateCounty($0.value, facts: nil), $0.value) }
    }

    @Test(arguments: [(5.0, 1), (15.0, 2), (60.0, 3)])
    func everyPairIsAllowed(kilometres: Double, perStrong: Int) {
        for (result, schools) in Self.counties() {
            let (pairs, unpaired) = StrongWeakPairing.propose(result, schools: schools, maxKilometres: kilometres, perStrong: perStrong)
            let units = Dictionary(result.units.map { ("\($0.unit.stage.rawValue)/\($0.unit.schoolCode)", $0) }) { a, _ in a }
            for pair in pairs {
                let weak = units["\(pair.stage.rawValue)/\(pair.weak)"], strong = units["\(pair.stage.rawValue)/\(pair.strong)"]
                #expect(weak?.passes == false && strong?.passes == true && strong?.unmet.isEmpty == true)
                #expect(pair.kilometres <= kilometres && pair.covered == weak?.unmet)
            }
            let weakCount = result.units.count { $0.passes == false }
            #expect(pairs.count + unpaired.count == weakCount)
            #expect(Set(pairs.map { "\($0.stage)/\($0.weak)" }).count == pairs.count)
            for (strong, count) in Dictionary(grouping: pairs, by: { "\($0.stage)/\($0.strong)" }).mapValues(\.count) {
                #expect(count <= perStrong, "\(strong)")
            }
        }
    }

    @Test func theProposalIsOptimalOnSmallCases() throws {
        var checked = 0
        for (result, schools) in Self.counties() {
            for stage in Stage.allCases {
                // A small case: at most 5 weak and 4 strong schools of the stage.
                let weak = Array(result.units.filter { $0.unit.stage == stage && $0.passes == false }.prefix(5))
                let strong = Array(result.units.filter { $0.unit.stage == stage && $0.passes == true && $0.unmet.isEmpty && !$0.met.contains(nil) }.prefix(4))
                guard !weak.isEmpty, !strong.isEmpty else { continue }
                var small = result
                small.units = weak + strong
                let places = Dictionary(schools.compactMap { row in row.coordinate.map { (row.schoolCode, $0) } }) { a, _ in a }
                for (kilometres, perStrong) in [(10.0, 1), (25.0, 2)] {
                    let proposal = StrongWeakPairing.propose(small, schools: schools, maxKilometres: kilometres, perStrong: perStrong).pairs
                    let scale = kilometres + 1
                    func value(_ pairs: [(weak: Int, strong: Int, km: Double)]) -> Double {
                        pairs.reduce(0) { $0 + scale * Double(weak[$1.weak].unmet.count) - $1.km }
                    }
                    // Brute force: each weak school to none or a strong school in reach, within places.
                    var best = 0.0
                    func search(_ i: Int, _ load: [Int], _ chosen: [(weak: Int, strong: Int, km: Double)]) {
                        guard i < weak.count else { best = max(best, value(chosen)); return }
                        search(i + 1, load, chosen)
                        guard let from = places[weak[i].unit.schoolCode] else { return }
                        for j in strong.indices where load[j] < perStrong {
                            guard let to = places[strong[j].unit.schoolCode] else { continue }
                            let km = DistanceModel.greatCircle(from, to)
                            guard km <= kilometres else { continue }
                            var next = load
                            next[j] += 1
                            search(i + 1, next, chosen + [(i, j, km)])
                        }
                    }
                    search(0, Array(repeating: 0, count: strong.count), [])
                    let index = Dictionary(weak.enumerated().map { ($0.element.unit.schoolCode, $0.offset) }) { a, _ in a }
                    let found = proposal.map { (weak: index[$0.weak]!, strong: 0, km: $0.kilometres) }
                    #expect(abs(value(found) - best) < 1e-6, "\(stage) \(kilometres) km, \(perStrong) per strong")
                    checked += 1
                }
            }
        }
        #expect(checked >= 4)
    }
}
