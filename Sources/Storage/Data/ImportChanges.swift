import Domain
import Foundation

/// What an import changes, worked out from the batch and the stored rows it replaces — the
/// same for every store, so the contract holds by construction: rows to write, facts to
/// write, the audit entries (ids 0 until stored) and the receipt.
public struct ImportChanges: Sendable {
    /// Added and changed rows, in batch order (a later row of the same key wins).
    public private(set) var rows: [SchoolYear] = []
    /// Added and changed facts.
    public private(set) var facts: [CountyFact] = []
    /// The entries to append, in order.
    public private(set) var audit: [AuditEntry] = []
    /// The counts.
    public private(set) var receipt = ImportReceipt()
    /// Every (county, year) whose lock must be checked: the batch's, and the stored rows'
    /// it replaces (a school code that moves county changes both).
    public private(set) var countyYears: [CountyYear] = []

    /// Compares `batch` with the stored rows and facts it would replace.
    ///
    /// - Parameters:
    ///   - stored: the stored row of a key, if any.
    ///   - storedFact: the stored fact of a key, if any.
    public init(
        batch: ImportBatch, by account: Account, at time: Date,
        stored: (RowKey) throws -> SchoolYear?, storedFact: (FactKey) throws -> CountyFact?
    ) rethrows {
        var latest: [RowKey: SchoolYear] = [:]
        var order: [RowKey] = []
        for row in batch.schools {
            let key = RowKey(row)
            if latest.updateValue(row, forKey: key) == nil { order.append(key) }
        }
        var touched = Set(batch.countyYears)
        for county in batch.countyYears {
            audit.append(AuditEntry(
                id: 0, at: time, accountName: account.name, action: .importFile,
                countyCode: county.countyCode, year: county.year, note: batch.source
            ))
        }
        for key in order {
            let row = latest[key]!
            guard let old = try stored(key) else {
                rows.append(row)
                receipt.added += 1
                audit.append(AuditEntry(
                    id: 0, at: time, accountName: account.name, action: .addRow, countyCode: row.countyCode,
                    year: row.year, schoolCode: row.schoolCode, note: row.schoolName
                ))
                continue
            }
            touched.insert(CountyYear(countyCode: old.countyCode, year: old.year))
            let changes = row.changes(from: old)
            if changes.isEmpty { receipt.unchanged += 1; continue }
            rows.append(row)
            receipt.changed += 1
            audit += changes.map { AuditEntry(change: $0, action: .importChange, row: row, by: account, at: time) }
        }
        for fact in batch.facts {
            let old = try storedFact(FactKey(fact))
            if old == fact { continue }
            facts.append(fact)
            receipt.facts += 1
            audit.append(AuditEntry(
                id: 0, at: time, accountName: account.name, action: .factChange, countyCode: fact.countyCode,
                year: fact.year, field: fact.item, oldValue: old?.value.text, newValue: fact.value.text,
                note: fact.evidence
            ))
        }
        countyYears = touched.sorted()
    }
}

extension AuditEntry {
    /// The entry recording one changed field of `row` (id 0 until stored).
    public init(change: FieldChange, action: AuditAction, row: SchoolYear, by account: Account, at time: Date) {
        self.init(
            id: 0, at: time, accountName: account.name, action: action, countyCode: row.countyCode,
            year: row.year, schoolCode: row.schoolCode, field: change.field.key,
            oldValue: change.old?.text, newValue: change.new?.text
        )
    }
}

extension CountyFact.Value {
    /// The canonical text: `yes`, `no`, or the number in plain notation.
    public var text: String {
        switch self {
        case .yes: "yes"
        case .no: "no"
        case .number(let x): FieldValue.decimal(x).text
        }
    }
}
