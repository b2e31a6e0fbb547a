import Domain
import Foundation
import Storage
import Testing

/// What every ``CareDataStore`` promises (memory, SQLite, PostgreSQL): a register, a ledger and
/// cohorts read back exactly and in order; a write changes only what changed, records it in
/// the trail — children by id and column, never a personal value — and moves the county's
/// data revision; a refused write changes nothing; a personal read is recorded.
@Suite("Care data store contract")
struct CareDataContractTests {
    static let t0 = Date(timeIntervalSince1970: 1_798_736_400)
    static let county = "341102"

    static func children() -> [Child] {
        [
            Child(id: "G2", name: "欧阳娜娜", gender: .female, birthDate: CalendarDate(year: 2016, month: 2, day: 29)!, countyCode: county, year: 2026,
                  schoolCode: "S2", grade: 4, classId: "4-1", leftBehind: .oneParentAway, migrant: true, disability: .hearing, placement: .regularClass,
                  poverty: true, orphan: true, guardian: "欧阳奶奶", guardianPhone: "0551-12345678", address: "<b>村</b>", partner: "T9"),
            Child(id: "G1", name: "张三", birthDate: CalendarDate(year: 2012, month: 3, day: 5)!, countyCode: county, year: 2026),
            Child(id: "G10", name: "李四", birthDate: CalendarDate(year: 2014, month: 1, day: 1)!, countyCode: county, year: 2026,
                  disability: .multiple, placement: .homeTeaching),
        ]
    }

    func withStore(_ kind: StoreKind, _ body: (any Store, Account) async throws -> Void) async throws {
        let (store, close) = try await kind.makeStore()
        do {
            let officer = try await store.createAccount(
                NewAccount(name: "王关爱", role: .careOfficer, counties: [Self.county], passwordHash: "$2b$04$x"), at: Self.t0)
            try await body(store, officer)
        } catch {
            try await close()
            throw error
        }
        try await close()
    }

    @Test(arguments: StoreKind.allCases)
    func theRegisterReadsBackExactlyAndItsChangesAreAuditedWithoutPersonalValues(kind: StoreKind) async throws {
        try await withStore(kind) { store, officer in
            let revision = try await store.dataRevision(county: Self.county)
            let changes = try await store.replaceChildren(county: Self.county, year: 2026, children: Self.children(), by: officer, at: Self.t0)
            #expect(changes.before == 0 && changes.after == 3 && changes.children.map(\.id) == ["G1", "G10", "G2"])
            #expect(try await store.children(county: Self.county, year: 2026) == Self.children().sorted { $0.id < $1.id })
            #expect(try await store.children(county: Self.county, year: 2025).isEmpty)
            #expect(try await store.dataRevision(county: Self.county) > revision)
            // The same register again changes nothing and records nothing.
            let trail = try await store.auditTrail(AuditQuery()).total
            #expect(try await store.replaceChildren(county: Self.county, year: 2026, children: Self.children(), by: officer, at: Self.t0).isEmpty)
            #expect(try await store.auditTrail(AuditQuery()).total == trail)
            // Rename one, move another, drop the third.
            var next = Self.children()
            next[0].name = "欧阳娜"
            next[0].schoolCode = "S3"
            next.remove(at: 2)
            let second = try await store.replaceChildren(county: Self.county, year: 2026, children: next, by: officer, at: Self.t0)
            #expect(second.children.map(\.id) == ["G10", "G2"])
            let entries = try await store.auditTrail(AuditQuery(limit: 3)).entries
            #expect(entries.map(\.field) == ["child:G2", "child:G10", "child_count"])
            #expect(entries.map(\.newValue) == ["name,school_code", nil, "2"])
            #expect(entries[1].oldValue == "removed")
            let all = try await store.auditTrail(AuditQuery()).entries
            #expect(all.allSatisfy { $0.action != .careData || ![$0.oldValue, $0.newValue, $0.note].contains { $0?.contains("欧阳") == true } })
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aRefusedRegisterWritesNothing(kind: StoreKind) async throws {
        try await withStore(kind) { store, officer in
            var twice = Self.children()
            twice.append(twice[0])
            await #expect(throws: StoreError.self) {
                _ = try await store.replaceChildren(county: Self.county, year: 2026, children: twice, by: officer, at: Self.t0)
            }
            var other = Self.children()
            other[1].year = 2025
            await #expect(throws: StoreError.self) {
                _ = try await store.replaceChildren(county: Self.county, year: 2026, children: other, by: officer, at: Self.t0)
            }
            let register = try await store.children(county: Self.county, year: 2026)
            let total = try await store.auditTrail(AuditQuery()).total
            #expect(register.isEmpty && total == 0)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func dropoutCasesAreSavedCaseByCase(kind: StoreKind) async throws {
        try await withStore(kind) { store, officer in
            let opened = CalendarDate(year: 2026, month: 9, day: 10)!
            var open = DropoutCase(childID: "G1", countyCode: Self.county, schoolCode: "S1", status: .persuading, opened: opened, reason: "厌学",
                                   visits: [FollowUp(date: CalendarDate(year: 2026, month: 9, day: 20)!, visitor: "王老师", outcome: "家长同意"),
                                            FollowUp(date: CalendarDate(year: 2026, month: 9, day: 12)!, visitor: "村干部", outcome: "未见")])
            let other = DropoutCase(childID: "G0", countyCode: Self.county, status: .suspected, opened: opened)
            #expect(try await store.saveDropoutCases(county: Self.county, cases: [open, other], by: officer, at: Self.t0).count == 2)
            var stored = try await store.dropoutCases(county: Self.county)
            #expect(stored.map(\.childID) == ["G0", "G1"])
            #expect(stored[1].visits.map(\.visitor) == ["村干部", "王老师"])
            // Closed: one more visit, the status and date; the other case stays.
            open.visits.append(FollowUp(date: CalendarDate(year: 2026, month: 10, day: 8)!, visitor: "校长", outcome: "已返校"))
            open.status = .returned
            open.closed = CalendarDate(year: 2026, month: 10, day: 8)
            #expect(try await store.saveDropoutCases(county: Self.county, cases: [open], by: officer, at: Self.t0).count == 1)
            stored = try await store.dropoutCases(county: Self.county)
            #expect(stored.count == 2 && stored[1].isClosed && stored[1].visits.count == 3)
            let entry = try await store.auditTrail(AuditQuery(limit: 1)).entries[0]
            #expect(entry.action == .dropoutCase && entry.oldValue == "persuading" && entry.newValue == "returned" && entry.note == "visits 2→3")
            var bad = open
            bad.closed = nil
            await #expect(throws: StoreError.self) { _ = try await store.saveDropoutCases(county: Self.county, cases: [bad], by: officer, at: Self.t0) }
            #expect(try await store.dropoutCases(county: Self.county) == stored)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func cohortsAndPersonalReads(kind: StoreKind) async throws {
        try await withStore(kind) { store, officer in
            let cohorts = [
                CohortRecord(countyCode: Self.county, schoolCode: "S2", year: 2026, entrants: 100, graduates: nil, transfersIn: 2, transfersOut: 4),
                CohortRecord(countyCode: Self.county, schoolCode: "S1", year: 2026, entrants: 200, graduates: 190, transfersIn: 4, transfersOut: 5, deaths: 1),
            ]
            #expect(try await store.replaceCohorts(county: Self.county, year: 2026, cohorts: cohorts, by: officer, at: Self.t0) == 2)
            #expect(try await store.cohorts(county: Self.county) == cohorts.reversed())
            #expect(try await store.replaceCohorts(county: Self.county, year: 2026, cohorts: cohorts, by: officer, at: Self.t0) == 0)
            var impossible = cohorts
            impossible[0].graduates = 99
            await #expect(throws: StoreError.self) {
                _ = try await store.replaceCohorts(county: Self.county, year: 2026, cohorts: impossible, by: officer, at: Self.t0)
            }
            try await store.recordPersonalRead(PersonalRead(county: Self.county, year: 2026, school: "S1", childIDs: ["G1", "G2"], purpose: "export children.csv"),
                                               by: officer, at: Self.t0)
            let entry = try await store.auditTrail(AuditQuery(limit: 1)).entries[0]
            #expect(entry.action == .personalRead && entry.schoolCode == "S1" && entry.field == "export children.csv")
            #expect(entry.newValue == "G1,G2" && entry.note == "2" && entry.accountName == "王关爱")
        }
    }
}
