import Domain
import Foundation
import Testing
@testable import Planning

@Suite("Rotation rules and staffing need")
struct RotationRulesTests {
    private func teacher(gender: Gender = .female, born: Int = 1985, years: Int = 7, principal: Bool = false, exemptions: Set<Exemption> = []) -> Teacher {
        Teacher(id: "T1", schoolCode: "2130349001", stage: .primary, subject: .mathematics, gender: gender, birthYear: born,
                qualification: .bachelor, title: .intermediate, backbone: .none, yearsAtSchool: years, ruralServiceYears: 0,
                isPrincipal: principal, exemptions: exemptions)
    }

    @Test("eligibility: six years at the school, not within five years of retirement, not exempt")
    func eligibility() {
        let rules = RotationRules.defaults
        #expect(rules.eligibility(of: teacher(years: 6), in: 2025) == .eligible)
        #expect(rules.eligibility(of: teacher(years: 5), in: 2025) == .tooFewYears(needed: 6))
        // A woman born 1971 is 54 in 2025: one year before 55.
        #expect(rules.eligibility(of: teacher(born: 1971), in: 2025) == .nearRetirement(yearsLeft: 1))
        // A man of the same age has six years left.
        #expect(rules.eligibility(of: teacher(gender: .male, born: 1971), in: 2025) == .eligible)
        #expect(rules.eligibility(of: teacher(gender: .male, born: 1970), in: 2025) == .nearRetirement(yearsLeft: 5))
        #expect(rules.eligibility(of: teacher(exemptions: [.pregnancy]), in: 2025) == .exempt([.pregnancy]))
        #expect(rules.eligibility(of: teacher(years: 5, principal: true), in: 2025) == .tooFewYears(needed: 6))
    }

    @Test("a rules file changes only what it names, and wrong values are refused")
    func rulesFile() throws {
        let wuxi = try JSONDecoder().decode(RotationRules.self, from: Data(#"{"min_share_of_eligible": 0.15, "retirement_age": {"female": 58}}"#.utf8))
        #expect(wuxi.minShareOfEligible == 0.15)
        #expect(wuxi.retirementAge == [.female: 58])
        #expect(wuxi.minYearsAtSchool == 6)
        let again = try JSONDecoder().decode(RotationRules.self, from: JSONEncoder().encode(wuxi))
        #expect(again == wuxi)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RotationRules.self, from: Data(#"{"min_share_of_eligible": 10}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RotationRules.self, from: Data(#"{"students_per_teacher": {"middle": 12}}"#.utf8)) }
    }

    @Test("the objective, the CV margin and the ceiling on movers: read, written back, defaults kept, wrong values refused at their key")
    func objectiveKeys() throws {
        let defaults = RotationRules.defaults
        #expect(defaults.objective == .fewestMoves && defaults.cvMargin == 0.02 && defaults.maxMovers == nil)
        // A file of before issue 15 keeps the new defaults.
        let old = try JSONDecoder().decode(RotationRules.self, from: Data(#"{"min_share_of_eligible": 0.15}"#.utf8))
        #expect(old.objective == .fewestMoves && old.cvMargin == 0.02 && old.maxMovers == nil)
        let set = try JSONDecoder().decode(RotationRules.self, from: Data(#"{"objective": "equalize", "cv_margin": 0.05, "max_movers": 60}"#.utf8))
        #expect(set.objective == .equalize && set.cvMargin == 0.05 && set.maxMovers == 60)
        #expect(try JSONDecoder().decode(RotationRules.self, from: JSONEncoder().encode(set)) == set)
        #expect(try JSONDecoder().decode(RotationRules.self, from: JSONEncoder().encode(defaults)) == defaults)
        let none = try JSONDecoder().decode(RotationRules.self, from: Data(#"{"max_movers": null}"#.utf8))
        #expect(none.maxMovers == nil)
        for (text, key) in [(#"{"objective": "fewest"}"#, "objective"), (#"{"cv_margin": 1}"#, "cv_margin"),
                            (#"{"cv_margin": -0.1}"#, "cv_margin"), (#"{"max_movers": -2}"#, "max_movers")] {
            do {
                _ = try JSONDecoder().decode(RotationRules.self, from: Data(text.utf8))
                Issue.record("\(text) was accepted")
            } catch let DecodingError.dataCorrupted(context) {
                #expect(context.codingPath.map(\.stringValue) == [key], "\(text): \(context.codingPath)")
            }
        }
    }

    @Test("staffing need: by students, or by classes for small schools")
    func staffing() {
        let rules = RotationRules.defaults
        var school = SchoolYear(year: 2025, countyCode: "130102", schoolCode: "2130102001", schoolName: "甲", type: .nineYear, locality: .rural,
                                primary: StageRecord(students: 380, classes: 12), junior: StageRecord(students: 270, classes: 6))
        // 380 / 19 = 20; 270 / 13.5 = 20.
        #expect(rules.staffingNeed(of: school, stage: .primary) == 20)
        #expect(rules.staffingNeed(of: school, stage: .junior) == 20)
        // 0.9 PE/art teachers per 100 students: 380 → 3.42 → 4.
        #expect(rules.peArtNeed(of: school, stage: .primary) == 4)
        // A village school of 60 pupils in 6 classes: 60 / 19 → 4, but 6 × 1.7 → 11.
        school = SchoolYear(year: 2025, countyCode: "130102", schoolCode: "2130102002", schoolName: "乙", type: .primary, locality: .rural,
                            primary: StageRecord(students: 60, classes: 6))
        #expect(rules.staffingNeed(of: school, stage: .primary) == 11)
        #expect(rules.staffingNeed(of: school, stage: .junior) == nil)
    }

    @Test("derived counts and differences from the school row")
    func counts() {
        let school = SchoolYear(year: 2025, countyCode: "130102", schoolCode: "2130349001", schoolName: "甲", type: .primary, locality: .town,
                                primary: StageRecord(students: 100, teachers: 2, qualifiedTeachers: 2, backboneTeachers: 1, peArtTeachers: 0, seniorTitleTeachers: 1))
        var second = teacher()
        second.id = "T2"
        second.qualification = .vocational
        second.backbone = .county
        second.subject = Subject("音乐")
        let differences = TeacherCountDifference.between([school], [teacher(), second])
        // Counted: 2 teachers, 1 qualified (中专 is below 专科), 1 backbone, 1 PE/art, 2 mid-level titles.
        #expect(differences.map(\.column) == [.peArtPrimary, .qualifiedPrimary, .seniorTitlePrimary])
        #expect(differences.map(\.counted) == [1, 1, 2])
    }
}

@Suite("Rural-service record")
struct RuralServiceRecordTests {
    @Test("town teachers at 中级 without a year of rural service are named, and a move to a rural school counts")
    func record() {
        let schools = [
            SchoolYear(year: 2025, countyCode: "130102", schoolCode: "A", schoolName: "城区小学", type: .primary, locality: .urban),
            SchoolYear(year: 2025, countyCode: "130102", schoolCode: "R", schoolName: "村小", type: .primary, locality: .rural),
        ]
        func teacher(_ id: String, at school: String, title: Title, service: Int) -> Teacher {
            Teacher(id: id, schoolCode: school, stage: .primary, subject: .chinese, gender: .male, birthYear: 1980,
                    qualification: .bachelor, title: title, backbone: .none, yearsAtSchool: 8, ruralServiceYears: service)
        }
        let teachers = [
            teacher("t1", at: "A", title: .intermediate, service: 0),
            teacher("t2", at: "A", title: .intermediate, service: 2),
            teacher("t3", at: "A", title: .senior, service: 0),       // already senior: not a candidate
            teacher("t4", at: "R", title: .intermediate, service: 0), // in a rural school: not asked
        ]
        let record = RuralServiceRecord(teachers: teachers, schools: schools, rules: .defaults, moves: ["t1": "R"])
        #expect(record.entries.map(\.teacherID) == ["t1", "t2"])
        #expect(record.entries.map(\.qualifiesNow) == [false, true])
        #expect(record.entries.map(\.qualifiesAfterMove) == [true, true])
        let unmoved = RuralServiceRecord(teachers: teachers, schools: schools, rules: .defaults)
        #expect(unmoved.entries[0].qualifiesAfterMove == false)
    }
}
