import Domain
import Interchange
import Planning
import Testing
import UseCases

@Suite("What-if edits")
struct EvaluateWhatifTests {
    /// One county's rows of the demo and a primary school of it (not a teaching point).
    static func county() throws -> (rows: [SchoolYear], school: SchoolYear) {
        let all = try DemoFixture.rows()
        let rows = all.filter { $0.countyCode == all[0].countyCode }
        return (rows, try #require(rows.first { $0.type == .primary }))
    }

    @Test func theEditedCopyIsEvaluatedAndTheRowsAreNot() throws {
        let (rows, school) = try Self.county()
        let whatif = try EvaluateWhatif(standard: DemoStore.standard).evaluate(rows, edits: [
            (school.schoolCode, "teaching_area", "99999"),
            (school.schoolCode, "图书册数", "123456"),
        ], language: .chinese)
        let evaluator = Evaluator(standard: DemoStore.standard)
        #expect(whatif.before == evaluator.evaluateCounty(rows, facts: nil))
        var edited = school
        edited.facilities.teachingArea = 99999
        edited.facilities.books = 123_456
        #expect(whatif.edited.count == 1)
        #expect(whatif.edited.first?.before == school && whatif.edited.first?.after == edited)
        #expect(whatif.edited.first.map { $0.after.changes(from: $0.before).map(\.field) } == [.teachingArea, .books])
        let copy = rows.map { $0.schoolCode == school.schoolCode ? edited : $0 }
        #expect(whatif.after == evaluator.evaluateCounty(copy, facts: nil))
        #expect(whatif.after != whatif.before)
    }

    @Test func aLaterEditOfTheSameFieldWins() throws {
        let (rows, school) = try Self.county()
        let whatif = try EvaluateWhatif(standard: DemoStore.standard).evaluate(rows, edits: [
            (school.schoolCode, "computers", "1"),
            (school.schoolCode, "computers", "2"),
        ], language: .english)
        #expect(whatif.edited.count == 1 && whatif.edited.first?.after.facilities.computers == 2)
    }

    @Test func refusals() throws {
        let (rows, school) = try Self.county()
        let whatif = EvaluateWhatif(standard: DemoStore.standard)
        func refusal(_ edits: [(String, String, String)]) -> WhatifError? {
            do { _ = try whatif.evaluate(rows, edits: edits, language: .english); return nil } catch { return error }
        }
        #expect(refusal([])?.message(in: .english) == "give at least one edit")
        let unknown = refusal([(school.schoolCode, "nonsense", "1")])
        #expect(unknown?.message(in: .english) == "'nonsense' is not a school field that can be changed" && unknown?.problems == [])
        // Identity fields identify the row: not a field to change.
        #expect(refusal([(school.schoolCode, "school_code", "1")])?.message(in: .english)
            == "'school_code' is not a school field that can be changed")
        #expect(refusal([("0000000000", "teaching_area", "1")])?.message(in: .english)
            == "no school 0000000000 in the chosen county and year")
        // A value is checked by the rules of a schools file: every problem, at its column.
        let negative = try #require(refusal([(school.schoolCode, "teaching_area", "-5")]))
        #expect(negative.problems.count == 1 && negative.problems.first?.column == SchoolField.teachingArea.chineseName)
        #expect(negative.message(in: .chinese) == "修改有 1 处错误")
    }
}
