// Benchmark driver (issue 16): the zone planner (学区划分) at scale, against OR-Tools and HiGHS.
// See bench/zones.sh and BENCHMARKS.md.
//
//   zones-flow OUT_DIR [--blocks N] [--schools M] [--county-blocks N] [--county-schools M]
//                      [--seed S] [--samples R] [--runs R] [--nearest K] [--part city|county|both]
//
// 1. City (--blocks 100000, --schools 1000): the split relaxation (ZoneRelaxation, Planning's
//    ZoneTransportation) on the k-nearest candidate network built as ZonePlanner builds it when it
//    restricts (k = 24 nearest by km, ties by school, plus today's school), then the reduced-cost
//    check ZonePlanner runs (every left-out pair priced with the relaxation's potentials, a pair
//    of negative reduced cost added and the relaxation solved again, until none is left). Costs
//    are integer metres, round(km · 1000), the km being DistanceModel's (haversine × 1.3), so
//    Swift and OR-Tools solve the same integer network and their objectives must agree exactly.
//    Writes city-arcs.bin (int64 little-endian: tail, head, capacity, cost per arc) and city.json.
// 2. County (--county-blocks 5000, --county-schools 60): ZonePlanner.plan end to end (public
//    API, release), no contiguity and no distance limit, every block–school pair given in the
//    distances list as integer metres (so the planner's "km" are the peers' integer costs).
//    Writes county.json (the instance, Swift's assignment, objective, bound and times) for
//    bench/zones_peers.py (CP-SAT and HiGHS on the same generalised assignment).
@testable import Planning
import Domain
import Foundation

struct Options {
    var output = ""
    var blocks = 100_000
    var schools = 1_000
    var countyBlocks = 5_000
    var countySchools = 60
    var seed: UInt64 = 1
    var samples = 3
    var runs = 3
    var nearest = 24
    var part = "both"

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--blocks": blocks = Int(rest.popFirst() ?? "") ?? blocks
            case "--schools": schools = Int(rest.popFirst() ?? "") ?? schools
            case "--county-blocks": countyBlocks = Int(rest.popFirst() ?? "") ?? countyBlocks
            case "--county-schools": countySchools = Int(rest.popFirst() ?? "") ?? countySchools
            case "--seed": seed = UInt64(rest.popFirst() ?? "") ?? seed
            case "--samples": samples = Int(rest.popFirst() ?? "") ?? samples
            case "--runs": runs = Int(rest.popFirst() ?? "") ?? runs
            case "--nearest": nearest = Int(rest.popFirst() ?? "") ?? nearest
            case "--part": part = rest.popFirst() ?? part
            default: output = argument
            }
        }
        if output.isEmpty {
            FileHandle.standardError.write(Data("usage: zones-flow OUT_DIR [--blocks N] [--schools M] [--county-blocks N] [--county-schools M] [--seed S] [--samples R] [--runs R] [--nearest K] [--part city|county|both]\n".utf8))
            exit(2)
        }
    }
}

/// SplitMix64: a small seeded generator, so every run builds the same city.
struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }
    mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * uniform() }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        let u = max(uniform(), 1e-300), v = uniform()
        return (-2 * Foundation.log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

func log(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

let options = Options(CommandLine.arguments)
let clock = ContinuousClock()
try FileManager.default.createDirectory(atPath: options.output, withIntermediateDirectories: true)
let centre = Coordinate(longitude: 112.98, latitude: 28.20)
let kmPerDegree = DistanceModel.earthRadius * Double.pi / 180

/// A point `dx`, `dy` km east and north of `origin`.
func offset(_ origin: Coordinate, _ dx: Double, _ dy: Double) -> Coordinate {
    Coordinate(longitude: origin.longitude + dx / (kmPerDegree * cos(origin.latitude * Double.pi / 180)),
               latitude: origin.latitude + dy / kmPerDegree)
}

/// Blocks clustered like a city: `clusters` centres (dense near the middle, radius `radius` km),
/// each block near a centre chosen by weight (Gaussian spread 0.5–3 km); children 0–300, skewed
/// towards small blocks (300·u²). Schools stand at blocks' places (so they follow the people) with
/// places 1.1 × (or `slack` ×) the children in all, spread unevenly (weights 0.4–1.6) so that
/// capacities bind where blocks are dense.
func makeArea(county: String, blocks n: Int, schools m: Int, clusters: Int, radius: Double, slack: Double,
              rng: inout Random) -> (blocks: [ResidentialBlock], schools: [SchoolYear]) {
    var centres: [(Coordinate, Double, Double)] = []
    var weights: [Double] = []
    for _ in 0..<clusters {
        let r = radius * rng.uniform().squareRoot() * rng.uniform(0.2, 1)
        let angle = rng.uniform(0, 2 * Double.pi)
        centres.append((offset(centre, r * cos(angle), r * sin(angle)), rng.uniform(0.5, 3), 0))
        weights.append(rng.uniform(0.2, 1) / (1 + r / radius * 3))
    }
    let total = weights.reduce(0, +)
    var cumulative: [Double] = []
    var running = 0.0
    for w in weights { running += w / total; cumulative.append(running) }
    var locations: [Coordinate] = []
    var children: [Int] = []
    for _ in 0..<n {
        let u = rng.uniform()
        let c = min(cumulative.firstIndex { $0 >= u } ?? clusters - 1, clusters - 1)
        let (origin, spread, _) = centres[c]
        locations.append(offset(origin, rng.normal() * spread, rng.normal() * spread))
        let x = rng.uniform()
        children.append(Int((300 * x * x).rounded()))
    }
    let sites = (0..<m).map { _ in
        let b = rng.int(n)
        return offset(locations[b], rng.normal() * 0.3, rng.normal() * 0.3)
    }
    let allChildren = children.reduce(0, +)
    let schoolWeights = (0..<m).map { _ in rng.uniform(0.4, 1.6) }
    let weightTotal = schoolWeights.reduce(0, +)
    let schools = (0..<m).map { j in
        SchoolYear(year: 2025, countyCode: county, schoolCode: String(format: "S%05d", j), schoolName: "学校\(j)",
                   type: .primary, locality: .urban, coordinate: sites[j],
                   primary: StageRecord(capacity: Int((Double(allChildren) * slack * schoolWeights[j] / weightTotal).rounded(.up))))
    }
    // Today's school: the nearest for most blocks, one of the 60 nearest for one in twenty, so that
    // some blocks keep a candidate beyond the k nearest, as ZonePlanner keeps today's school.
    var blocks: [ResidentialBlock] = []
    blocks.reserveCapacity(n)
    for i in 0..<n {
        let far = rng.int(20) == 0
        let pick = far ? rng.int(60) : 0
        var order: [(Double, Int)] = []
        order.reserveCapacity(m)
        for j in 0..<m { order.append((DistanceModel.greatCircle(locations[i], sites[j]), j)) }
        let current: Int
        if pick == 0 {
            current = order.min { $0 < $1 }!.1
        } else {
            order.sort { $0 < $1 }
            current = order[min(pick, m - 1)].1
        }
        blocks.append(ResidentialBlock(id: "B\(i)", name: "片区\(i)", countyCode: county, location: locations[i],
                                       children: [.primary: children[i]], currentSchool: [.primary: String(format: "S%05d", current)]))
    }
    return (blocks, schools)
}

/// Integer metres, the unit both sides of every comparison use.
func metres(_ km: Double) -> Int { Int((km * 1000).rounded()) }

// MARK: 1. The city: the relaxation against SimpleMinCostFlow

struct CityRecord: Codable {
    var blocks: Int
    var blocksWithChildren: Int
    var schools: Int
    var children: Int
    var places: Int
    var nearest: Int
    var nodes: Int
    /// Arcs of the final network, source and sink arcs included.
    var arcs: Int
    var blockSchoolArcs: Int
    /// Blocks whose today's school was beyond the k nearest (an extra arc, as ZonePlanner keeps it).
    var todayBeyondNearest: Int
    var candidateSeconds: Double
    /// Rounds of the reduced-cost check, pairs it added, pairs it priced, and whether it proved the restriction.
    var checkRounds: Int
    var checkAdded: Int
    var checkPriced: Int
    var checkBlocksSkipped: Int
    var checkSeconds: Double
    var verified: Bool
    var placed: Int
    /// Σ children × metres (exact integer).
    var objective: Int
    var relaxationSeconds: [Double]
    var relaxationMedian: Double
    /// Building the exported MinCostFlow alone (not part of the relaxation's time).
    var buildSeconds: Double
    /// Every relaxation solve of the check (the last one is the first timed sample).
    var checkSolveSeconds: [Double]
    /// Schools whose places all flow (the capacity binds).
    var fullSchools: Int
    /// Blocks split between schools in the relaxation.
    var splitBlocks: Int
}

func runCity() throws {
    var rng = Random(state: options.seed)
    log("city: \(options.blocks) blocks, \(options.schools) schools")
    let start = clock.now
    let (blocks, schoolRows) = makeArea(county: "430100", blocks: options.blocks, schools: options.schools,
                                        clusters: 60, radius: 25, slack: 1.1, rng: &rng)
    let rules = ZoningRules.defaults
    let zoned = ZonedSchool.zoned(schoolRows, stage: .primary, rules: rules)
    let index = Dictionary(uniqueKeysWithValues: zoned.enumerated().map { ($1.code, $0) })
    let model = DistanceModel(distances: [], rules: rules)
    log("  made in \(seconds(clock.now - start)) s")

    // Candidates exactly as ZonePlanner restricts them (its ZoneCandidates): the k nearest by km
    // (ties by school), then today's school when beyond them. Costs in integer metres.
    let candidateStart = clock.now
    let k = options.nearest
    let search = ZoneCandidates(schools: zoned, model: model, limit: .infinity)
    var candidates: [[(school: Int, km: Double)]] = []
    candidates.reserveCapacity(blocks.count)
    var beyond = 0
    let current = blocks.map { index[$0.currentSchool[.primary] ?? ""] ?? -1 }
    for (i, block) in blocks.enumerated() {
        let chosen = search.nearest(k, of: block, keeping: current[i]).kept
        beyond += max(0, chosen.count - k)
        candidates.append(chosen.map { ($0.school, Double(metres($0.km))) })
    }
    let demand = blocks.map { $0.children(.primary) }
    var network = ZoneNetwork(demand: demand, capacity: zoned.map(\.capacity), current: current, moveWeight: 0, candidates: candidates)
    let candidateSeconds = seconds(clock.now - candidateStart)
    log("  candidates in \(candidateSeconds) s: \(network.arcCount) block–school arcs")

    // The relaxation and ZonePlanner's reduced-cost check (its priceLeftOut, on integer metres).
    // Each solve of the check is timed; the last one is on the final network and counts as the
    // first timed sample.
    let checkStart = clock.now
    var solveTimes: [Double] = []
    var relaxation: ZoneRelaxation?
    solveTimes.append(seconds(clock.measure { relaxation = ZoneRelaxation(network) }))
    let children = demand.reduce(0, +), places = zoned.reduce(0) { $0 + $1.capacity }
    guard relaxation!.placed == min(children, places) else {
        log("FAIL: the restricted relaxation placed \(relaxation!.placed) of \(min(children, places)); ZonePlanner would solve the full network")
        exit(1)
    }
    var rounds = 0, added = 0, priced = 0, skipped = 0
    var verified = false
    for _ in 0..<20 {
        rounds += 1
        let solved = relaxation!
        let highest = solved.potentials.school.max() ?? 0
        let tolerance = 1e-9 * max(1, network.km.max() ?? 1)
        var violating: [(block: Int, school: Int, km: Double)] = []
        for (i, block) in blocks.enumerated() where network.demand[i] > 0 {
            let arcs = network.arcs(of: i)
            let kms = arcs.map { network.km[$0] }.sorted()
            let kth = kms.isEmpty ? 0 : kms[min(k, kms.count) - 1]
            if kth + solved.potentials.block[i] - highest >= -tolerance { skipped += 1; continue }
            let kept = Set(arcs.map { network.school[$0] })
            // ZonePlanner's bound: a pair is priced only if its km could be below
            // π(school) − π(block) (here in metres, so ÷ 1000; a metre of rounding to spare).
            let bound = { (j: Int) in (solved.potentials.school[j] - solved.potentials.block[i] + 1) / 1000 }
            for (j, km) in search.pairs(of: block, excluding: kept, below: bound) {
                let unit = Double(metres(km))
                priced += 1
                if solved.reducedCost(block: i, school: j, unitCost: unit) < -tolerance { violating.append((i, j, unit)) }
            }
        }
        if violating.isEmpty { verified = true; break }
        added += violating.count
        log("  check round \(rounds): \(violating.count) pairs of negative reduced cost added")
        network = network.adding(violating)
        solveTimes.append(seconds(clock.measure { relaxation = ZoneRelaxation(network) }))
        log("  relaxation solved again in \(solveTimes.last!) s")
    }
    let checkSeconds = seconds(clock.now - checkStart)
    log("  check: \(rounds) round(s), \(added) added, \(priced) pairs priced, \(skipped) block prices skipped, verified \(verified), \(checkSeconds) s (solves \(solveTimes))")
    guard verified else { log("FAIL: the reduced-cost check did not close in 20 rounds"); exit(1) }

    // Timed: the relaxation on the final network, `samples` times in all.
    var times = [solveTimes.last!]
    var objective = 0
    func exactCost(_ r: ZoneRelaxation) -> Int {
        var exact = 0
        for i in 0..<network.blockCount { for a in network.arcs(of: i) { exact += r.flow[a] * Int(network.km[a]) } }
        return exact
    }
    objective = exactCost(relaxation!)
    if relaxation!.cost != Double(objective) { log("FAIL: ZoneRelaxation.cost \(relaxation!.cost) ≠ Σ flow × metres \(objective)"); exit(1) }
    for s in 1..<max(1, options.samples) {
        var solved: ZoneRelaxation?
        let t = clock.measure { solved = ZoneRelaxation(network) }
        if exactCost(solved!) != objective || solved!.cost != Double(objective) {
            log("FAIL: the relaxation's objective changed between runs (\(objective) vs \(exactCost(solved!)))"); exit(1)
        }
        times.append(seconds(t))
        log("  relaxation sample \(s + 1): \(seconds(t)) s")
    }
    let final = relaxation!
    var load = Array(repeating: 0, count: network.schoolCount)
    var split = 0
    for i in 0..<network.blockCount {
        var used = 0
        for a in network.arcs(of: i) where final.flow[a] > 0 { load[network.school[a]] += final.flow[a]; used += 1 }
        if used > 1 { split += 1 }
    }
    let full = (0..<network.schoolCount).count { load[$0] == network.capacity[$0] }

    // The network as a MinCostFlow (source → block → school → sink), exported for OR-Tools. Its
    // build is timed for the record only: ZoneRelaxation builds no MinCostFlow (its
    // ZoneTransportation's set-up is inside the relaxation's time).
    var tails: [Int64] = [], heads: [Int64] = [], caps: [Int64] = [], costs: [Int64] = []
    let n = network.blockCount, m = network.schoolCount
    var graph = MinCostFlow(nodes: 0)
    let built = clock.measure { graph = ZoneRelaxation.flowNetwork(network).graph }
    for arc in graph.arcs {
        guard arc.cost == arc.cost.rounded() else { log("FAIL: a cost is not an integer"); exit(1) }
        tails.append(Int64(arc.from)); heads.append(Int64(arc.to)); caps.append(Int64(arc.capacity)); costs.append(Int64(arc.cost))
    }
    var bytes = Data(capacity: tails.count * 32)
    for column in [tails, heads, caps, costs] { column.withUnsafeBufferPointer { bytes.append(Data(buffer: $0)) } }
    try bytes.write(to: URL(fileURLWithPath: options.output + "/city-arcs.bin"))

    let record = CityRecord(
        blocks: n, blocksWithChildren: demand.count { $0 > 0 }, schools: m, children: children, places: places, nearest: k,
        nodes: n + m + 2, arcs: tails.count, blockSchoolArcs: network.arcCount, todayBeyondNearest: beyond,
        candidateSeconds: candidateSeconds, checkRounds: rounds, checkAdded: added, checkPriced: priced, checkBlocksSkipped: skipped,
        checkSeconds: checkSeconds, verified: verified, placed: final.placed, objective: objective, relaxationSeconds: times,
        relaxationMedian: median(times), buildSeconds: seconds(built), checkSolveSeconds: solveTimes,
        fullSchools: full, splitBlocks: split)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(record).write(to: URL(fileURLWithPath: options.output + "/city.json"))
    print("city: \(n) blocks (\(record.blocksWithChildren) with children), \(m) schools, \(children) children, \(places) places; "
          + "\(network.arcCount) block–school arcs (k = \(k), \(beyond) today's school beyond); check: \(rounds) round(s), \(added) pairs added, verified \(verified)")
    print("  ZoneRelaxation: objective \(objective) child·m, \(final.placed) placed, \(full) full schools, \(split) split blocks; "
          + String(format: "median %.3f s of %ld", median(times), times.count))
}

// MARK: 2. The county: the whole-block plan

struct CountyRecord: Codable {
    var blocks: Int
    var schools: Int
    var demand: [Int]
    var capacity: [Int]
    /// metres[i][j], block i to school j.
    var metres: [[Int]]
    /// Swift's school index per block (−1 unplaced).
    var assignment: [Int]
    var objective: Int
    var lowerBound: Double
    var gap: Double
    var optimality: String
    var unplaced: Int
    var planSeconds: [Double]
    var planMedian: Double
}

func runCounty() throws {
    var rng = Random(state: options.seed &+ 7)
    let (blocks, schoolRows) = makeArea(county: "430121", blocks: options.countyBlocks, schools: options.countySchools,
                                        clusters: 25, radius: 30, slack: 1.05, rng: &rng)
    var rules = ZoningRules.defaults
    rules.contiguous = false
    rules.enforceDistanceLimit = false
    rules.moveWeight = 0
    let zoned = ZonedSchool.zoned(schoolRows, stage: .primary, rules: rules)
    let model = DistanceModel(distances: [], rules: rules)
    // Every pair as integer metres, given to the planner as its "km": the same integer costs as the peers'.
    var table: [[Int]] = []
    var distances: [TravelDistance] = []
    for block in blocks {
        let row = zoned.map { metres(model.kilometres(from: block, to: $0.code, at: $0.location)!) }
        table.append(row)
        for (j, school) in zoned.enumerated() { distances.append(TravelDistance(from: block.id, to: school.code, measure: .kilometres(Double(row[j])))) }
    }
    let planner = ZonePlanner(rules: rules)
    var times: [Double] = []
    var plan: ZoningPlan?
    for r in 0..<options.runs {
        let t = clock.measure { plan = planner.plan(stage: .primary, county: "430121", blocks: blocks, schools: schoolRows, distances: distances) }
        times.append(seconds(t))
        log("  plan run \(r + 1): \(seconds(t)) s")
    }
    let result = plan!
    let column = Dictionary(uniqueKeysWithValues: zoned.enumerated().map { ($1.code, $0) })
    let assignment = result.blocks.map { $0.school.flatMap { column[$0] } ?? -1 }
    var objective = 0
    for (i, j) in assignment.enumerated() where j >= 0 { objective += result.blocks[i].children * table[i][j] }
    if Double(objective) != result.weightedObjective {
        log("FAIL: the plan's objective \(result.weightedObjective) ≠ Σ children × metres \(objective)"); exit(1)
    }
    let unplaced = result.blocks.reduce(0) { $0 + ($1.school == nil ? $1.children : 0) }
    let record = CountyRecord(
        blocks: blocks.count, schools: zoned.count, demand: blocks.map { $0.children(.primary) }, capacity: zoned.map(\.capacity),
        metres: table, assignment: assignment, objective: objective, lowerBound: result.lowerBound, gap: result.gap,
        optimality: result.optimality.rawValue, unplaced: unplaced, planSeconds: times, planMedian: median(times))
    try JSONEncoder().encode(record).write(to: URL(fileURLWithPath: options.output + "/county.json"))

    print("county: \(blocks.count) blocks, \(zoned.count) schools, \(record.demand.reduce(0, +)) children, \(record.capacity.reduce(0, +)) places; "
          + "ZonePlanner.plan objective \(objective) child·m, its bound \(Int(result.lowerBound.rounded())) "
          + String(format: "(gap %.4f %%), %ld unplaced; median %.3f s of %ld", result.gap * 100, unplaced, median(times), options.runs))
    // The planner's default, no islands (ZoneContiguity), on the same county: timed for the
    // record only (the peers model no contiguity, so there is nothing to compare it with).
    var joined = rules
    joined.contiguous = true
    var contiguous: ZoningPlan?
    let contiguousTime = seconds(clock.measure {
        contiguous = ZonePlanner(rules: joined).plan(stage: .primary, county: "430121", blocks: blocks, schools: schoolRows, distances: distances)
    })
    print("  with contiguity (the default): " + String(format: "%.3f s, objective %.0f child·m, gap %.4f %% to the same bound, %ld island(s), %ld unplaced",
          contiguousTime, contiguous!.weightedObjective, contiguous!.gap * 100, contiguous!.islands.count, contiguous!.planned.unplaced))
}

if options.part != "county" { try runCity() }
if options.part != "city" { try runCounty() }
