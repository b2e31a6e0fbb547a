import Demo
import Domain
import Foundation
import Interchange
import Logging
import SQLKit
import Storage
@testable import StorageSQL
import Testing

/// What the SQL store adds to the contract: migrations, the database-level guard of the
/// audit trail, persistence, and concurrent writers.
@Suite("SQL store")
struct SQLStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)
    static let rows = DemoGenerator(seed: 11, counties: 2, year: 2025).schools()

    /// Runs `body` with a new database of `kind` and a store open on it.
    func withDatabase(_ kind: StoreKind, _ body: (TestDatabase, SQLStore, Account) async throws -> Void) async throws {
        let database = try await TestDatabase.make(kind)
        let store = try await database.open()
        do {
            let admin = try await store.createAccount(NewAccount(name: "admin", role: .admin, passwordHash: "h"), at: Self.t0)
            try await body(database, store, admin)
        } catch {
            try? await store.shutdown()
            try? await database.drop()
            throw error
        }
        try await store.shutdown()
        try await database.drop()
    }

    func versions(_ store: SQLStore) async throws -> [Int] {
        try await store.connections.read {
            try await $0.sql.select().column("version").from("schema_migrations").orderBy("version")
                .all(decodingColumn: "version", as: Int.self)
        }
    }

    @Test(arguments: StoreKind.sqlKinds)
    func migrationsRunOnceAndReopeningKeepsTheData(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store, admin in
            #expect(try await versions(store) == Migrations.all.map(\.version))
            _ = try await store.importData(ImportBatch(schools: Self.rows, source: "a.csv"), by: admin, at: Self.t0)
            let trail = try await store.auditTrail(AuditQuery(limit: 10_000))
            try await store.shutdown()

            let reopened = try await database.open()
            #expect(try await versions(reopened) == Migrations.all.map(\.version))
            let county = Self.rows[0].countyCode
            #expect(try await reopened.schoolYears(county: county, year: 2025)
                == Self.rows.filter { $0.countyCode == county }.sorted { $0.schoolCode < $1.schoolCode })
            #expect(try await reopened.auditTrail(AuditQuery(limit: 10_000)) == trail)
            #expect(try await reopened.account(named: "admin") == admin)
            try await reopened.shutdown()
        }
    }

    /// Two servers on one database: what one writes moves the revision the other reads, so
    /// neither keeps a page of data the other has changed.
    @Test(arguments: StoreKind.sqlKinds)
    func aWriteThroughOneStoreMovesTheRevisionAnotherReads(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store, admin in
            let other = try await database.open()
            do {
                let county = Self.rows[0].countyCode
                #expect(try await other.dataRevision(county: county) == 0)
                _ = try await store.importData(ImportBatch(schools: Self.rows, source: "a.csv"), by: admin, at: Self.t0)
                let imported = try await other.dataRevision(county: county)
                #expect(imported > 0)
                _ = try await store.lockYear(county: county, year: 2025, by: admin, at: Self.t0)
                #expect(try await other.dataRevision(county: county) > imported)
            } catch {
                try? await other.shutdown()
                throw error
            }
            try await other.shutdown()
        }
    }

    @Test(arguments: StoreKind.sqlKinds)
    func aDatabaseNewerThanTheProgramIsRefused(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store, _ in
            let newer = Migrations.latest + 1
            try await store.connections.write(exclusive: true) {
                try await $0.sql.insert(into: "schema_migrations").columns("version", "applied_at")
                    .values(SQLBind(newer), SQLBind(0.0)).run()
            }
            try await store.shutdown()
            do {
                let opened = try await database.open()
                try await opened.shutdown()
                Issue.record("a newer database was opened")
            } catch let error as SchemaVersionError {
                #expect(error == SchemaVersionError(databaseVersion: newer, programVersion: Migrations.latest))
                #expect(error.description.contains("newer"))
            }
        }
    }

    @Test(arguments: StoreKind.sqlKinds)
    func theAuditTrailRefusesUpdateAndDeleteInTheDatabase(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store, admin in
            _ = try await store.lockYear(county: "110101", year: 2025, by: admin, at: Self.t0)
            let statements: [SQLQueryString] = [
                "UPDATE audit_entries SET account_name = 'someone else'",
                "DELETE FROM audit_entries",
            ] + (kind == .postgres ? ["TRUNCATE audit_entries"] : [])
            for statement in statements {
                do {
                    try await store.connections.write(exclusive: false) { try await $0.sql.raw(statement).run() }
                    Issue.record("the database accepted: \(statement)")
                } catch {
                    #expect(DatabaseFailure.describe(error).contains(AuditTrailGuard.message))
                }
            }
            let entries = try await store.auditTrail(AuditQuery()).entries
            #expect(entries.count == 1 && entries[0].accountName == "admin")
            // Appending still works.
            try await store.unlockYear(county: "110101", year: 2025, by: admin, at: Self.t0)
            #expect(try await store.auditTrail(AuditQuery()).total == 2)
        }
    }

    @Test(arguments: StoreKind.sqlKinds)
    func schoolYearColumnsAreTheCatalogue(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store, _ in
            let row = try await store.connections.read {
                try await $0.sql.raw("SELECT * FROM school_years WHERE 1 = 0").all()
            }
            #expect(row.isEmpty)
            // Column names of an empty result: ask the catalogue of each database.
            let columns: [String] = try await store.connections.read { session in
                let sql = session.sql
                return switch kind {
                case .postgres:
                    try await sql.raw("""
                        SELECT column_name AS name FROM information_schema.columns
                        WHERE table_name = 'school_years' AND table_schema = current_schema() ORDER BY ordinal_position
                        """).all(decodingColumn: "name", as: String.self)
                default:
                    try await sql.raw("SELECT name FROM pragma_table_info('school_years') ORDER BY cid")
                        .all(decodingColumn: "name", as: String.self)
                }
            }
            #expect(columns == SchoolField.allCases.map(\.key))
        }
    }

    /// A new database of `kind` at schema `version` (the first migrations only), `write` run on
    /// it, closed: what an older program left behind. Dropped again if anything fails.
    static func database(_ kind: StoreKind, migratedTo version: Int,
                         write: (any SQLConnections) async throws -> Void) async throws -> TestDatabase {
        let database = try await TestDatabase.make(kind)
        let logger = Logger(label: "junheng.test")
        let connections: any SQLConnections
        switch database.location {
        case .sqlite(let path): connections = try await SQLiteConnections.open(path: path, logger: logger)
        case .postgres(let url): connections = try await PostgresConnections.open(try PostgresSettings(url: url), logger: logger)
        }
        do {
            let migrations = Array(Migrations.all.prefix { $0.version <= version })
            #expect(try await Migrator(migrations: migrations, logger: logger).migrate(connections) == migrations.map(\.version))
            try await write(connections)
            try await connections.shutdown()
        } catch {
            try? await connections.shutdown()
            try? await database.drop()
            throw error
        }
        return database
    }

    /// A database of version 5 (before 学位数) keeps its rows through migration 6: the two
    /// columns come last, NULL (not reported), and take values afterwards.
    @Test(arguments: StoreKind.sqlKinds)
    func migrationSixAddsTheCapacityColumnsToExistingRows(kind: StoreKind) async throws {
        let rows = Self.rows.prefix(3).map { row in
            var row = row
            row.primary.capacity = nil
            row.junior.capacity = nil
            row.graduates = nil
            row.eligibleGraduates = nil
            row.boarders = nil
            row.specialPupils = nil
            row.facilities.musicRoomArea = nil
            row.facilities.artRoomArea = nil
            return row
        }
        let database = try await Self.database(kind, migratedTo: 5) { connections in
            let before = SchoolYearsTable.fields(addedIn: 1)
            try await connections.write(exclusive: false) { session in
                try await session.insert(
                    into: SchoolYearsTable.name, columns: before.map(\.key),
                    rows: rows.map { Array(SchoolYearsTable.values(of: $0).prefix(before.count)) })
            }
        }
        let store = try await database.open()
        do {
            #expect(try await versions(store) == Migrations.all.map(\.version))
            #expect(SchoolYearsTable.fields(addedIn: 6) == [.capacityPrimary, .capacityJunior])
            let county = rows[0].countyCode
            let stored = try await store.schoolYears(county: county, year: 2025)
            #expect(stored == rows.filter { $0.countyCode == county }.sorted { $0.schoolCode < $1.schoolCode })
            let admin = try await store.createAccount(NewAccount(name: "admin", role: .admin, passwordHash: "h"), at: Self.t0)
            var changed = stored[0]
            changed.primary.capacity = 1_350
            changed.junior.capacity = 0
            let changes = try await store.updateSchoolYear(changed, by: admin, at: Self.t0)
            #expect(changes.map(\.field) == [.capacityPrimary, .capacityJunior])
            #expect(try await store.schoolYear(county: county, school: changed.schoolCode, year: 2025) == changed)
        } catch {
            try? await store.shutdown()
            try? await database.drop()
            throw error
        }
        try await store.shutdown()
        try await database.drop()
    }

    /// A database of version 8 keeps its rows through migrations 9 and 10: 初中应届毕业生数,
    /// 指标到校符合条件人数, then 寄宿生数, 随班就读学生数 and the rooms' areas come last, NULL, and
    /// take values afterwards.
    @Test(arguments: StoreKind.sqlKinds)
    func migrationNineAddsTheGraduatesToExistingRows(kind: StoreKind) async throws {
        let rows = Self.rows.prefix(3).map { row in
            var row = row
            row.graduates = nil
            row.eligibleGraduates = nil
            row.boarders = nil
            row.specialPupils = nil
            row.facilities.musicRoomArea = nil
            row.facilities.artRoomArea = nil
            return row
        }
        let database = try await Self.database(kind, migratedTo: 8) { connections in
            let before = SchoolYearsTable.fields.filter { SchoolYearsTable.version(adding: $0) < 9 }
            #expect(SchoolYearsTable.fields(addedIn: 10) == [.boarders, .specialPupils, .musicRoomArea, .artRoomArea])
            try await connections.write(exclusive: false) { session in
                try await session.insert(
                    into: SchoolYearsTable.name, columns: before.map(\.key),
                    rows: rows.map { Array(SchoolYearsTable.values(of: $0).prefix(before.count)) })
            }
        }
        let store = try await database.open()
        do {
            #expect(try await versions(store) == Migrations.all.map(\.version))
            #expect(SchoolYearsTable.fields(addedIn: 9) == [.graduates, .eligible])
            let county = rows[0].countyCode
            let stored = try await store.schoolYears(county: county, year: 2025)
            #expect(stored == rows.filter { $0.countyCode == county }.sorted { $0.schoolCode < $1.schoolCode })
            let admin = try await store.createAccount(NewAccount(name: "admin", role: .admin, passwordHash: "h"), at: Self.t0)
            var changed = stored[0]
            changed.graduates = 320
            changed.eligibleGraduates = 301
            changed.boarders = 120
            changed.facilities.musicRoomArea = 98.5
            let changes = try await store.updateSchoolYear(changed, by: admin, at: Self.t0)
            #expect(changes.map(\.field) == [.graduates, .eligible, .boarders, .musicRoomArea])
            #expect(try await store.schoolYear(county: county, school: changed.schoolCode, year: 2025) == changed)
        } catch {
            try? await store.shutdown()
            try? await database.drop()
            throw error
        }
        try await store.shutdown()
        try await database.drop()
    }

    /// A database of version 7 keeps its blocks through migration 8: 所属社区 comes last, NULL
    /// (each block a community of its own), and takes values afterwards.
    @Test(arguments: StoreKind.sqlKinds)
    func migrationEightAddsTheCommunityToExistingBlocks(kind: StoreKind) async throws {
        let block = ResidentialBlock(id: "B1", name: "东村", countyCode: "341170", location: Coordinate(longitude: 118.5, latitude: 31.5),
                                     children: [.primary: 40], population: 900)
        let database = try await Self.database(kind, migratedTo: 7) { connections in
            let before = Array(ZoneTables.blockColumns.dropLast())
            try await connections.write(exclusive: false) { session in
                try await session.insert(into: Tables.residentialBlocks, columns: before,
                                         rows: [Array(ZoneTables.values(of: block).prefix(before.count))])
            }
        }
        let store = try await database.open()
        do {
            #expect(try await versions(store) == Migrations.all.map(\.version))
            #expect(ZoneTables.blockColumns.last == "community")
            #expect(try await store.blocks(county: "341170") == [block])
            let admin = try await store.createAccount(NewAccount(name: "admin", role: .admin, passwordHash: "h"), at: Self.t0)
            var grouped = block
            grouped.community = "城东社区"
            _ = try await store.replaceZoneData(county: "341170", blocks: [grouped], distances: [], by: admin, at: Self.t0)
            #expect(try await store.blocks(county: "341170") == [grouped])
        } catch {
            try? await store.shutdown()
            try? await database.drop()
            throw error
        }
        try await store.shutdown()
        try await database.drop()
    }

    @Test(arguments: StoreKind.sqlKinds)
    func largeImportsSpanSeveralStatements(kind: StoreKind) async throws {
        // More rows than one INSERT carries on either database, and a re-import that changes
        // every other row.
        let rows = DemoGenerator(seed: 5, counties: 60, year: 2025).schools()
        try #require(rows.count > 2_000)
        try await withDatabase(kind) { _, store, admin in
            let first = try await store.importData(ImportBatch(schools: rows, source: "big.csv"), by: admin, at: Self.t0)
            #expect(first == ImportReceipt(added: rows.count))
            let changed = rows.enumerated().map { i, row in
                var row = row
                if i % 2 == 0 { row.facilities.books = (row.facilities.books ?? 0) + 1 }
                return row
            }
            let second = try await store.importData(ImportBatch(schools: changed, source: "big2.csv"), by: admin, at: Self.t0)
            #expect(second == ImportReceipt(added: 0, changed: (rows.count + 1) / 2, unchanged: rows.count / 2))
            let stored = try await store.schoolYears(year: 2025, counties: nil)
            #expect(stored == changed.sorted { ($0.countyCode, $0.schoolCode) < ($1.countyCode, $1.schoolCode) })
            let books = try await store.auditTrail(AuditQuery(limit: 100_000)).entries.filter { $0.field == "books" }
            #expect(books.count == (rows.count + 1) / 2)
        }
    }

    @Test(arguments: StoreKind.sqlKinds)
    func concurrentEditsAndImportsKeepTheTrailConsistent(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store, admin in
            let school = Self.rows[0]
            _ = try await store.importData(ImportBatch(schools: Self.rows, source: "start.csv"), by: admin, at: Self.t0)
            // A second store on the same database: another web server.
            let other = try await database.open()
            let stores = [store, other]
            // 40 writers change the same field of the same school: edits and one-row imports,
            // through both stores, all at once.
            let results = try await withThrowingTaskGroup(of: Int.self) { group in
                for i in 1...40 {
                    group.addTask {
                        var row = school
                        row.facilities.computers = 1_000 + i
                        let target = stores[i % 2]
                        if i % 3 == 0 {
                            let receipt = try await target.importData(
                                ImportBatch(schools: [row], source: "c\(i).csv"), by: admin, at: Self.t0
                            )
                            return receipt.changed
                        }
                        return try await target.updateSchoolYear(row, by: admin, at: Self.t0).count
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            try await other.shutdown()
            // Every writer changed the field (no two set the same value), and the trail
            // records each change once, each old value the previous entry's new value.
            #expect(results.allSatisfy { $0 == 1 })
            let entries = try await store.auditTrail(AuditQuery(schoolCode: school.schoolCode, limit: 1_000)).entries
                .filter { $0.field == "computers" }
                .reversed()
            #expect(entries.count == 40)
            var value = school.facilities.computers.map(String.init)
            for entry in entries {
                #expect(entry.oldValue == value)
                value = entry.newValue
            }
            let stored = try await store.schoolYear(county: school.countyCode, school: school.schoolCode, year: 2025)
            #expect(stored?.facilities.computers.map(String.init) == value)
            let ids = try await store.auditTrail(AuditQuery(limit: 100_000)).entries.map(\.id)
            #expect(Set(ids).count == ids.count)
        }
    }

    @Test(arguments: StoreKind.sqlKinds)
    func aLockTakenDuringImportsIsNeverBypassed(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store, admin in
            let county = Self.rows[0].countyCode
            let countyRows = Self.rows.filter { $0.countyCode == county }
            _ = try await store.importData(ImportBatch(schools: countyRows, source: "start.csv"), by: admin, at: Self.t0)
            let other = try await database.open()
            // Imports race a lock: each import either commits before the lock or is refused.
            let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
                for i in 1...12 {
                    group.addTask {
                        var rows = countyRows
                        for j in rows.indices { rows[j].facilities.books = 10_000 + i }
                        do {
                            _ = try await (i % 2 == 0 ? store : other).importData(
                                ImportBatch(schools: rows, source: "r\(i).csv"), by: admin, at: Self.t0)
                            return (i, true)
                        } catch let error as StoreError where error.isLocked {
                            return (i, false)
                        }
                    }
                }
                group.addTask {
                    _ = try await other.lockYear(county: county, year: 2025, by: admin, at: Self.t0)
                    return (0, true)
                }
                return try await group.reduce(into: [(Int, Bool)]()) { $0.append($1) }
            }
            try await other.shutdown()
            let trail = try await store.auditTrail(AuditQuery(counties: [county], limit: 100_000)).entries
            let lockID = try #require(trail.first { $0.action == .lock }?.id)
            // No import entry comes after the lock.
            #expect(!trail.contains { $0.action == .importFile && $0.id > lockID })
            let accepted = outcomes.filter { $0.0 > 0 && $0.1 }.count
            #expect(trail.filter { $0.action == .importFile }.count == accepted + 1)
            // The stored rows are those of the last import before the lock.
            let last = trail.filter { $0.action == .importFile && $0.id < lockID }.max { $0.id < $1.id }?.note
            let stored = try await store.schoolYears(county: county, year: 2025)
            if let last, last != "start.csv" {
                #expect(stored.allSatisfy { "r\(($0.facilities.books ?? 0) - 10_000).csv" == last })
            }
        }
    }

    @Test func sqliteRunsInWALModeWithForeignKeysAndABusyTimeout() async throws {
        try await withDatabase(.sqlite) { _, store, _ in
            let (mode, keys, timeout) = try await store.connections.read { session in
                let sql = session.sql
                return (
                    try await sql.raw("PRAGMA journal_mode").first(decodingColumn: "journal_mode", as: String.self),
                    try await sql.raw("PRAGMA foreign_keys").first(decodingColumn: "foreign_keys", as: Int.self),
                    try await sql.raw("PRAGMA busy_timeout").first(decodingColumn: "timeout", as: Int.self)
                )
            }
            #expect(mode == "wal" && keys == 1 && timeout == SQLiteConnections.busyTimeoutMilliseconds)
            // A session of an account that does not exist is refused by the foreign key.
            await #expect(throws: StoreError.self) {
                try await store.createSession(SessionRecord(
                    tokenHash: "t", accountID: 999, csrfToken: "c", createdAt: Self.t0, expiresAt: Self.t0))
            }
        }
    }

    @Test func postgresIsTestedWhenRequired() async throws {
        guard PostgresTestDatabase.isRequired else { return }
        let url = try #require(PostgresTestDatabase.url, "JUNHENG_REQUIRE_POSTGRES=1 needs JUNHENG_TEST_POSTGRES_URL")
        try await PostgresTestDatabase.admin(url) { try await $0.raw("SELECT 1").run() }
    }
}
