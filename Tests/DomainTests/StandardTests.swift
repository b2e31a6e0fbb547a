import Foundation
import Testing
@testable import Domain

@Suite("Standards as data")
struct StandardTests {
    @Test func builtInStandardsHoldTheOfficialRules() throws {
        let quality = try Standard.builtIn("quality-2017")
        #expect(quality.indicators.map(\.key) == [
            "qualified_teachers_per100", "backbone_teachers_per100", "pe_art_teachers_per100",
            "teaching_area_per_student", "sports_area_per_student", "equipment_value_per_student",
            "multimedia_rooms_per100",
        ])
        #expect(quality.indicators.map { $0.threshold(for: .primary)! } == [4.2, 1.0, 0.9, 4.5, 7.5, 2000, 2.3])
        #expect(quality.indicators.map { $0.threshold(for: .junior)! } == [5.3, 1.0, 0.9, 5.8, 10.2, 2500, 2.4])
        #expect(quality.balance.cvLimits == [.primary: 0.50, .junior: 0.45])
        #expect(quality.balance.judged == .eachIndicator)
        #expect(quality.schoolRule == SchoolRule(minMet: 6, floorRatio: 0.85))
        #expect(Set(quality.facts.filter { $0.part == .government }.compactMap(\.item)) == Set(1...15))
        #expect(Set(quality.facts.filter { $0.part == .quality }.compactMap(\.item)) == Set(1...9))
        #expect(quality.facts.contains { $0.part == .recognition })
        #expect(quality.facts.contains { $0.part == .veto })

        let basic = try Standard.builtIn("basic-2012")
        #expect(basic.indicators.map(\.key) == [
            "teaching_area_per_student", "sports_area_per_student", "equipment_value_per_student",
            "computers_per100", "books_per_student", "teachers_per_student",
            "qualified_teachers_per_student", "senior_title_teachers_per_student",
        ])
        #expect(basic.balance.judged == .composite)
        #expect(basic.balance.cvLimits == [.primary: 0.65, .junior: 0.55])
        #expect(basic.schoolRule == nil)
    }

    @Test func aProvinceFileRoundTripsThroughTheSchema() throws {
        var custom = try Standard.builtIn("quality-2017")
        custom.key = "hebei-2019"
        custom.balance.cvRoundDecimals = 2
        custom.scope.teachingPoints = .mergeIntoParent
        let data = try JSONEncoder().encode(custom)
        #expect(try Standard.decode(data, source: "hebei.json") == custom)
    }

    @Test(arguments: [
        (#"{"key": 1}"#, "key: expected a string"),
        ("{", "not valid JSON"),
        (#"{"key":"x"}"#, "name: required key is missing"),
    ])
    func malformedFilesNameThePlace(json: String, expected: String) {
        #expect {
            try Standard.decode(Data(json.utf8), source: "bad.json")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("bad.json: ") && text.contains(expected)
        }
    }

    @Test func brokenRulesAreRefusedWithTheirPath() throws {
        let original = try String(contentsOf: Bundle.module.url(forResource: "quality-2017", withExtension: "json", subdirectory: "Standards")
            ?? URL(fileURLWithPath: "/nonexistent"), encoding: .utf8)
        let cases: [(String, String, String)] = [
            (#""scale": 100, "unit": "人", "thresholds": {"primary": 4.2"#, #""scale": -1, "unit": "人", "thresholds": {"primary": 4.2"#, "indicators[0].scale: must be a positive number"),
            (#""numerator": "qualified_teachers""#, #""numerator": "teachers_with_hats""#, "indicators[0].numerator"),
            (#""min_met": 6"#, #""min_met": 9"#, "school_rule.min_met"),
            (#""cv_limits": {"primary": 0.50, "junior": 0.45}"#, #""cv_limits": {"primary": 0.50}"#, "balance.cv_limits: a limit for junior is needed"),
            (#""key": "backbone_teachers_per100""#, #""key": "qualified_teachers_per100""#, "indicators[1].key: duplicate indicator key"),
            (#""check": "veto", "name": "存在以考试方式招生""#, #""check": "maybe", "name": "存在以考试方式招生""#, "check must be true, veto or compare"),
        ]
        for (find, replace, expected) in cases {
            #expect(original.contains(find), "fixture text \(find)")
            let broken = original.replacingOccurrences(of: find, with: replace)
            #expect {
                try Standard.decode(Data(broken.utf8), source: "province.json")
            } throws: { error in
                "\(error)".contains(expected)
            }
        }
    }

    @Test func roundingIsASettingOfTheFile() throws {
        // official-methods §2.1: 骨干教师 CV 0.501787 fails unrounded and passes at 2 decimals.
        var balance = try Standard.builtIn("quality-2017").balance
        #expect(!balance.passes(0.501787, stage: .primary))
        balance.cvRoundDecimals = 2
        #expect(balance.passes(0.501787, stage: .primary))
        balance.cvRoundDecimals = 3
        #expect(!balance.passes(0.501787, stage: .primary))
    }
}
