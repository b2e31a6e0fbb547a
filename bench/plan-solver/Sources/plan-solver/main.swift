// Benchmark driver: the planner's divisible filling problem (one stage's indicator) on a county
// of 300 primary units, timed in Swift and written to JSON for bench/plan_cvxpy.py to solve the
// same instances with cvxpy. See bench/plan_solver.sh and BENCHMARKS.md.
//
//   plan-solver OUT.json [--units N] [--seed S] [--samples K] [--tight κ]
//
// The county: demo counties (DemoGenerator, this seed) drawn in order; each county's primary
// units under quality-2017 (Standard.units(of:) on that county's schools) are appended until
// there are N; the last county contributes only the units needed (in its unit order, by school
// code). Fixed exemption choice: no unit exempt, so every unit must reach the threshold:
// required_u = threshold · P_u / scale. κ = the primary CV limit · (1 − limitMargin), as the
// planner passes it.
//
// Four instance sets, 7 indicators each:
// - "uniform": the default unit costs (one price per resource) → LevelFilling, exact.
// - "locality": the default price × 1.2 in 城区, × 1.0 in 镇区, × 0.8 in 乡村 → CostAwareFilling.
// - "uniform-tight", "locality-tight": the same with κ = 0.12 · (1 − limitMargin) instead of
//   0.50. With every unit raised to its threshold the demo county's CVs are 0.13–0.39, within
//   0.50, so under the real limit the cone never binds and the optimum is "raise each unit to
//   its requirement"; the tight sets make the CV constraint bind in every indicator, which is
//   the case the water-filling exists for.
import Domain
import Foundation
import Demo
import Interchange
import Planning

struct Options {
    var output = ""
    var units = 300
    var seed: UInt64 = 5
    var samples = 101
    var tightLimit = 0.12

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--units": units = Int(rest.popFirst() ?? "") ?? units
            case "--seed": seed = UInt64(rest.popFirst() ?? "") ?? seed
            case "--samples": samples = Int(rest.popFirst() ?? "") ?? samples
            case "--tight": tightLimit = Double(rest.popFirst() ?? "") ?? tightLimit
            default: output = argument
            }
        }
        if output.isEmpty {
            FileHandle.standardError.write(Data("usage: plan-solver OUT.json [--units N] [--seed S] [--samples K] [--tight κ]\n".utf8))
            exit(2)
        }
    }
}

struct SwiftResult: Codable {
    /// δ_u, numerator units added per unit.
    var additions: [Double]
    var cost: Double
    var lowerBound: Double
    var optimal: Bool
    var cvAfter: Double
    var raisedUnits: Int
    /// Median seconds per `FillingProblem(...)` + `solve()`.
    var medianSeconds: Double
    var minSeconds: Double
    var solvesTimed: Int
}

struct Instance: Codable {
    var indicator: Int
    var key: String
    var resource: String
    var students: [Double]
    var amounts: [Double]
    var required: [Double]
    var unitCosts: [Double]
    var cvLimit: Double
    /// The CV with every unit at max(amount, required): above κ means the CV constraint binds.
    var cvAtRequired: Double
    var swift: SwiftResult?
}

struct InstanceSet: Codable {
    var name: String
    var costs: String
    var cvLimit: Double
    var instances: [Instance]
    /// Median seconds to solve all 7 instances once, one after another.
    var setMedianSeconds: Double
}

struct Output: Codable {
    var seed: UInt64
    var standard: String
    var stage: String
    var units: Int
    var counties: [String]
    var unitsFromLastCounty: Int
    var localities: [String: Int]
    var sets: [InstanceSet]
}

/// Enrollment-weighted CV of per-student values.
func weightedCV(_ values: [Double], weights: [Double]) -> Double {
    var w = 0.0, m1 = 0.0, m2 = 0.0
    for i in values.indices {
        w += weights[i]
        m1 += weights[i] * values[i]
        m2 += weights[i] * values[i] * values[i]
    }
    let mean = m1 / w
    return (max(0, m2 / w - mean * mean)).squareRoot() / mean
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

/// Keeps the solver's results alive so that no call is optimised away.
nonisolated(unsafe) var sink = 0.0

func solveOnce(_ instance: Instance) -> Filling {
    FillingProblem(
        students: instance.students, amounts: instance.amounts, required: instance.required,
        unitCosts: instance.unitCosts, cvLimit: instance.cvLimit
    ).solve()
}

/// Median and minimum seconds per solve: `samples` samples, each of enough back-to-back solves
/// to last about 2 ms.
func time(_ instance: Instance, samples: Int) -> (median: Double, min: Double, solves: Int) {
    let clock = ContinuousClock()
    for _ in 0..<3 { sink += solveOnce(instance).cost }
    let one = seconds(clock.measure { sink += solveOnce(instance).cost })
    let inner = max(1, Int(0.002 / max(one, 1e-9)))
    var times: [Double] = []
    for _ in 0..<samples {
        let elapsed = clock.measure { for _ in 0..<inner { sink += solveOnce(instance).cost } }
        times.append(seconds(elapsed) / Double(inner))
    }
    return (median(times), times.min() ?? 0, samples * inner)
}

func timeSet(_ instances: [Instance], samples: Int) -> Double {
    let clock = ContinuousClock()
    var times: [Double] = []
    for _ in 0..<samples {
        let elapsed = clock.measure { for instance in instances { sink += solveOnce(instance).cost } }
        times.append(seconds(elapsed))
    }
    return median(times)
}

let options = Options(CommandLine.arguments)
let standard = try Standard.builtIn("quality-2017")
let stage = Stage.primary
guard let baseLimit = standard.balance.cvLimits[stage] else { fatalError("quality-2017 has no primary CV limit") }
let kappa = baseLimit * (1 - FillingProblem.limitMargin)

/// The county: primary units of demo counties, in order, until there are `count`; also the
/// counties used and how many units the last one gave.
func county(count: Int, seed: UInt64) -> (units: [EvaluationUnit], counties: [String], fromLast: Int) {
    var batch = 0
    while true {
        // Counties come from one master stream: asking for more counties keeps the first ones.
        batch += 16
        let data = DemoGenerator(seed: seed, counties: batch, standard: standard).generate()
        var units: [EvaluationUnit] = []
        var used: [String] = []
        var fromLast = 0
        let byCounty = Dictionary(grouping: data.schools, by: \.countyCode)
        for county in data.counties where units.count < count {
            let primary = standard.units(of: byCounty[county.code] ?? []).units.filter { $0.stage == stage && $0.students > 0 }
            guard !primary.isEmpty else { continue }
            let take = min(primary.count, count - units.count)
            units += primary.prefix(take)
            used.append(county.code)
            fromLast = take
        }
        if units.count == count { return (units, used, fromLast) }
    }
}

let (units, used, fromLast) = county(count: options.units, seed: options.seed)
var localityCount: [String: Int] = [:]
for unit in units { localityCount[unit.locality.rawValue, default: 0] += 1 }

let factors: [Locality: Double] = [.urban: 1.2, .town: 1.0, .rural: 0.8]
var byLocality = UnitCosts.defaults
for indicator in standard.indicators {
    let base = UnitCosts.defaults.cost(of: indicator.numerator, in: .town)
    for (locality, factor) in factors { byLocality.set(indicator.numerator, to: base * factor, in: locality) }
}

func instances(_ units: [EvaluationUnit], costs: UnitCosts, kappa: Double) -> [Instance] {
    standard.indicators.enumerated().map { k, indicator in
        let threshold = indicator.threshold(for: stage) ?? 0
        let students = units.map { Double($0.students) }
        let amounts = units.map { $0.numerators[k] ?? 0 }
        let required = students.map { threshold * $0 / indicator.scale }
        let lower = units.indices.map { max(amounts[$0], required[$0]) / students[$0] }
        return Instance(
            indicator: k, key: indicator.key, resource: indicator.numerator.rawValue,
            students: students, amounts: amounts, required: required,
            unitCosts: units.map { costs.cost(of: indicator.numerator, in: $0.locality) },
            cvLimit: kappa, cvAtRequired: weightedCV(lower, weights: students), swift: nil)
    }
}

var sets: [InstanceSet] = []
let tightKappa = options.tightLimit * (1 - FillingProblem.limitMargin)
let uniformNote = "UnitCosts.defaults (one price per resource)"
let localityNote = "UnitCosts.defaults × 1.2 城区 / × 1.0 镇区 / × 0.8 乡村"
for (name, costs, note, limit) in [
    ("uniform", UnitCosts.defaults, uniformNote, kappa),
    ("locality", byLocality, localityNote, kappa),
    ("uniform-tight", UnitCosts.defaults, uniformNote, tightKappa),
    ("locality-tight", byLocality, localityNote, tightKappa),
] {
    var list = instances(units, costs: costs, kappa: limit)
    for i in list.indices {
        let filling = solveOnce(list[i])
        let values = list[i].students.indices.map { (list[i].amounts[$0] + filling.additions[$0]) / list[i].students[$0] }
        let timing = time(list[i], samples: options.samples)
        list[i].swift = SwiftResult(
            additions: filling.additions, cost: filling.cost, lowerBound: filling.lowerBound, optimal: filling.isOptimal,
            cvAfter: weightedCV(values, weights: list[i].students),
            raisedUnits: filling.additions.filter { $0 > 0 }.count,
            medianSeconds: timing.median, minSeconds: timing.min, solvesTimed: timing.solves)
    }
    let setTime = timeSet(list, samples: options.samples)
    sets.append(InstanceSet(name: name, costs: note, cvLimit: limit, instances: list, setMedianSeconds: setTime))
}

let output = Output(
    seed: options.seed, standard: standard.key, stage: stage.rawValue, units: units.count, counties: used,
    unitsFromLastCounty: fromLast, localities: localityCount, sets: sets)
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys]
try encoder.encode(output).write(to: URL(fileURLWithPath: options.output))

print("county: \(units.count) primary units from \(used.count) demo counties (seed \(options.seed)), localities \(localityCount.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
for set in sets {
    print("\n[\(set.name)] \(set.costs), κ = \(set.cvLimit)")
    print("indicator                          CV@required  binds  raised       cost (元)          lower bound     median µs")
    for instance in set.instances {
        guard let result = instance.swift else { continue }
        let line = [
            instance.key.padding(toLength: 34, withPad: " ", startingAt: 0),
            String(format: "%11.4f", instance.cvAtRequired),
            instance.cvAtRequired > set.cvLimit ? "  yes" : "   no",
            String(format: "%7d", result.raisedUnits),
            String(format: "%18.3f", result.cost),
            String(format: "%18.3f", result.lowerBound),
            String(format: "%12.2f", result.medianSeconds * 1e6),
        ]
        print(line.joined(separator: " "))
    }
    print(String(format: "all 7, one after another: median %.2f µs", set.setMedianSeconds * 1e6))
}
print(String(format: "\n(checksum %.6e)", sink))
