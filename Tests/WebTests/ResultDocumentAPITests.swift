import Domain
import Foundation
import Planning
import Reports
import Testing
import UseCases
@testable import Web

/// The API answers a result with the document the command line writes for it: the same
/// bytes for an evaluation and a plan (`junheng evaluate|plan invest --format json` write
/// `JSONValue(encoding:)` of the same document), and for a rotation the same document with
/// the rules and warnings after it.
@Suite("Result documents in the API")
struct ResultDocumentAPITests {
    @Test func theEvaluationIsTheCommandsDocument() async throws {
        let fixture = try await WebFixture()
        let rows = await fixture.store.schoolYears(county: fixture.countyA, year: 2025)
        let facts = await fixture.store.facts(year: 2025, counties: [fixture.countyA])
        // As `junheng evaluate` evaluates: the items the rows decide computed over the typed facts.
        let result = try #require(EvaluateCounties(standard: WebFixture.standard).evaluate(rows, facts: facts, year: nil, county: nil).results.first)
        #expect(result.facts.contains { $0.fact?.source == .computed })
        let document = EvaluationDocument([result], standard: WebFixture.standard, language: .english)
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let answer = try await planner.api("/api/counties/\(fixture.countyA)/years/2025/evaluation?lang=en")
            #expect(answer.status == .ok)
            #expect(answer.text == (try JSONValue(encoding: document).serialized()))
            #expect(try JSONDecoder().decode(EvaluationDocument.self, from: Data(answer.text.utf8)) == document)
        }
    }

    @Test func thePlanIsTheCommandsDocument() async throws {
        let fixture = try await WebFixture()
        let rows = await fixture.store.schoolYears(county: fixture.countyA, year: 2025)
        let plan = try await fixture.plan(county: fixture.countyA, year: 2025)
        let budgets = [YearBudget(year: 2026, budget: 5_000_000), YearBudget(year: 2027, budget: 5_000_000)]
        let schedule = try BudgetSchedule(plan: plan, budgets: budgets, standard: WebFixture.standard, schools: rows)
        try await fixture.test { client in
            var supervisor = try await Browser.signedIn(client, as: "supervisor")
            for (query, schedule) in [("", nil), ("&budget=2026:5000000,2027:5000000", schedule)] {
                let answer = try await supervisor.api("/api/counties/\(fixture.countyA)/plan?year=2025" + query)
                #expect(answer.status == .ok)
                let document = InvestmentPlanDocument(plan, schedule: schedule, standard: WebFixture.standard, language: .chinese)
                #expect(answer.text == (try JSONValue(encoding: document).serialized()), "\(query)")
                #expect(try JSONDecoder().decode(InvestmentPlanDocument.self, from: Data(answer.text.utf8)) == document)
            }
        }
    }

    @Test func theRotationIsTheCommandsDocumentThenTheRulesAndWarnings() async throws {
        let fixture = try await WebFixture()
        let rows = await fixture.store.schoolYears(county: fixture.countyA, year: 2025)
        let teachers = fixture.teachers(of: fixture.countyA)
        let plan = await fixture.rotation(county: fixture.countyA, teachers: teachers)
        let moves = Dictionary(plan.moves.map { ($0.teacherID, $0.to) }, uniquingKeysWith: { a, _ in a })
        let record = RuralServiceRecord(teachers: teachers, schools: rows, rules: .defaults, moves: moves)
        let document = RotationPlanDocument(
            plan, ruralService: record, differences: TeacherCountDifference.between(rows, teachers), schools: rows)
        try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let answer = try await planner.postRotate(
                "/api/counties/\(fixture.countyA)/rotate", teachers: ("teachers.csv", RotatePageTests.csv(teachers)), asHeader: true)
            #expect(answer.status == .ok)
            #expect(try JSONDecoder().decode(RotationPlanDocument.self, from: Data(answer.text.utf8)) == document)
            // The document's bytes, its closing brace replaced by the two members after it.
            let text = try JSONValue(encoding: document).serialized()
            #expect(answer.text.hasPrefix(String(text.dropLast(2)) + ",\n  \"rules\": {\n"))
            #expect(answer.text.hasSuffix("\n  \"warnings\": []\n}"))
            let rules = try #require(answer.json["rules"] as? [String: Any])
            #expect(rules["min_share_of_eligible"] as? Double == 0.1)
            #expect((rules["students_per_teacher"] as? [String: Any])?["junior"] as? Double == 13.5)
        }
    }

    /// Each object of the answers has exactly the members its OpenAPI schema lists, all required.
    @Test func theOpenAPISchemasListTheDocumentsMembers() async throws {
        let check = try await OpenAPITests.memberCheck()
        let fixture = try await WebFixture()
        let teachers = RotatePageTests.csv(fixture.teachers(of: fixture.countyA))
        let (planText, rotationText) = try await fixture.test { client in
            var planner = try await Browser.signedIn(client, as: "planner")
            let plan = try await planner.api("/api/counties/\(fixture.countyA)/plan?year=2025&budget=2026:5000000,2027:5000000")
            let rotation = try await planner.postRotate("/api/counties/\(fixture.countyA)/rotate", teachers: ("t.csv", teachers), asHeader: true)
            return (plan.text, rotation.text)
        }
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(planText.utf8)) as? [String: Any])
        check(plan, "InvestmentPlan")
        check(plan["before"], "ResourceCheck")
        check((plan["gaps"] as? [Any])?.first, "PlanGap")
        check((plan["items"] as? [Any])?.first, "PlanItem")
        check((plan["cv"] as? [Any])?.first, "PlanCV")
        check(plan["schedule"], "BudgetSchedule")
        check(((plan["schedule"] as? [String: Any])?["years"] as? [Any])?.first, "ScheduledYear")
        let rotation = try #require(try JSONSerialization.jsonObject(with: Data(rotationText.utf8)) as? [String: Any])
        check(rotation, "RotationPlan")
        for (key, name) in [("cvs", "RotationCV"), ("objective", "RotationObjectiveTerm"), ("title_structure", "RotationTitleStructure"),
                            ("moves", "RotationMove"), ("schools", "RotationSchool")] {
            check((rotation[key] as? [Any])?.first, name)
        }
        check(rotation["rural_service"], "RuralServiceRecord")
        check(((rotation["schools"] as? [Any])?.first as? [String: Any])?["before"], "RotationCounts")
    }
}
