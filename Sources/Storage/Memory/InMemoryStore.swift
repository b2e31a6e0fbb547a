import Domain
import Foundation

/// A ``Store`` in memory, for tests and previews. An actor: each method runs alone, so every
/// write is a transaction.
public actor InMemoryStore: Store {
    private var rows: [RowKey: SchoolYear] = [:]
    private var factValues: [FactKey: CountyFact] = [:]
    private var yearLocks: [CountyYear: YearLock] = [:]
    private var trail: [AuditEntry] = []
    private var accountsByID: [Int64: Account] = [:]
    private var sessions: [String: SessionRecord] = [:]
    private var nextAccountID: Int64 = 1
    /// Failed sign-ins (``SignInFailureStore``).
    var signInFailureLog = SignInFailureLog()

    /// An empty store.
    public init() {}

    // MARK: School data

    public func counties() -> [CountySummary] {
        let byCounty = Dictionary(grouping: rows.values, by: \.countyCode)
        return byCounty.keys.sorted().map { code in
            let countyRows = byCounty[code]!
            let name = countyRows.filter { $0.countyName != nil }
                .max { ($0.year, $0.schoolCode) < ($1.year, $1.schoolCode) }?.countyName
            return CountySummary(code: code, name: name, years: Set(countyRows.map(\.year)).sorted())
        }
    }

    public func schoolYears(county: String, year: Int) -> [SchoolYear] {
        rows.values.filter { $0.countyCode == county && $0.year == year }.sorted { $0.schoolCode < $1.schoolCode }
    }

    public func schoolYears(year: Int, counties: [String]?) -> [SchoolYear] {
        let wanted = counties.map(Set.init)
        return rows.values
            .filter { $0.year == year && (wanted?.contains($0.countyCode) ?? true) }
            .sorted { ($0.countyCode, $0.schoolCode) < ($1.countyCode, $1.schoolCode) }
    }

    public func schoolYear(county: String, school: String, year: Int) -> SchoolYear? {
        rows[RowKey(year: year, schoolCode: school)].flatMap { $0.countyCode == county ? $0 : nil }
    }

    public func schoolHistory(county: String, school: String) -> [SchoolYear] {
        rows.values.filter { $0.countyCode == county && $0.schoolCode == school }.sorted { $0.year < $1.year }
    }

    public func facts(year: Int, counties: [String]?) -> [CountyFact] {
        let wanted = counties.map(Set.init)
        return factValues.values
            .filter { $0.year == year && (wanted?.contains($0.countyCode) ?? true) }
            .sorted { ($0.countyCode, $0.item) < ($1.countyCode, $1.item) }
    }

    public func importData(_ batch: ImportBatch, by account: Account, at time: Date) throws -> ImportReceipt {
        let changes = ImportChanges(
            batch: batch, by: account, at: time,
            stored: { rows[$0] }, storedFact: { factValues[$0] }
        )
        if let locked = changes.countyYears.first(where: { yearLocks[$0] != nil }) {
            throw StoreError.locked(county: locked.countyCode, year: locked.year)
        }
        for row in changes.rows { rows[RowKey(row)] = row }
        for fact in changes.facts { factValues[FactKey(fact)] = fact }
        changes.audit.forEach { append($0) }
        return changes.receipt
    }

    public func updateSchoolYear(_ row: SchoolYear, by account: Account, at time: Date) throws -> [FieldChange] {
        let key = RowKey(row)
        guard let old = rows[key], old.countyCode == row.countyCode else {
            throw StoreError.notFound("school \(row.schoolCode) in \(row.countyCode) \(row.year)")
        }
        if yearLocks[CountyYear(countyCode: row.countyCode, year: row.year)] != nil {
            throw StoreError.locked(county: row.countyCode, year: row.year)
        }
        let changes = row.changes(from: old)
        guard !changes.isEmpty else { return [] }
        rows[key] = row
        for change in changes { append(AuditEntry(change: change, action: .edit, row: row, by: account, at: time)) }
        return changes
    }

    // MARK: Locks

    public func lockYear(county: String, year: Int, by account: Account, at time: Date) throws -> YearLock {
        let key = CountyYear(countyCode: county, year: year)
        guard yearLocks[key] == nil else { throw StoreError.locked(county: county, year: year) }
        let lock = YearLock(countyCode: county, year: year, lockedBy: account.name, lockedAt: time)
        yearLocks[key] = lock
        append(AuditEntry(id: 0, at: time, accountName: account.name, action: .lock, countyCode: county, year: year))
        return lock
    }

    public func unlockYear(county: String, year: Int, by account: Account, at time: Date) throws {
        guard yearLocks.removeValue(forKey: CountyYear(countyCode: county, year: year)) != nil else {
            throw StoreError.notFound("lock of \(county) \(year)")
        }
        append(AuditEntry(id: 0, at: time, accountName: account.name, action: .unlock, countyCode: county, year: year))
    }

    public func locks(county: String) -> [YearLock] {
        yearLocks.values.filter { $0.countyCode == county }.sorted { $0.year < $1.year }
    }

    // MARK: Audit trail

    public func auditTrail(_ query: AuditQuery) -> AuditPage {
        let matching = trail.reversed().filter(query.matches)
        return AuditPage(entries: Array(matching.dropFirst(query.offset).prefix(query.limit)), total: matching.count)
    }

    private func append(_ entry: AuditEntry) {
        var entry = entry
        entry.id = Int64(trail.count + 1)
        trail.append(entry)
    }

    // MARK: Accounts

    public func createAccount(_ new: NewAccount, at time: Date) throws -> Account {
        guard !accountsByID.values.contains(where: { $0.name == new.name }) else {
            throw StoreError.duplicate("account \(new.name)")
        }
        let account = Account(
            id: nextAccountID, name: new.name, role: new.role, counties: new.counties,
            schoolCode: new.schoolCode, passwordHash: new.passwordHash, createdAt: time
        )
        accountsByID[account.id] = account
        nextAccountID += 1
        return account
    }

    public func account(named name: String) -> Account? {
        accountsByID.values.first { $0.name == name }
    }

    public func account(id: Int64) -> Account? { accountsByID[id] }

    public func accounts() -> [Account] { accountsByID.values.sorted { $0.name < $1.name } }

    public func setPasswordHash(_ hash: String, accountID: Int64) throws {
        guard accountsByID[accountID] != nil else { throw StoreError.notFound("account \(accountID)") }
        accountsByID[accountID]!.passwordHash = hash
    }

    // MARK: Sessions

    public func createSession(_ session: SessionRecord) { sessions[session.tokenHash] = session }

    public func session(tokenHash: String) -> SessionRecord? { sessions[tokenHash] }

    public func deleteSession(tokenHash: String) { sessions[tokenHash] = nil }

    public func deleteSessions(expiredBefore time: Date) -> Int {
        let expired = sessions.values.filter { $0.expiresAt < time }.map(\.tokenHash)
        expired.forEach { sessions[$0] = nil }
        return expired.count
    }
}
