import Foundation
import Domain
import Testing
@testable import Planning

@Suite("Zoning diagnostics", .disabled(if: ProcessInfo.processInfo.environment["ZDIAG"] == nil))
struct ZoningDiagnostics {
    @Test func print() {
        for seed in 0..<6 {
            for contiguous in [false, true] {
                var rules = ZoningRules.defaults
                rules.moveWeight = Double(seed % 3) * 0.3
                rules.contiguous = contiguous
                let county = ZoningCounty(seed: 100 + seed, schools: 12, blocks: 400, slack: [0.9, 1.2, 1.6][seed % 3])
                let plan = ZonePlanner(rules: rules).plan(stage: .primary, county: "430102", blocks: county.blocks, schools: county.schools, distances: [])
                Swift.print("seed \(seed) contiguous \(contiguous): gap \(plan.gap) placed \(plan.planned.placed) relax \(plan.relaxationPlaced) islands \(plan.islands.count) cost \(plan.weightedObjective) lb \(plan.lowerBound)")
            }
        }
    }
}

@Suite("Zoning island", .disabled(if: ProcessInfo.processInfo.environment["ZDIAG"] == nil))
struct ZoningIsland {
    @Test func island() {
        var rules = ZoningRules.defaults
        rules.moveWeight = 0.6
        let county = ZoningCounty(seed: 102, schools: 12, blocks: 400, slack: 1.6)
        let plan = ZonePlanner(rules: rules).plan(stage: .primary, county: "430102", blocks: county.blocks, schools: county.schools, distances: [])
        let contiguity = ZonePlanner.contiguity(of: county.blocks)
        let load = Dictionary(grouping: plan.blocks.filter { $0.school != nil }, by: { $0.school! }).mapValues { $0.reduce(0) { $0 + $1.children } }
        for id in plan.islands {
            let i = plan.blocks.firstIndex { $0.id == id }!
            let b = plan.blocks[i]
            Swift.print("current \(county.blocks[i].currentSchool[.primary]!)")
            Swift.print("island \(id) children \(b.children) zone \(b.school!) km \(b.kilometres!) nearest \(b.nearest!) \(b.nearestKilometres!)")
            let model = DistanceModel(distances: [], rules: rules)
            for school in county.schools { Swift.print("  to \(school.schoolCode) \(model.kilometres(from: county.blocks[i], to: school.schoolCode, at: school.coordinate)!)") }
            let s4 = county.schools.first { $0.schoolCode == "S4" }!
            for c in contiguity.neighbours[i] {
                Swift.print("  nb-to-S4 \(model.kilometres(from: county.blocks[c], to: "S4", at: s4.coordinate)!) current \(county.blocks[c].currentSchool[.primary]!)")
                let n = plan.blocks[c]
                Swift.print("  nb \(n.id) zone \(n.school ?? "-") km \(n.kilometres ?? -1) children \(n.children)")
            }
        }
        for s in plan.schools { Swift.print("school \(s.code) cap \(s.capacity) load \(load[s.code] ?? 0)") }
    }
}

@Suite("Zoning stages", .disabled(if: ProcessInfo.processInfo.environment["ZDIAG"] == nil))
struct ZoningStages {
    @Test func stages() {
        var rules = ZoningRules.defaults
        rules.moveWeight = 0.6
        let county = ZoningCounty(seed: 102, schools: 12, blocks: 400, slack: 1.6)
        let zoned = ZonedSchool.zoned(county.schools, stage: .primary, rules: rules)
        let model = DistanceModel(distances: [], rules: rules)
        let index = Dictionary(uniqueKeysWithValues: zoned.enumerated().map { ($1.code, $0) })
        let network = ZoneNetwork(
            demand: county.blocks.map { $0.children(.primary) }, capacity: zoned.map(\.capacity),
            current: county.blocks.map { index[$0.currentSchool[.primary]!]! }, moveWeight: rules.moveWeight,
            candidates: county.blocks.map { b in zoned.enumerated().map { ($0, model.kilometres(from: b, to: $1.code, at: $1.location)!) } })
        let contiguity = ZonePlanner.contiguity(of: county.blocks)
        let relaxation = ZoneRelaxation(network)
        var plan = WholeBlockZoning.growing(relaxation, network: network, contiguity: contiguity)
        Swift.print("grown: unplaced \(plan.unplaced) breakers \(plan.ruleBreakers.count) islands \(plan.islands.count)")
        plan.improve()
        Swift.print("improved: unplaced \(plan.unplaced) breakers \(plan.ruleBreakers.count) islands \(plan.islands.count)")
    }
}

@Suite("Zoning timing", .disabled(if: ProcessInfo.processInfo.environment["ZDIAG"] == nil))
struct ZoningTiming {
    @Test func large() {
        for (n, m) in [(5000, 60)] {
            let county = ZoningCounty(seed: 5, schools: m, blocks: n, slack: 1.1)
            let clock = ContinuousClock()
            var plan: ZoningPlan?
            let t = clock.measure {
                plan = ZonePlanner(rules: .defaults).plan(stage: .primary, county: "430102", blocks: county.blocks, schools: county.schools, distances: [])
            }
            Swift.print("n \(n) m \(m): \(t) gap \(plan!.gap) islands \(plan!.islands.count) unplaced \(plan!.planned.unplaced)")
        }
    }
}
