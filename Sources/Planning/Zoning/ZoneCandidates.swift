import Domain
import Foundation

/// Each block's reachable schools and their km (候选学校), as ``DistanceModel`` gives them, found
/// fast enough for a city: 100,000 blocks × 1,000 schools is 100 million pairs.
///
/// The file's pairs are looked up once per block (not once per pair). For the others, the
/// nearest schools are ranked by the dot product of unit vectors on the sphere — cos θ of the
/// central angle, which orders pairs exactly as the haversine distance does — and only the ones
/// kept get the haversine formula. The `k` nearest are the k least (km, school) among the
/// `k + 8` best by dot product and the listed pairs: rounding could swap pairs whose distances
/// agree to about 10⁻¹⁶, not push one eight places. (A restriction that missed one would
/// still be exact: ``ZonePlanner`` checks every left-out pair by its reduced cost.)
struct ZoneCandidates {
    let schools: [ZonedSchool]
    let model: DistanceModel
    /// The stage's distance limit when it is enforced (∞ otherwise).
    let limit: Double
    /// Each located school's unit vector.
    private let vectors: [SIMD3<Double>?]

    init(schools: [ZonedSchool], model: DistanceModel, limit: Double) {
        self.schools = schools
        self.model = model
        self.limit = limit
        vectors = schools.map { $0.location.map(Self.vector) }
    }

    /// A point of the unit sphere: (cos φ cos λ, cos φ sin λ, sin φ).
    static func vector(_ c: Coordinate) -> SIMD3<Double> {
        let φ = c.latitude * Double.pi / 180, λ = c.longitude * Double.pi / 180
        return SIMD3(cos(φ) * cos(λ), cos(φ) * sin(λ), sin(φ))
    }

    /// The km from `block` to school j (nil when unreachable or beyond the limit), given the
    /// block's listed pairs.
    private func kilometres(_ block: ResidentialBlock, listed: [String: Double], to j: Int) -> Double? {
        let km: Double
        if let given = listed.isEmpty ? nil : listed[schools[j].code] {
            km = given
        } else if let a = block.location, let b = schools[j].location {
            km = model.unlisted(a, b)
        } else {
            return nil
        }
        return km <= limit ? km : nil
    }

    /// Nearer by km, ties by school: the order of "the k nearest".
    static func nearer(_ a: (school: Int, km: Double), _ b: (school: Int, km: Double)) -> Bool {
        a.km != b.km ? a.km < b.km : a.school < b.school
    }

    /// Every reachable school of `block` with its km, in school order.
    func all(of block: ResidentialBlock) -> [(school: Int, km: Double)] {
        let listed = model.listed(for: block)
        return schools.indices.compactMap { j in kilometres(block, listed: listed, to: j).map { (j, $0) } }
    }

    /// The `k` nearest reachable schools by km (ties by school), then the listed pairs and
    /// school `keep` when they are beyond those (every reachable one when there are at most k);
    /// and the nearest.
    func nearest(_ k: Int, of block: ResidentialBlock, keeping keep: Int) -> (kept: [(school: Int, km: Double)], nearest: (school: Int, km: Double)?) {
        let listed = model.listed(for: block)
        var chosen = Set<Int>()
        if let location = block.location {
            let p = Self.vector(location)
            // The k + 8 largest cos θ, in a heap whose root is the least of them.
            let size = k + 8
            var heap: [(dot: Double, school: Int)] = []
            heap.reserveCapacity(size)
            func below(_ a: (dot: Double, school: Int), _ b: (dot: Double, school: Int)) -> Bool {
                a.dot != b.dot ? a.dot < b.dot : a.school > b.school
            }
            for (j, vector) in vectors.enumerated() {
                guard let q = vector else { continue }
                let entry = (dot: (p * q).sum(), school: j)
                if heap.count < size {
                    heap.append(entry)
                    var c = heap.count - 1
                    while c > 0, below(heap[c], heap[(c - 1) / 2]) { heap.swapAt(c, (c - 1) / 2); c = (c - 1) / 2 }
                } else if below(heap[0], entry) {
                    heap[0] = entry
                    var c = 0
                    while true {
                        let l = 2 * c + 1, r = l + 1
                        var least = c
                        if l < size, below(heap[l], heap[least]) { least = l }
                        if r < size, below(heap[r], heap[least]) { least = r }
                        if least == c { break }
                        heap.swapAt(c, least)
                        c = least
                    }
                }
            }
            chosen.formUnion(heap.map(\.school))
        }
        for j in schools.indices where listed[schools[j].code] != nil || j == keep { chosen.insert(j) }
        let ranked = chosen.compactMap { j in kilometres(block, listed: listed, to: j).map { (school: j, km: $0) } }
            .sorted(by: Self.nearer)
        var kept = Array(ranked.prefix(k))
        for pair in ranked.dropFirst(k) where pair.school == keep || listed[schools[pair.school].code] != nil { kept.append(pair) }
        return (kept, ranked.first)
    }

    /// The reachable schools of `block` outside `excluded` whose km could be below `bound(j)`,
    /// with their km: the pairs the reduced-cost check must price. A school whose km by the dot
    /// product clears its bound by a metre is passed over without the haversine.
    func pairs(of block: ResidentialBlock, excluding excluded: Set<Int>, below bound: (Int) -> Double) -> [(school: Int, km: Double)] {
        let listed = model.listed(for: block)
        let p = block.location.map(Self.vector)
        var found: [(school: Int, km: Double)] = []
        for j in schools.indices where !excluded.contains(j) {
            if listed.isEmpty || listed[schools[j].code] == nil, let p, let q = vectors[j] {
                // The chord c = |p − q| gives θ = 2 asin(c / 2); c² = 2 − 2 cos θ loses about 10⁻⁸
                // of the radius (6 cm), well inside the metre of margin.
                let chord = max(0, 2 - 2 * (p * q).sum()).squareRoot()
                let estimate = 2 * DistanceModel.earthRadius * asin(min(1, chord / 2)) * model.detourFactor
                if estimate - 0.001 >= bound(j) { continue }
            }
            if let km = kilometres(block, listed: listed, to: j) { found.append((j, km)) }
        }
        return found
    }
}
