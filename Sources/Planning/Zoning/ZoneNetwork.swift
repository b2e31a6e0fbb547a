/// The numbers of one zoning problem (学区划分), as the solvers see it: blocks of children,
/// schools of places, and for each block the schools it may be zoned to with their km.
///
/// Block i has dᵢ children and school j has capⱼ places. Zoning block i to school j costs, per
/// child, kmᵢⱼ plus the move weight when j is not the school the block is zoned to today; the
/// plan minimises Σ dᵢ · cost(i, zone(i)) over plans that place as many children as possible
/// (a child is never left out to save distance: the objective is lexicographic — children
/// unplaced first, then cost).
///
/// Candidates are stored per block in compressed rows, cheapest first, so "the cheapest school
/// with room" is the first one that fits.
struct ZoneNetwork: Sendable {
    /// Children per block (dᵢ).
    let demand: [Int]
    /// Places per school (capⱼ).
    let capacity: [Int]
    /// The school each block is zoned to today, or −1.
    let current: [Int]
    /// km charged per child zoned away from its current school.
    let moveWeight: Double
    /// Block i's candidates are arcs `start[i] ..< start[i + 1]`.
    private(set) var start: [Int]
    /// The school of each arc.
    private(set) var school: [Int]
    /// The km of each arc.
    private(set) var km: [Double]
    /// arc(of: i, to: j) at i × schools + j (−1: none), when blocks × schools is at most
    /// ``denseLookupLimit``: the local search asks it for every swap it weighs.
    private var lookup: [Int32] = []

    /// The most block–school pairs given a dense lookup table (16 MB).
    static let denseLookupLimit = 4_000_000

    var blockCount: Int { demand.count }
    var schoolCount: Int { capacity.count }
    var arcCount: Int { school.count }

    /// A network whose block i may go to the schools of `candidates[i]` (school, km).
    init(demand: [Int], capacity: [Int], current: [Int], moveWeight: Double, candidates: [[(school: Int, km: Double)]]) {
        precondition(demand.count == candidates.count && current.count == demand.count)
        self.demand = demand
        self.capacity = capacity
        self.current = current
        self.moveWeight = moveWeight
        start = [0]
        start.reserveCapacity(demand.count + 1)
        school = []
        km = []
        for (i, list) in candidates.enumerated() {
            let cur = current[i]
            let sorted = list.sorted {
                let a = $0.km + ($0.school == cur ? 0 : moveWeight), b = $1.km + ($1.school == cur ? 0 : moveWeight)
                return a != b ? a < b : $0.school < $1.school
            }
            for c in sorted {
                school.append(c.school)
                km.append(c.km)
            }
            start.append(school.count)
        }
        let m = capacity.count
        if demand.count * m <= Self.denseLookupLimit {
            lookup = Array(repeating: -1, count: demand.count * m)
            for i in demand.indices {
                for a in start[i]..<start[i + 1] { lookup[i * m + school[a]] = Int32(a) }
            }
        }
    }

    /// The arcs of block i.
    func arcs(of i: Int) -> Range<Int> { start[i]..<start[i + 1] }

    /// The cost per child of arc a of block i.
    func unitCost(_ a: Int, of i: Int) -> Double {
        km[a] + (school[a] == current[i] ? 0 : moveWeight)
    }

    /// The arc of block i to school j, if it has one.
    func arc(of i: Int, to j: Int) -> Int? {
        if !lookup.isEmpty {
            let a = lookup[i * schoolCount + j]
            return a < 0 ? nil : Int(a)
        }
        return arcs(of: i).first { school[$0] == j }
    }

    /// The same network with extra candidates (block, school, km) added where missing.
    func adding(_ extra: [(block: Int, school: Int, km: Double)]) -> ZoneNetwork {
        var candidates: [[(school: Int, km: Double)]] = (0..<blockCount).map { i in arcs(of: i).map { (school[$0], km[$0]) } }
        var added = Set<[Int]>()
        for e in extra where arc(of: e.block, to: e.school) == nil && added.insert([e.block, e.school]).inserted {
            candidates[e.block].append((e.school, e.km))
        }
        return ZoneNetwork(demand: demand, capacity: capacity, current: current, moveWeight: moveWeight, candidates: candidates)
    }
}
