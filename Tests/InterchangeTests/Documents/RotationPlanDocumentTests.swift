import Demo
import Domain
import Foundation
import Planning
import Reports
import Testing

/// The rotation plan's document: built once from a demo county's plan, written, and read back
/// by `JSONDecoder` into the same document, whose values are the plan's.
@Suite struct RotationPlanDocumentTests {
    let schools: [SchoolYear]
    let plan: RotationPlan
    let record: RuralServiceRecord
    let differences: [TeacherCountDifference]

    init() throws {
        let generator = DemoGenerator(seed: 1, counties: 1, year: 2025)
        let data = generator.generate()
        schools = data.schools
        let teachers = generator.teachers(of: data)
        plan = RotationPlanner().plan(schools: schools, teachers: teachers, year: 2025)
        try #require(!plan.moves.isEmpty)
        let destinations = Dictionary(uniqueKeysWithValues: plan.moves.map { ($0.teacherID, $0.to) })
        record = RuralServiceRecord(teachers: teachers, schools: schools, rules: .defaults, moves: destinations)
        differences = TeacherCountDifference.between(schools, teachers)
    }

    func decoded(_ document: RotationPlanDocument) throws -> (text: String, document: RotationPlanDocument) {
        let text = try JSONValue(encoding: document).serialized()
        return (text, try JSONDecoder().decode(RotationPlanDocument.self, from: Data(text.utf8)))
    }

    @Test func readsBackAsTheSameDocumentWithThePlansValues() throws {
        let document = RotationPlanDocument(plan, ruralService: record, differences: differences, schools: schools)
        let (_, back) = try decoded(document)
        #expect(back == document)
        #expect(back.countyCode == schools[0].countyCode && back.countyName == schools[0].countyName && back.year == 2025)
        #expect(back.eligible == plan.eligible && back.movers == plan.teacherMovers && back.meetsQuota == plan.meetsQuota)
        #expect(back.principalMovers == plan.principalMovers && back.kilometres == plan.kilometres)
        #expect(back.cvs.map(\.before) == plan.changes.map(\.before) && back.cvs.map(\.after) == plan.changes.map(\.after))
        #expect(back.objective.map(\.step) == plan.objective.map(\.step.rawValue))
        #expect(back.moves.map(\.teacherID) == plan.moves.map(\.teacherID))
        #expect(back.moves.map(\.kilometres) == plan.moves.map(\.kilometres))
        let names = Dictionary(schools.map { ($0.schoolCode, $0.schoolName) }, uniquingKeysWith: { a, _ in a })
        #expect(back.moves.allSatisfy { $0.fromSchoolName == names[$0.fromSchool] && $0.toSchoolName == names[$0.toSchool] })
        #expect(back.schools.map(\.schoolCode) == plan.schools.map(\.schoolCode))
        for (school, counts) in zip(back.schools, plan.schools) {
            #expect(Set(school.before.keys) == ["teachers", "qualified", "backbone", "pe_art", "senior_title"])
            #expect(school.before["teachers"] == counts.before.teachers && school.after["backbone"] == counts.after.backbone)
            #expect(school.staffingNeed == counts.staffingNeed)
        }
        #expect(back.countDifferences.count == differences.count)
        #expect(back.ruralService.candidates == record.entries.count)
        #expect(back.ruralService.entries.map(\.teacherID) == record.entries.map(\.teacherID))
    }

    @Test func nonFiniteNumbersAreNull() throws {
        var broken = plan
        broken.kilometres = .infinity
        broken.moves[0].kilometres = .nan
        broken.changes[0].before = -.infinity
        let document = RotationPlanDocument(broken, ruralService: record, differences: differences, schools: schools)
        let (text, back) = try decoded(document)
        #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "valid JSON")
        #expect(text.contains("\n  \"kilometres\": null,\n"))
        #expect(back.kilometres == nil && back.moves[0].kilometres == nil && back.cvs[0].before == nil)
        #expect(back == document)
    }

    @Test func withoutRowsTheCountyIsNull() throws {
        let document = RotationPlanDocument(plan, ruralService: record, differences: [], schools: [])
        let (text, back) = try decoded(document)
        #expect(text.hasPrefix("{\n  \"county_code\": null,\n  \"county_name\": null,\n  \"year\": null,\n"))
        #expect(back == document)
        // Schools the rows do not name have an empty name.
        #expect(back.moves.allSatisfy { $0.fromSchoolName.isEmpty })
    }
}
