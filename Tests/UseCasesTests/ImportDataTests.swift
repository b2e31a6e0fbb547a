import Domain
import Foundation
import Interchange
import Storage
import Testing
import UseCases

@Suite("Importing with its authorisation")
struct ImportDataTests {
    static let files = ImportFiles(standard: DemoStore.standard, work: InlineWork())

    static func file(_ rows: [SchoolYear], name: String = "schools.csv") throws -> UploadedFile {
        UploadedFile(name: name, bytes: try SchoolsWriter().write(rows))
    }

    @Test func anAccountIsRefusedACountyItMayNotImportIntoAndNothingIsWritten() async throws {
        let fixture = try await DemoStore()
        var row = fixture.rows(county: fixture.countyB, year: 2025)[0]
        row.facilities.teachingArea = (row.facilities.teachingArea ?? 0) + 100
        let importing = ImportData(store: fixture.store)
        let refusal = try await #require(throws: ImportRefusal.self) {
            try await importing.run(Self.files, schools: try Self.file([row]), facts: nil, by: fixture.planner, at: DemoStore.time,
                                    language: .english)
        }
        #expect(refusal.message == "Your account may not import into county \(fixture.countyB).")
        let stored = await fixture.store.schoolYear(county: fixture.countyB, school: row.schoolCode, year: 2025)
        #expect(stored?.facilities.teachingArea == fixture.rows(county: fixture.countyB, year: 2025)[0].facilities.teachingArea)
        // A supervisor may not import at all: the routes ask before reading an upload.
        #expect(!ImportData.mayImport(fixture.supervisorB))
        #expect(ImportData.mayImport(fixture.clerk) && ImportData.mayImport(fixture.planner))
    }

    @Test func aClerkImportsOnlyTheirSchoolAndNotItsClassification() async throws {
        let fixture = try await DemoStore()
        let importing = ImportData(store: fixture.store)
        let rows = fixture.rows(county: fixture.countyA, year: 2025)
        var own = try #require(rows.first { $0.schoolCode == fixture.clerk.schoolCode })
        let other = try #require(rows.first { $0.schoolCode != fixture.clerk.schoolCode })
        let batch = ImportBatch(schools: [other], facts: [], source: "x.csv")
        await #expect(throws: ImportRefusal.self) { try await importing.authorise(batch, by: fixture.clerk, language: .english) }

        own.locality = own.locality == .rural ? .urban : .rural
        let reclassified = try await #require(throws: ImportRefusal.self) {
            try await importing.authorise(ImportBatch(schools: [own], facts: [], source: "x.csv"), by: fixture.clerk, language: .chinese)
        }
        #expect(reclassified.message.contains("只能由县级规划人员修改"))
        // The planner of the county may.
        try await importing.authorise(ImportBatch(schools: [own], facts: [], source: "x.csv"), by: fixture.planner, language: .english)
    }

    @Test func anAllowedImportIsWrittenWithItsWarnings() async throws {
        let fixture = try await DemoStore()
        var row = fixture.rows(county: fixture.countyA, year: 2025)[0]
        row.facilities.sportsArea = (row.facilities.sportsArea ?? 0) + 1
        let outcome = try await ImportData(store: fixture.store).run(
            Self.files, schools: try Self.file([row]), facts: nil, by: fixture.planner, at: DemoStore.time, language: .english)
        #expect(outcome.receipt.changed == 1 && outcome.receipt.added == 0)
        #expect(await fixture.store.schoolYear(county: row.countyCode, school: row.schoolCode, year: 2025)?.facilities.sportsArea == row.facilities.sportsArea)
    }

    @Test func badFilesAreRefusedWithEveryProblem() async throws {
        let bad = UploadedFile(name: "bad.csv", bytes: Array("年度,县区代码\nabc,1\n".utf8))
        let error = try await #require(throws: ImportFileError.self) {
            try await Self.files.read(schools: bad, facts: nil, language: .english)
        }
        #expect(!error.problems.isEmpty && error.problems.allSatisfy { $0.file == "bad.csv" })
        #expect(error.message(in: .english).hasPrefix("The file has \(error.problems.count) error(s)"))

        let empty = try Self.file([], name: "empty.csv")
        let none = try await #require(throws: ImportFileError.self) { try await Self.files.read(schools: empty, facts: nil, language: .english) }
        #expect(none.problems.isEmpty && none.message(in: .english) == "The file has no data rows; nothing was imported.")
    }
}
