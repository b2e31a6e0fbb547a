// Benchmark driver (issue 6): the rotation planner's exact steps are min-cost flows; this times
// the planner on a city of ~50,000 teachers and 600 schools, and every flow it solves, in Swift,
// and writes the flows for bench/rotation_ortools.py to solve the same integer networks with
// OR-Tools. See bench/rotation_flow.sh and BENCHMARKS.md.
//
//   rotation-flow OUT_DIR [--teachers N] [--schools K] [--seed S] [--runs R] [--samples M] [--scale F]
//
// The city: demo counties (DemoGenerator, this seed) in order, as few as it takes for their K
// schools with the most teachers (teaching points, which count for their parents' units, and
// special schools, outside every unit, left out) to hold at least N teachers; those K schools
// under the first county's code and name, each moved by its county centre's offset to the first
// county's centre so that they lie in one city instead of across provinces.
//
// Each flow is exported as the planner built it, with costs rounded to integers
// (round(cost · F)) and unbounded capacities capped at the source's total capacity, and solved
// again in Swift on exactly that integer network (a new MinCostFlow), so that both solvers'
// objectives are integers and must agree exactly. The planner's own Double objective is
// recorded next to it (they differ by the rounding only).
import Demo
import Domain
import Foundation
import Interchange
import Planning
import Synchronization

struct Options {
    var output = ""
    var teachers = 50_000
    var schools = 600
    var seed: UInt64 = 1
    var runs = 3
    var samples = 5
    var scale = 1e12

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--teachers": teachers = Int(rest.popFirst() ?? "") ?? teachers
            case "--schools": schools = Int(rest.popFirst() ?? "") ?? schools
            case "--seed": seed = UInt64(rest.popFirst() ?? "") ?? seed
            case "--runs": runs = Int(rest.popFirst() ?? "") ?? runs
            case "--samples": samples = Int(rest.popFirst() ?? "") ?? samples
            case "--scale": scale = Double(rest.popFirst() ?? "") ?? scale
            default: output = argument
            }
        }
        if output.isEmpty {
            FileHandle.standardError.write(Data("usage: rotation-flow OUT_DIR [--teachers N] [--schools K] [--seed S] [--runs R] [--samples M] [--scale F]\n".utf8))
            exit(2)
        }
    }
}

/// Swift's solve of one exported integer network.
struct SwiftSolve: Codable {
    var flow: Int
    /// Σ flow·cost over the arcs, in integers (exact).
    var objective: Int
    /// The solver's own Double sum of the same (equal to `objective` while the sums stay exact).
    var solverCost: Double
    /// Median seconds to build the MinCostFlow from the arcs, to solve it, and both.
    var buildSeconds: Double
    var solveSeconds: Double
    var totalSeconds: Double
    var samples: Int
    /// Median seconds to solve the planner's own network (Double costs, capacities as built).
    var plannerNetworkSolveSeconds: Double
    var plannerNetworkFlow: Int
}

struct NetworkRecord: Codable {
    var index: Int
    var file: String
    var step: String
    var stage: String
    var nodes: Int
    var arcs: Int
    /// The most flow; `nil` for no limit.
    var amount: Int?
    /// Only paths of negative cost (any flow up to `amount`); else exactly `amount` (or the max flow).
    var onlyGains: Bool
    /// Total capacity out of the source: the cap on unbounded arcs and the supply when `amount` is nil.
    var sourceCapacity: Int
    /// Largest |integer cost| over the arcs.
    var maxCost: Int
    /// Arcs whose cost rounded to 0 although it was not 0 (e.g. the 1e-14 tie-break preference).
    var costsRoundedToZero: Int
    /// The planner's least cost (Double) and the integer objective / scale.
    var plannerCost: Double
    var roundedCost: Double
    var swift: SwiftSolve
}

struct PlanTiming: Codable {
    var runs: Int
    var medianSeconds: Double
    var minSeconds: Double
    var moves: Int
    var teacherMovers: Int
    var requiredMovers: Int
    var meetsQuota: Bool
}

struct Output: Codable {
    var seed: UInt64
    var year: Int
    var counties: [String]
    var schools: Int
    var teachers: Int
    var eligibleTeachers: Int
    var scale: Double
    var plan: PlanTiming
    var networks: [NetworkRecord]
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

// MARK: The city

/// The first `n` demo counties, as few as it takes; their K largest schools and those schools' teachers.
func city() -> (schools: [SchoolYear], teachers: [Teacher], counties: [String], year: Int) {
    var batch = 32
    while true {
        let generator = DemoGenerator(seed: options.seed, counties: batch)
        let data = generator.generate()
        let teachers = generator.teachers(of: data)
        var perSchool: [String: Int] = [:]
        for teacher in teachers { perSchool[teacher.schoolCode, default: 0] += 1 }
        let byCounty = Dictionary(grouping: data.schools.filter { $0.type != .teachingPoint && $0.type != .special }, by: \.countyCode)
        var pool: [SchoolYear] = []
        for (n, county) in data.counties.enumerated() {
            pool += byCounty[county.code] ?? []
            // Most teachers first; ties by code so the choice never depends on order.
            let largest = pool.sorted { (perSchool[$0.schoolCode] ?? 0, $1.schoolCode) > (perSchool[$1.schoolCode] ?? 0, $0.schoolCode) }
                .prefix(options.schools)
            guard largest.count == options.schools, largest.reduce(0, { $0 + (perSchool[$1.schoolCode] ?? 0) }) >= options.teachers else { continue }
            let counties = Array(data.counties.prefix(n + 1))
            let centre = counties[0].centre
            let offset = Dictionary(uniqueKeysWithValues: counties.map { ($0.code, ($0.centre.longitude - centre.longitude, $0.centre.latitude - centre.latitude)) })
            let chosen = Set(largest.map(\.schoolCode))
            let schools = pool.filter { chosen.contains($0.schoolCode) }.map { row in
                var row = row
                if let (dLon, dLat) = offset[row.countyCode], let point = row.coordinate {
                    row.coordinate = Coordinate(longitude: point.longitude - dLon, latitude: point.latitude - dLat)
                }
                row.countyCode = counties[0].code
                row.countyName = counties[0].name
                row.parentSchoolCode = nil
                return row
            }
            return (schools, teachers.filter { chosen.contains($0.schoolCode) }, counties.map(\.code), generator.year)
        }
        batch *= 2
    }
}

let (schools, teachers, counties, year) = city()
let eligible = teachers.count { RotationRules.defaults.eligibility(of: $0, in: year).isEligible }
log("city: \(schools.count) schools, \(teachers.count) teachers (\(eligible) eligible) from \(counties.count) demo counties of seed \(options.seed), year \(year)")

// MARK: The planner, end to end

let planner = RotationPlanner()
var planTimes: [Double] = []
var lastPlan: RotationPlan?
for _ in 0..<max(1, options.runs) {
    var plan: RotationPlan?
    planTimes.append(seconds(clock.measure { plan = planner.plan(schools: schools, teachers: teachers, year: year) }))
    lastPlan = plan
}
let plan = lastPlan!
log(String(format: "plan: median %.3f s of %ld runs (min %.3f s); %ld moves, %ld teacher movers of %ld required, quota %@",
           median(planTimes), planTimes.count, planTimes.min()!, plan.moves.count, plan.teacherMovers, plan.requiredMovers, plan.meetsQuota ? "met" : "not met"))

// One more plan, told every network its exact steps solve.
let recorded = Mutex<[RotationNetwork]>([])
var recording = planner
recording.networkObserver = { network in recorded.withLock { $0.append(network) } }
_ = recording.plan(schools: schools, teachers: teachers, year: year)
let networks = recorded.withLock { $0 }
log("\(networks.count) networks recorded")

// MARK: Each network: export, then solve the integer network in Swift

/// Keeps results alive so that no solve is optimised away.
nonisolated(unsafe) var sink = 0

func build(nodes: Int, from: [Int], to: [Int], capacity: [Int], cost: [Double]) -> MinCostFlow {
    var network = MinCostFlow(nodes: nodes)
    for i in from.indices { network.addEdge(from: from[i], to: to[i], capacity: capacity[i], cost: cost[i]) }
    return network
}

var records: [NetworkRecord] = []
for (index, network) in networks.enumerated() {
    let arcs = network.flow.arcs
    let sourceCapacity = arcs.reduce(0) { $0 + ($1.from == 0 ? $1.capacity : 0) }
    let from = arcs.map(\.from), to = arcs.map(\.to)
    let capacity = arcs.map { min($0.capacity, sourceCapacity) }
    let integerCost = arcs.map { Int(($0.cost * options.scale).rounded()) }
    let cost = integerCost.map(Double.init)
    let below = network.onlyGains ? -1e-12 : nil

    let file = String(format: "network-%02d.txt", index + 1)
    var text = "# from to capacity cost (cost = round(planner cost × \(options.scale)))\n"
    text.reserveCapacity(arcs.count * 32)
    for i in arcs.indices { text += "\(from[i]) \(to[i]) \(capacity[i]) \(integerCost[i])\n" }
    try Data(text.utf8).write(to: URL(fileURLWithPath: options.output).appendingPathComponent(file))

    // Warm up once, then `samples` fresh builds and solves.
    var solved = build(nodes: network.flow.nodeCount, from: from, to: to, capacity: capacity, cost: cost)
    let result = solved.solve(from: 0, to: 1, amount: network.amount, below: below)
    var objective = 0
    for i in arcs.indices { objective += solved.flow(on: i) * integerCost[i] }
    var builds: [Double] = [], solves: [Double] = [], totals: [Double] = []
    for _ in 0..<max(1, options.samples) {
        let start = clock.now
        var fresh = build(nodes: network.flow.nodeCount, from: from, to: to, capacity: capacity, cost: cost)
        let built = clock.now
        sink &+= fresh.solve(from: 0, to: 1, amount: network.amount, below: below).flow
        let end = clock.now
        builds.append(seconds(built - start))
        solves.append(seconds(end - built))
        totals.append(seconds(end - start))
    }
    // The planner's own network (Double costs), solved alone, for reference.
    let rawCapacity = arcs.map(\.capacity), rawCost = arcs.map(\.cost)
    var plannerSolves: [Double] = []
    var plannerFlow = 0
    for _ in 0..<max(1, options.samples) {
        var fresh = build(nodes: network.flow.nodeCount, from: from, to: to, capacity: rawCapacity, cost: rawCost)
        let start = clock.now
        plannerFlow = fresh.solve(from: 0, to: 1, amount: network.amount, below: below).flow
        plannerSolves.append(seconds(clock.now - start))
    }

    let record = NetworkRecord(
        index: index + 1, file: file, step: network.step.rawValue, stage: network.stage.rawValue,
        nodes: network.flow.nodeCount, arcs: arcs.count, amount: network.amount, onlyGains: network.onlyGains,
        sourceCapacity: sourceCapacity, maxCost: integerCost.map { abs($0) }.max() ?? 0,
        costsRoundedToZero: zip(arcs, integerCost).count { $0.cost != 0 && $1 == 0 },
        plannerCost: network.cost, roundedCost: Double(objective) / options.scale,
        swift: SwiftSolve(
            flow: result.flow, objective: objective, solverCost: result.cost,
            buildSeconds: median(builds), solveSeconds: median(solves), totalSeconds: median(totals), samples: totals.count,
            plannerNetworkSolveSeconds: median(plannerSolves), plannerNetworkFlow: plannerFlow))
    records.append(record)
    log(String(format: "#%ld %@ %@: %ld nodes, %ld arcs, flow %ld, objective %ld (planner %.9e, rounded %.9e), build %.2f ms, solve %.2f ms; planner's network: flow %ld, %.2f ms",
               record.index, record.step, record.stage, record.nodes, record.arcs, record.swift.flow, objective, record.plannerCost, record.roundedCost,
               record.swift.buildSeconds * 1e3, record.swift.solveSeconds * 1e3, record.swift.plannerNetworkFlow, record.swift.plannerNetworkSolveSeconds * 1e3))
    if result.cost != Double(objective) { log("  note: the solver's Double sum \(result.cost) differs from the integer objective \(objective)") }
}

let output = Output(
    seed: options.seed, year: year, counties: counties, schools: schools.count, teachers: teachers.count,
    eligibleTeachers: eligible, scale: options.scale,
    plan: PlanTiming(runs: planTimes.count, medianSeconds: median(planTimes), minSeconds: planTimes.min()!,
                     moves: plan.moves.count, teacherMovers: plan.teacherMovers, requiredMovers: plan.requiredMovers, meetsQuota: plan.meetsQuota),
    networks: records)
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
try encoder.encode(output).write(to: URL(fileURLWithPath: options.output).appendingPathComponent("networks.json"))
if sink == Int.min { print(sink) }
