import Demo
import Domain
import Foundation
import Interchange
import Storage
import Testing

/// The behaviour every ``Store`` promises, run against each ``StoreKind``.
@Suite("Store contract")
struct StoreContractTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    /// Two demo counties' rows for 2025, with the same schools again in 2024.
    static let demo: [SchoolYear] = {
        let rows = DemoGenerator(seed: 7, counties: 2, year: 2025).schools()
        return rows + rows.map { var r = $0; r.year = 2024; return r }
    }()
    static let demoFacts = DemoGenerator(seed: 7, counties: 2, year: 2025).facts()

    func withStore(_ kind: StoreKind, _ body: (any Store, Account) async throws -> Void) async throws {
        let (store, close) = try await kind.makeStore()
        do {
            let admin = try await store.createAccount(
                NewAccount(name: "admin", role: .admin, passwordHash: "$2b$04$x"), at: Self.t0
            )
            try await body(store, admin)
        } catch {
            try await close()
            throw error
        }
        try await close()
    }

    @Test(arguments: StoreKind.allCases)
    func importedRowsReadBackEqual(kind: StoreKind) async throws {
        try await withStore(kind) { store, admin in
            let receipt = try await store.importData(
                ImportBatch(schools: Self.demo, facts: Self.demoFacts, source: "demo.csv"), by: admin, at: Self.t0
            )
            #expect(receipt == ImportReceipt(added: Self.demo.count, facts: Self.demoFacts.count))
            let counties = try await store.counties()
            let codes = Set(Self.demo.map(\.countyCode)).sorted()
            #expect(counties.map(\.code) == codes)
            #expect(counties.allSatisfy { $0.years == [2024, 2025] && $0.name != nil })
            for code in codes {
                let expected = Self.demo.filter { $0.countyCode == code && $0.year == 2025 }
                    .sorted { $0.schoolCode < $1.schoolCode }
                #expect(try await store.schoolYears(county: code, year: 2025) == expected)
            }
            #expect(try await store.schoolYears(year: 2024, counties: nil).count == Self.demo.count / 2)
            #expect(try await store.schoolYears(year: 2024, counties: [codes[0]]).allSatisfy { $0.countyCode == codes[0] })
            let facts = try await store.facts(year: 2025, counties: nil)
            #expect(Set(facts) == Set(Self.demoFacts))
            let one = Self.demo[3]
            #expect(try await store.schoolYear(county: one.countyCode, school: one.schoolCode, year: one.year) == one)
            #expect(try await store.schoolYear(county: "999999", school: one.schoolCode, year: one.year) == nil)
            #expect(try await store.schoolHistory(county: one.countyCode, school: one.schoolCode).map(\.year) == [2024, 2025])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func everyFieldKindSurvivesStorage(kind: StoreKind) async throws {
        // Extremes of each field kind: the largest count, fractional and huge amounts,
        // unicode text, a missing coordinate, every enumeration.
        var rows: [SchoolYear] = []
        for (i, type) in SchoolType.allCases.enumerated() {
            rows.append(SchoolYear(
                year: 2025, countyCode: "110101", countyName: i == 0 ? nil : "东城区·测试 \"引号\"",
                schoolCode: String(format: "S%03d", i), schoolName: "学校 \(i) — ünïcode", type: type,
                parentSchoolCode: type == .teachingPoint ? "S000" : nil,
                locality: Locality.allCases[i % 3], ownership: i % 2 == 0 ? .public : .private,
                boarding: i % 3 == 0 ? nil : i % 3 == 1,
                coordinate: i % 2 == 0 ? Coordinate(longitude: 116.123456789, latitude: -39.9) : nil,
                primary: StageRecord(students: StoredCount.maximum, classes: 0, largestClass: nil, teachers: 12,
                                     qualifiedTeachers: 11, backboneTeachers: 0, peArtTeachers: 1, seniorTitleTeachers: nil),
                junior: StageRecord(students: i, classes: 1),
                seniorStudents: i == 4 ? 300 : nil,
                facilities: Facilities(teachingArea: 1234.5678, sportsArea: 0, equipmentValue: 98_765_432.1,
                                       multimediaRooms: 3, computers: nil, books: 20_000, musicRooms: 1, artRooms: 0),
                publicFunds: 1e9 + 0.25, trainingFunds: nil
            ))
        }
        try await withStore(kind) { store, admin in
            _ = try await store.importData(ImportBatch(schools: rows, source: "edge.csv"), by: admin, at: Self.t0)
            #expect(try await store.schoolYears(county: "110101", year: 2025) == rows)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func reimportReplacesChangedRowsAndRecordsEachField(kind: StoreKind) async throws {
        try await withStore(kind) { store, admin in
            let first = Array(Self.demo.prefix(5))
            _ = try await store.importData(ImportBatch(schools: first, source: "a.csv"), by: admin, at: Self.t0)
            var second = first
            second[1].facilities.teachingArea = 999.5
            second[1].schoolName = "新名称"
            second[2].primary.backboneTeachers = nil
            let extra = Self.demo[10]
            let receipt = try await store.importData(
                ImportBatch(schools: second + [extra], source: "b.xlsx"), by: admin, at: Self.t0.addingTimeInterval(60)
            )
            #expect(receipt == ImportReceipt(added: 1, changed: 2, unchanged: 3))
            #expect(try await store.schoolYear(county: second[1].countyCode, school: second[1].schoolCode, year: 2025) == second[1])
            // Other years of the same schools stay.
            #expect(try await store.schoolYears(year: 2024, counties: nil).isEmpty)
            let page = try await store.auditTrail(AuditQuery(schoolCode: second[1].schoolCode))
            let changed = page.entries.filter { $0.action == .importChange }
            #expect(Set(changed.map(\.field)) == ["teaching_area", "school_name"])
            let area = try #require(changed.first { $0.field == "teaching_area" })
            #expect(area.newValue == "999.5")
            #expect(area.oldValue == first[1].facilities.teachingArea.map { FieldValue.decimal($0).text })
            #expect(area.accountName == "admin")
            #expect(area.at == Self.t0.addingTimeInterval(60))
            let removed = try await store.auditTrail(AuditQuery(schoolCode: second[2].schoolCode)).entries
                .first { $0.field == "backbone_primary" }
            #expect(removed?.newValue == nil && removed?.oldValue != nil)
            let files = try await store.auditTrail(AuditQuery()).entries.filter { $0.action == .importFile }
            #expect(files.map(\.note) == ["b.xlsx", "a.csv"])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func lockedYearRefusesImportsAndEditsAndChangesNothing(kind: StoreKind) async throws {
        try await withStore(kind) { store, admin in
            _ = try await store.importData(ImportBatch(schools: Self.demo, source: "demo.csv"), by: admin, at: Self.t0)
            let row = Self.demo[0]
            let lock = try await store.lockYear(county: row.countyCode, year: 2025, by: admin, at: Self.t0)
            #expect(lock.lockedBy == "admin")
            #expect(try await store.locks(county: row.countyCode) == [lock])
            await #expect(throws: StoreError.self) {
                _ = try await store.lockYear(county: row.countyCode, year: 2025, by: admin, at: Self.t0)
            }
            var edited = row
            edited.facilities.sportsArea = 1
            let before = try await store.auditTrail(AuditQuery()).total
            do {
                _ = try await store.updateSchoolYear(edited, by: admin, at: Self.t0)
                Issue.record("edit of a locked year accepted")
            } catch let error as StoreError {
                #expect(error.isLocked)
                #expect(error.lockedCountyYear == CountyYear(countyCode: row.countyCode, year: 2025))
            }
            // A batch with one locked row among open ones writes nothing at all.
            var open = Self.demo.first { $0.year == 2024 }!
            open.schoolName = "changed"
            do {
                _ = try await store.importData(ImportBatch(schools: [open, edited], source: "x.csv"), by: admin, at: Self.t0)
                Issue.record("import into a locked year accepted")
            } catch let error as StoreError {
                #expect(error.isLocked)
            }
            #expect(try await store.schoolYear(county: open.countyCode, school: open.schoolCode, year: 2024)?.schoolName != "changed")
            #expect(try await store.schoolYear(county: row.countyCode, school: row.schoolCode, year: 2025) == row)
            #expect(try await store.auditTrail(AuditQuery()).total == before)
            // The other year stays open; unlocking reopens the locked one.
            #expect(try await store.updateSchoolYear(open, by: admin, at: Self.t0).count == 1)
            try await store.unlockYear(county: row.countyCode, year: 2025, by: admin, at: Self.t0)
            #expect(try await store.updateSchoolYear(edited, by: admin, at: Self.t0).map(\.field) == [.sportsArea])
            let actions = try await store.auditTrail(AuditQuery(counties: [row.countyCode])).entries.map(\.action)
            #expect(actions.prefix(4) == [.edit, .unlock, .edit, .lock])
            await #expect(throws: StoreError.self) {
                try await store.unlockYear(county: row.countyCode, year: 2025, by: admin, at: Self.t0)
            }
        }
    }

    @Test(arguments: StoreKind.allCases)
    func editRecordsOldAndNewValues(kind: StoreKind) async throws {
        try await withStore(kind) { store, admin in
            let clerk = try await store.createAccount(
                NewAccount(name: "张会计", role: .clerk, counties: [Self.demo[0].countyCode],
                           schoolCode: Self.demo[0].schoolCode, passwordHash: "h"), at: Self.t0
            )
            _ = try await store.importData(ImportBatch(schools: Self.demo, source: "demo.csv"), by: admin, at: Self.t0)
            var row = Self.demo[0]
            #expect(try await store.updateSchoolYear(row, by: clerk, at: Self.t0).isEmpty)
            row.primary.teachers = (row.primary.teachers ?? 0) + 3
            row.boarding = true
            let changes = try await store.updateSchoolYear(row, by: clerk, at: Self.t0.addingTimeInterval(5))
            #expect(changes.map(\.field) == [.boarding, .teachersPrimary].sorted { $0.rawValue < $1.rawValue })
            let entries = try await store.auditTrail(AuditQuery(schoolCode: row.schoolCode, year: 2025)).entries
            #expect(entries.map(\.action) == [.edit, .edit, .addRow])
            #expect(entries.prefix(2).allSatisfy { $0.accountName == "张会计" })
            let teachers = try #require(entries.first { $0.field == "teachers_primary" })
            #expect(teachers.oldValue == Self.demo[0].primary.teachers.map(String.init))
            #expect(teachers.newValue == row.primary.teachers.map(String.init))
            var missing = row
            missing.schoolCode = "NOPE"
            await #expect(throws: StoreError.self) { _ = try await store.updateSchoolYear(missing, by: clerk, at: Self.t0) }
        }
    }

    @Test(arguments: StoreKind.allCases)
    func auditTrailPagesNewestFirstAndFilters(kind: StoreKind) async throws {
        try await withStore(kind) { store, admin in
            _ = try await store.importData(ImportBatch(schools: Self.demo, source: "demo.csv"), by: admin, at: Self.t0)
            let all = try await store.auditTrail(AuditQuery(limit: 10_000))
            #expect(all.total == all.entries.count)
            #expect(all.entries.map(\.id) == all.entries.map(\.id).sorted(by: >))
            #expect(Set(all.entries.map(\.id)).count == all.total)
            let page = try await store.auditTrail(AuditQuery(limit: 7, offset: 5))
            #expect(page.entries == Array(all.entries[5..<12]))
            #expect(page.total == all.total)
            let county = Self.demo[0].countyCode
            let filtered = try await store.auditTrail(AuditQuery(counties: [county], year: 2024, limit: 10_000))
            #expect(filtered.entries == all.entries.filter { $0.countyCode == county && $0.year == 2024 })
        }
    }

    @Test(arguments: StoreKind.allCases)
    func factsReplaceByCountyYearAndItem(kind: StoreKind) async throws {
        try await withStore(kind) { store, admin in
            _ = try await store.importData(ImportBatch(schools: [], facts: Self.demoFacts, source: "f.csv"), by: admin, at: Self.t0)
            var changed = Self.demoFacts[0]
            changed.value = .number(12.5)
            changed.evidence = "教督〔2025〕1号"
            let receipt = try await store.importData(
                ImportBatch(schools: [], facts: [changed, Self.demoFacts[1]], source: "g.csv"), by: admin, at: Self.t0
            )
            #expect(receipt == ImportReceipt(facts: 1))
            let stored = try await store.facts(year: changed.year, counties: [changed.countyCode])
            #expect(stored.filter { $0.item == changed.item } == [changed])
            #expect(stored.count == Self.demoFacts.filter { $0.countyCode == changed.countyCode }.count)
            let entry = try await store.auditTrail(AuditQuery()).entries.first { $0.action == .factChange }
            #expect(entry?.field == changed.item && entry?.newValue == "12.5")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func accountsAreUniqueByName(kind: StoreKind) async throws {
        try await withStore(kind) { store, _ in
            let planner = try await store.createAccount(
                NewAccount(name: "李规划", role: .planner, counties: ["320281"], passwordHash: "h1"), at: Self.t0
            )
            let supervisor = try await store.createAccount(
                NewAccount(name: "王督学", role: .supervisor, counties: ["320281", "320282"], passwordHash: "h2"), at: Self.t0
            )
            #expect(planner.id != supervisor.id)
            #expect(try await store.account(named: "李规划") == planner)
            #expect(try await store.account(id: supervisor.id) == supervisor)
            #expect(try await store.account(named: "nobody") == nil)
            #expect(try await store.accounts().map(\.name) == ["admin", "李规划", "王督学"].sorted())
            do {
                _ = try await store.createAccount(NewAccount(name: "李规划", role: .admin, passwordHash: "h"), at: Self.t0)
                Issue.record("duplicate name accepted")
            } catch let error as StoreError {
                #expect(error.isDuplicate)
            }
            try await store.setPasswordHash("h3", accountID: planner.id)
            #expect(try await store.account(id: planner.id)?.passwordHash == "h3")
            await #expect(throws: StoreError.self) { try await store.setPasswordHash("h", accountID: 9_999) }
        }
    }

    @Test(arguments: StoreKind.allCases)
    func sessionsExpireAndEnd(kind: StoreKind) async throws {
        try await withStore(kind) { store, admin in
            let live = SessionRecord(tokenHash: "aa", accountID: admin.id, csrfToken: "c1",
                                     createdAt: Self.t0, expiresAt: Self.t0.addingTimeInterval(3600))
            let old = SessionRecord(tokenHash: "bb", accountID: admin.id, csrfToken: "c2",
                                    createdAt: Self.t0, expiresAt: Self.t0.addingTimeInterval(10))
            try await store.createSession(live)
            try await store.createSession(old)
            #expect(try await store.session(tokenHash: "aa") == live)
            #expect(try await store.deleteSessions(expiredBefore: Self.t0.addingTimeInterval(60)) == 1)
            #expect(try await store.session(tokenHash: "bb") == nil)
            try await store.deleteSession(tokenHash: "aa")
            #expect(try await store.session(tokenHash: "aa") == nil)
        }
    }
}
