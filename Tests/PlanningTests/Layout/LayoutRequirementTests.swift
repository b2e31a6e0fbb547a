import Domain
import Foundation
import Testing
@testable import Planning

/// The community-size rules (001 §3) and the merger estimates of 过渡性保留 schools.
@Suite("Layout: community rules and merger estimates")
struct LayoutRequirementTests {
    @Test("the worked example: 25,000 residents need two 18–24-class primaries and 38 classes; one school of 1,350 places is short of 1 and 8")
    func workedExample() throws {
        let here = Coordinate(longitude: 112.9, latitude: 28.2)
        let far = Coordinate(longitude: 113.3, latitude: 28.6)
        let blocks = [
            ResidentialBlock(id: "B1", name: "城东社区", countyCode: "430102", location: here, children: [.primary: 1_710], population: 25_000),
            ResidentialBlock(id: "B2", name: "远村", countyCode: "430102", location: far, children: [.primary: 90], population: 3_000),
        ]
        let sites = [
            LayoutSite(id: "E1", name: "城东小学", location: here, schoolCode: "S1", capacity: [.primary: 1_350], maxClasses: 40, keep: true),
            LayoutSite(id: "E2", name: "远村小学", location: far, schoolCode: "S2", capacity: [.primary: 300], keep: true),
        ]
        let plan = try LayoutPlanner(rules: .defaults).plan(stage: .primary, blocks: blocks, sites: sites, distances: [], target: .open(2))
        // The 3,000-resident village is under every rule; the town falls under the second.
        #expect(plan.requirements.map(\.block) == ["B1"])
        let r = try #require(plan.requirements.first)
        #expect(r.schoolsRequired == 2 && r.rule.classesMin == 18 && r.rule.classesMax == 24)
        #expect(r.classesNeeded == 38)
        #expect(r.today.sites == ["E1"] && r.today.classes == 30)
        #expect(r.today.schoolsShort == 1 && r.today.classesShort == 8)
        // E1's 30 classes today and 38 in the plan are above the rule's 24.
        #expect(r.today.outsideRule == ["E1"] && r.planned.outsideRule == ["E1"])
        // The plan grows E1 by ⌈(1,710 − 1,350) ÷ 45⌉ = 8 classes: the classes are met, the second school is not.
        #expect(r.planned.classes == 38 && r.planned.classesShort == 0 && r.planned.schoolsShort == 1)
        #expect(r.shortInPlan)
        #expect(r.forecast.isEmpty)

        // LayoutGrowth's worked example: 9,000 pupils in 2025, 9,900 forecast for 2027 → 1.1;
        // 1,710 children become 1,881, ⌈1,881 ÷ 45⌉ = 42 classes, 4 more than the plan's 38.
        let ahead = try LayoutPlanner(rules: .defaults).plan(stage: .primary, blocks: blocks, sites: sites, distances: [], target: .open(2),
                                                             growth: [LayoutGrowth(year: 2027, factor: 1.1)])
        let need = try #require(ahead.requirements.first?.forecast.first)
        #expect(need == LayoutRequirement.ForecastNeed(year: 2027, children: 1_881, classesNeeded: 42, classesShort: 4))
        // A growth no county has (from a hostile history) is capped, not a crash.
        let wild = try LayoutPlanner(rules: .defaults).plan(stage: .primary, blocks: blocks, sites: sites, distances: [], target: .open(2),
                                                            growth: [LayoutGrowth(year: 2030, factor: 1e300)])
        #expect(wild.requirements.first?.forecast.first?.children == 1_000_000_000)
    }

    @Test("blocks naming one 所属社区 are one community: their residents and children together, the sites of any of them")
    func communityOfBlocks() throws {
        let east = Coordinate(longitude: 112.9, latitude: 28.2), west = Coordinate(longitude: 112.95, latitude: 28.2)
        let far = Coordinate(longitude: 113.3, latitude: 28.6)
        // 13,000 + 12,000 residents: alone each needs one school (⌊÷ 10,000⌋ = 1); together two.
        let blocks = [
            ResidentialBlock(id: "B1", name: "东片", countyCode: "430102", location: east, children: [.primary: 900], population: 13_000,
                             community: "城东社区"),
            ResidentialBlock(id: "B2", name: "远村", countyCode: "430102", location: far, children: [.primary: 90], population: 3_000),
            ResidentialBlock(id: "B3", name: "西片", countyCode: "430102", location: west, children: [.primary: 810], population: 12_000,
                             community: "城东社区"),
        ]
        let sites = [
            LayoutSite(id: "E1", name: "城东小学", location: west, schoolCode: "S1", capacity: [.primary: 1_350], keep: true),
            LayoutSite(id: "E2", name: "远村小学", location: far, schoolCode: "S2", capacity: [.primary: 300], keep: true),
        ]
        let plan = try LayoutPlanner(rules: .defaults).plan(stage: .primary, blocks: blocks, sites: sites, distances: [], target: .open(2))
        let r = try #require(plan.requirements.first)
        #expect(plan.requirements.count == 1)
        #expect(r.block == "城东社区" && r.name == "城东社区" && r.blocks == ["B1", "B3"])
        #expect(r.population == 25_000 && r.children == 1_710 && r.schoolsRequired == 2 && r.classesNeeded == 38)
        // E1 stands in 西片, one of the community's blocks: it is the community's school.
        #expect(r.today.sites == ["E1"] && r.today.classes == 30 && r.today.schoolsShort == 1 && r.today.classesShort == 8)
        // Without the column each block is judged alone.
        let alone = try LayoutPlanner(rules: .defaults).plan(stage: .primary, blocks: blocks.map { var b = $0; b.community = nil; return b },
                                                             sites: sites, distances: [], target: .open(2))
        #expect(alone.requirements.map(\.block) == ["B1", "B3"] && alone.requirements.allSatisfy { $0.schoolsRequired == 1 })
        #expect(LayoutRequirement.communities(of: blocks) == [[0, 2], [1]])
    }

    @Test("the growth factor is the county's forecast students of the stage over its base-year students")
    func growth() {
        let history = [
            EnrollmentRecord(year: 2025, schoolCode: "S1", grade: 1, students: 4_000, classes: 90),
            EnrollmentRecord(year: 2025, schoolCode: "S1", grade: 2, students: 5_000, classes: 110),
            EnrollmentRecord(year: 2025, schoolCode: "S1", grade: 7, students: 7_777, classes: 150),
            EnrollmentRecord(year: 2024, schoolCode: "S1", grade: 1, students: 1, classes: 1),
        ]
        func year(_ y: Int, _ students: [Double]) -> EnrollmentForecast.YearForecast {
            EnrollmentForecast.YearForecast(year: y, grades: students, classesNeeded: 0, classes: [], largeClasses: 0, hugeClasses: 0, largestClass: 0)
        }
        let stage = EnrollmentForecast.StageForecast(stage: .primary, capacity: 10_000, classrooms: 200, intakeSource: .history,
                                                      years: [year(2026, [4_500, 4_950]), year(2027, [4_900, 5_000])])
        let forecast = EnrollmentForecast(baseYear: 2025, years: [2026, 2027],
                                          schools: [EnrollmentForecast.SchoolForecast(code: "S1", name: "一小", stages: [stage])])
        let growth = LayoutGrowth.of(forecast, history: history, stage: .primary)
        #expect(growth.map(\.year) == [2026, 2027])
        #expect(abs(growth[0].factor - 1.05) < 1e-12 && abs(growth[1].factor - 1.1) < 1e-12)
        #expect(LayoutGrowth.of(forecast, history: history, stage: .junior).isEmpty)
    }

    @Test("the default rules read the text of 001 §3", arguments: [
        (3_999, Stage.primary, 0, 0), (4_000, .primary, 1, 6), (9_999, .primary, 1, 6), (10_000, .primary, 1, 18),
        (19_999, .primary, 1, 18), (20_000, .primary, 2, 18), (9_999, .junior, 0, 0), (10_000, .junior, 1, 18),
        (39_999, .junior, 1, 18), (40_000, .junior, 2, 18),
    ])
    func defaults(population: Int, stage: Stage, schools: Int, classesMin: Int) {
        let rule = LayoutRules.defaults.communityRule(stage, population: population)
        #expect(rule?.schools(for: population) ?? 0 == schools)
        #expect(rule?.classesMin ?? 0 == classesMin)
    }

    @Test("a rules file replaces the community rules; a wrong rule is refused in words")
    func rulesFile() throws {
        let json = #"{"community_rules": [{"stage": "junior", "population_from": 5000, "per_population": 15000, "classes_min": 12, "classes_max": 30}]}"#
        let rules = try JSONDecoder().decode(LayoutRules.self, from: Data(json.utf8))
        #expect(rules.communityRules == [CommunityRule(stage: .junior, populationFrom: 5_000, perPopulation: 15_000, classesMin: 12, classesMax: 30)])
        #expect(rules.communityRule(.primary, population: 50_000) == nil)
        #expect(rules.communityRule(.junior, population: 31_000)?.schools(for: 31_000) == 2)
        #expect(rules.mergerJuniorBelow == 600)
        #expect(rules.pricePerChildKm == nil)
        #expect(try JSONDecoder().decode(LayoutRules.self, from: Data(#"{"price_per_child_km": 2500}"#.utf8)).pricePerChildKm == 2_500)
        let again = try JSONDecoder().decode(LayoutRules.self, from: JSONEncoder().encode(rules))
        #expect(again == rules)
        for bad in [
            #"{"community_rules": [{"stage": "primary", "population_from": 5000, "population_below": 4000, "classes_min": 6}]}"#,
            #"{"community_rules": [{"stage": "primary", "population_from": 5000, "classes_min": 0}]}"#,
            #"{"community_rules": [{"stage": "primary", "population_from": 5000, "classes_min": 12, "classes_max": 6}]}"#,
            #"{"community_rules": [{"stage": "primary", "population_from": 5000, "per_population": 0, "classes_min": 6}]}"#,
            #"{"price_per_child_km": 0}"#, #"{"price_per_child_km": -3}"#, #"{"price_per_child_km": 1e300}"#,
        ] {
            #expect(throws: DecodingError.self, "\(bad)") { try JSONDecoder().decode(LayoutRules.self, from: Data(bad.utf8)) }
        }
    }

    @Test("every 过渡性保留 school gets its estimate: children all received or stranded, km and places as defined", arguments: 0..<12)
    func candidates(seed: Int) throws {
        let (blocks, sites) = LayoutPlannerTests.county(seed: 300 + seed)
        let rules = LayoutRules.defaults
        let plan = try LayoutPlanner(rules: rules).plan(stage: .primary, blocks: blocks, sites: sites, distances: [], target: .open(8 + seed % 4))
        let transitional = plan.sites.filter { $0.status == .transitional }
        #expect(plan.mergerCandidates.map(\.site) == transitional.map(\.id))
        let byId = Dictionary(uniqueKeysWithValues: plan.sites.map { ($0.id, $0) })
        let blockById = Dictionary(uniqueKeysWithValues: blocks.map { ($0.id, $0) })
        let model = DistanceModel(distances: [], rules: rules.zoning)
        for m in plan.mergerCandidates {
            let members = plan.blocks.filter { $0.site == m.site }
            #expect(m.children == members.reduce(0) { $0 + $1.children })
            #expect(m.receivers.reduce(0) { $0 + $1.children } + m.stranded == m.children)
            #expect(m.receivers.allSatisfy { $0.site != m.site && byId[$0.site]!.open })
            #expect(m.year == (m.placesNeeded == 0 ? 1 : 2))
            // Every member goes to an open site at least as far as its nearest other open site: the
            // added km are at least those of sending each block to its nearest other open site.
            let others = plan.sites.filter { $0.open && $0.id != m.site }
            let least = members.reduce(0.0) { total, b in
                let block = blockById[b.id]!
                let nearest = others.compactMap { model.kilometres(from: block, to: $0.id, at: $0.location) }.min()!
                return total + Double(b.children) * (nearest - b.kilometres!)
            }
            #expect(m.addedChildKm >= least - 1e-6, "seed \(seed) \(m.site)")
            // Receivers' places needed never exceed the children they receive.
            #expect(m.placesNeeded <= m.children)
        }
    }
}
