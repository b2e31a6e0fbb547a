import Domain
import Interchange
import Testing
@testable import Planning

@Suite("Rotation planner")
struct RotationPlannerTests {
    @Test("every rule holds on demo counties", arguments: [UInt64(1), 7, 42])
    func rulesHold(seed: UInt64) {
        let generator = DemoGenerator(seed: seed, counties: 3)
        let data = generator.generate()
        let allTeachers = generator.teachers(of: data)
        let rules = RotationRules.defaults
        for code in Set(data.schools.map(\.countyCode)).sorted() {
            let schools = data.schools.filter { $0.countyCode == code }
            let codes = Set(schools.map(\.schoolCode))
            let teachers = allTeachers.filter { codes.contains($0.schoolCode) }
            let plan = RotationPlanner(rules: rules).plan(schools: schools, teachers: teachers, year: 2025)
            let byID = Dictionary(uniqueKeysWithValues: teachers.map { ($0.id, $0) })

            // Movers are eligible, not principals, move once, from their own school to another.
            #expect(Set(plan.moves.map(\.teacherID)).count == plan.moves.count)
            for move in plan.moves {
                let teacher = byID[move.teacherID]!
                #expect(rules.eligibility(of: teacher, in: 2025).isEligible && !teacher.isPrincipal)
                #expect(move.from == teacher.schoolCode && move.to != move.from && codes.contains(move.to))
            }
            // Swaps: every school keeps its headcount and its teachers of every subject in each stage.
            var balance: [String: Int] = [:]
            for move in plan.moves {
                let subject = byID[move.teacherID]!.subject.key
                balance["\(move.from)|\(move.stage)|\(subject)", default: 0] -= 1
                balance["\(move.to)|\(move.stage)|\(subject)", default: 0] += 1
            }
            #expect(balance.values.allSatisfy { $0 == 0 })
            // Quotas.
            #expect(plan.moves.count >= plan.requiredMovers)
            #expect(plan.requiredMovers == Int((0.1 * Double(plan.eligible) - 1e-9).rounded(.up)))
            #expect(plan.backboneMovers * 5 >= plan.moves.count || !plan.meetsQuota)
            #expect(plan.meetsQuota, "county \(code): \(plan.moves.count) movers of \(plan.requiredMovers), backbone \(plan.backboneMovers)")
            // No teacher indicator's CV gets worse.
            for change in plan.changes {
                if let before = change.before, let after = change.after { #expect(after <= before + 1e-12, "\(change)") }
            }
        }
    }

    @Test("a hand-made county: the backbone teacher goes to the school without one, and the CV falls to 0")
    func handMade() {
        func school(_ code: String, _ km: Double) -> SchoolYear {
            SchoolYear(year: 2025, countyCode: "130102", schoolCode: code, schoolName: code, type: .primary, locality: .rural,
                       coordinate: Coordinate(longitude: 114 + km / 100, latitude: 38), primary: StageRecord(students: 200))
        }
        func teacher(_ id: String, _ at: String, backbone: BackboneLevel) -> Teacher {
            Teacher(id: id, schoolCode: at, stage: .primary, subject: .chinese, gender: .female, birthYear: 1985,
                    qualification: .bachelor, title: .intermediate, backbone: backbone, yearsAtSchool: 8, ruralServiceYears: 3)
        }
        let schools = [school("A", 0), school("B", 5), school("C", 50)]
        let teachers = [
            teacher("a1", "A", backbone: .county), teacher("a2", "A", backbone: .county), teacher("a3", "A", backbone: .none),
            teacher("b1", "B", backbone: .none), teacher("b2", "B", backbone: .none),
            teacher("c1", "C", backbone: .county), teacher("c2", "C", backbone: .none),
        ]
        let plan = RotationPlanner().plan(schools: schools, teachers: teachers, year: 2025)
        let backbone = plan.moves.filter { $0.reason == .backbone }
        #expect(backbone.count == 1)
        #expect(backbone.first.map { $0.from == "A" && $0.to == "B" } == true)
        let change = plan.changes.first { $0.resource == .backboneTeachers && $0.stage == .primary }
        #expect(change?.after == 0)
    }
}
