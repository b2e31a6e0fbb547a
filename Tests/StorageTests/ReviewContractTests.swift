import Demo
import Domain
import Foundation
import Storage
import Testing

/// What every ``ReviewStore`` promises: a clerk's save leaves the approved row as it was; a
/// submission goes draft → submitted → returned (comments kept) → submitted → approved, and
/// only the approval changes the row the evaluation reads; each step is in the trail; a step
/// its status does not allow changes nothing; a locked year refuses every step; a year with
/// rows under review locks only with a reason.
@Suite("Review store contract")
struct ReviewContractTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)
    static let rows = DemoGenerator(seed: 7, counties: 1, year: 2025).schools()

    @Test(arguments: StoreKind.allCases)
    func aClerksRowCountsOnlyOnceApproved(kind: StoreKind) async throws {
        let (store, close) = try await kind.makeStore()
        do {
            let admin = try await store.createAccount(NewAccount(name: "admin", role: .admin, passwordHash: "$2b$04$x"), at: Self.t0)
            _ = try await store.importData(ImportBatch(schools: Self.rows, source: "demo.csv"), by: admin, at: Self.t0)
            let approved = Self.rows[0]
            let (county, school, year) = (approved.countyCode, approved.schoolCode, approved.year)
            let clerk = try await store.createAccount(
                NewAccount(name: "王填报", role: .clerk, counties: [county], schoolCode: school, passwordHash: "$2b$04$x"), at: Self.t0)
            let planner = try await store.createAccount(
                NewAccount(name: "李审核", role: .planner, counties: [county], passwordHash: "$2b$04$x"), at: Self.t0)
            let revision = try await store.dataRevision(county: county)

            var draft = approved
            draft.facilities.sportsArea = 1234.5
            draft.facilities.computers = 77
            let changes = try await store.saveSubmissions([draft], by: clerk, at: Self.t0)
            #expect(Set(changes.map(\.field)) == [.sportsArea, .computers])
            #expect(try await store.schoolYear(county: county, school: school, year: year) == approved)
            #expect(try await store.dataRevision(county: county) == revision)
            var saved = try #require(try await store.submission(county: county, school: school, year: year))
            #expect(saved.status == .draft && saved.row == draft && saved.savedBy == "王填报")

            // Approving a draft, or returning it, is not a step from draft.
            await #expect(throws: StoreError.self) { _ = try await store.review(.approve, county: county, school: school, year: year, by: planner, at: Self.t0) }
            _ = try await store.review(.submit, county: county, school: school, year: year, by: clerk, at: Self.t0)
            await #expect(throws: StoreError.self) { _ = try await store.review(.submit, county: county, school: school, year: year, by: clerk, at: Self.t0) }
            await #expect(throws: StoreError.self) {
                _ = try await store.review(.returnRow(comments: [:], note: "  "), county: county, school: school, year: year, by: planner, at: Self.t0)
            }
            _ = try await store.review(.returnRow(comments: [.sportsArea: "体育场馆面积与去年相差过大，请核实"], note: nil),
                                       county: county, school: school, year: year, by: planner, at: Self.t0.addingTimeInterval(60))
            saved = try #require(try await store.submission(county: county, school: school, year: year))
            #expect(saved.status == .returned && saved.comments == [.sportsArea: "体育场馆面积与去年相差过大，请核实"] && saved.reviewedBy == "李审核")

            // The clerk corrects: the comment stays beside the field until the next review.
            draft.facilities.sportsArea = 2345
            _ = try await store.saveSubmissions([draft], by: clerk, at: Self.t0.addingTimeInterval(120))
            saved = try #require(try await store.submission(county: county, school: school, year: year))
            #expect(saved.status == .draft && saved.comments[.sportsArea] != nil && saved.row.facilities.sportsArea == 2345)
            _ = try await store.review(.submit, county: county, school: school, year: year, by: clerk, at: Self.t0)
            #expect(try await store.submissions(county: county, year: year).map(\.status) == [.submitted])

            // A year with a row under review locks only with a reason.
            await #expect(throws: StoreError.self) { _ = try await store.lockYear(county: county, year: year, by: planner, at: Self.t0) }
            #expect(try await store.locks(county: county).isEmpty)

            let applied = try await store.review(.approve, county: county, school: school, year: year, by: planner, at: Self.t0.addingTimeInterval(180))
            #expect(Set(applied.map(\.field)) == [.sportsArea, .computers])
            #expect(try await store.schoolYear(county: county, school: school, year: year) == draft)
            #expect(try await store.submissions(county: county, year: year).isEmpty)
            #expect(try await store.dataRevision(county: county) > revision)

            let actions = try await store.auditTrail(AuditQuery(counties: [county], schoolCode: school)).entries.reversed().map(\.action)
            #expect(Array(actions.drop { $0 != .draftRow }) == [
                .draftRow, .draftRow, .submitRow, .returnRow, .draftRow, .submitRow, .approveRow, .edit, .edit,
            ])
            let returned = try await store.auditTrail(AuditQuery(counties: [county], schoolCode: school)).entries.first { $0.action == .returnRow }
            #expect(returned?.field == "sports_area" && returned?.note == "体育场馆面积与去年相差过大，请核实")
            _ = try await store.lockYear(county: county, year: year, by: planner, at: Self.t0)
        } catch {
            try await close()
            throw error
        }
        try await close()
    }

    @Test(arguments: StoreKind.allCases)
    func aLockedYearRefusesEveryStepAndAReasonOverridesTheReview(kind: StoreKind) async throws {
        let (store, close) = try await kind.makeStore()
        do {
            let admin = try await store.createAccount(NewAccount(name: "admin", role: .admin, passwordHash: "$2b$04$x"), at: Self.t0)
            _ = try await store.importData(ImportBatch(schools: Self.rows, source: "demo.csv"), by: admin, at: Self.t0)
            let approved = Self.rows[1]
            let (county, school) = (approved.countyCode, approved.schoolCode)
            // A new year only the clerk has filled in: approving it adds the row.
            var next = approved
            next.year = 2026
            // A row saved as approved leaves nothing to review.
            #expect(try await store.saveSubmissions([approved], by: admin, at: Self.t0).isEmpty)
            #expect(try await store.submissions(county: county, year: 2025).isEmpty)
            var changed = approved
            changed.facilities.sportsArea = 999
            _ = try await store.saveSubmissions([changed, next], by: admin, at: Self.t0)
            #expect(try await store.submissions(county: county, year: 2026).map(\.row) == [next])
            _ = try await store.review(.submit, county: county, school: school, year: 2026, by: admin, at: Self.t0)
            let added = try await store.review(.approve, county: county, school: school, year: 2026, by: admin, at: Self.t0)
            #expect(added.count == next.reportedFields.count && added.allSatisfy { $0.old == nil })
            #expect(try await store.schoolYear(county: county, school: school, year: 2026) == next)

            // Locking over the draft of 2025 needs a reason, which the trail keeps.
            await #expect(throws: StoreError.self) { _ = try await store.lockYear(county: county, year: 2025, reason: " ", by: admin, at: Self.t0) }
            let tooLong = String(repeating: "理", count: ReviewLimits.reasonCharacters + 1)
            await #expect(throws: StoreError.self) { _ = try await store.lockYear(county: county, year: 2025, reason: tooLong, by: admin, at: Self.t0) }
            _ = try await store.lockYear(county: county, year: 2025, reason: "督导评估报送截止，学校未按时提交", by: admin, at: Self.t0)
            let lock = try await store.auditTrail(AuditQuery(counties: [county])).entries.first { $0.action == .lock }
            #expect(lock?.note == "督导评估报送截止，学校未按时提交")

            let before = try await store.auditTrail(AuditQuery()).total
            await #expect(throws: StoreError.self) { _ = try await store.saveSubmissions([changed], by: admin, at: Self.t0) }
            await #expect(throws: StoreError.self) { _ = try await store.review(.submit, county: county, school: school, year: 2025, by: admin, at: Self.t0) }
            #expect(try await store.auditTrail(AuditQuery()).total == before)
            #expect(try await store.submissions(county: county, year: 2025).map(\.status) == [.draft])
            await #expect(throws: StoreError.self) {
                _ = try await store.review(.submit, county: county, school: "no-such-school", year: 2026, by: admin, at: Self.t0)
            }
        } catch {
            try await close()
            throw error
        }
        try await close()
    }
}
