import Domain
import Interchange
import Planning
import Testing
import UseCases

@Suite("Planning teacher rotation")
struct PlanRotationTests {
    static func teachersFile(_ fixture: DemoStore) throws -> (UploadedFile, [Teacher]) {
        let teachers = fixture.demo.teachers(of: fixture.demo.generate())
        return (UploadedFile(name: "teachers.csv", bytes: try TeachersWriter().write(teachers)), teachers)
    }

    @Test func anUploadIsPlannedAsTheCommandPlansItsFiles() async throws {
        let fixture = try await DemoStore()
        let (file, teachers) = try Self.teachersFile(fixture)
        let chosen = try await LoadCountyYear(store: fixture.store).choose(county: fixture.countyA, year: 2025)
        let rotation = try await PlanRotation.plan(chosen, teachers: file, rules: nil, store: fixture.store, work: InlineWork(), language: .english)

        let schools = fixture.rows(county: fixture.countyA, year: 2025)
        let codes = Set(schools.map(\.schoolCode))
        let read = try TeachersReader(referenceYear: 2025).read(file.bytes, file: file.name).teachers.filter { codes.contains($0.schoolCode) }
        let direct = PlanRotation().plan(schools: schools, teachers: read, year: 2025)
        #expect(rotation.plan == direct.plan && rotation.record == direct.record && rotation.differences == direct.differences)
        #expect(rotation.teachers == read && rotation.rules == .defaults)
        // The other county's teachers are left out, with a warning naming how many.
        let outside = teachers.count - read.count
        #expect(outside > 0)
        #expect(rotation.warnings.contains { $0.contains("\(outside) teacher(s) of schools not in the county's 2025 rows") })
    }

    @Test func rulesAreReadWithEveryProblemAtItsKey() async throws {
        let fixture = try await DemoStore()
        let (file, _) = try Self.teachersFile(fixture)
        let chosen = try await LoadCountyYear(store: fixture.store).choose(county: fixture.countyA, year: nil)
        let rules = UploadedFile(name: "rules.json", bytes: Array(#"{"min_share_of_eligible": "lots"}"#.utf8))
        let error = try await #require(throws: RotationFileError.self) {
            try await PlanRotation.plan(chosen, teachers: file, rules: rules, store: fixture.store, work: InlineWork(), language: .english)
        }
        #expect(error.lines == ["rules.json: min_share_of_eligible: has the wrong type: it must be a number"])

        let strict = UploadedFile(name: "rules.json", bytes: Array(#"{"min_share_of_eligible": 0.3, "note": "x"}"#.utf8))
        let made = try await PlanRotation.plan(chosen, teachers: file, rules: strict, store: fixture.store, work: InlineWork(), language: .english)
        #expect(made.rules.minShareOfEligible == 0.3)
        #expect(made.warnings.contains { $0.hasPrefix("rules.json: unknown rules key note") })
    }

    @Test func teachersOfNoSchoolOfTheCountyAreRefused() async throws {
        let fixture = try await DemoStore()
        let (_, teachers) = try Self.teachersFile(fixture)
        let codesA = Set(fixture.rows(county: fixture.countyA, year: 2025).map(\.schoolCode))
        let others = UploadedFile(name: "b.csv", bytes: try TeachersWriter().write(teachers.filter { !codesA.contains($0.schoolCode) }))
        let chosen = try await LoadCountyYear(store: fixture.store).choose(county: fixture.countyA, year: nil)
        let error = try await #require(throws: RotationFileError.self) {
            try await PlanRotation.plan(chosen, teachers: others, rules: nil, store: fixture.store, work: InlineWork(), language: .english)
        }
        #expect(error.problems.count == 1 && error.problems[0].file == "b.csv")
        #expect(error.message(in: .english).hasPrefix("The upload has 1 error(s)"))
    }
}
