import Domain
import Foundation

extension InMemoryStore: LedgerStore {
    public func ledgerItems(counties: [String]?) -> [LedgerItem] {
        ledger.values.filter { counties?.contains($0.countyCode) ?? true }
            .sorted { ($0.countyCode, $0.due, $0.id) < ($1.countyCode, $1.due, $1.id) }
    }

    public func ledgerItem(id: Int64) -> LedgerItem? { ledger[id] }

    public func addLedgerItem(_ item: NewLedgerItem, by account: Account, at time: Date) throws -> LedgerItem {
        let item = try LedgerRules.checked(item)
        let id = Int64(ledger.count + 1)
        let stored = LedgerItem(id: id, countyCode: item.countyCode, year: item.year, gapKey: item.gapKey, schoolCode: item.schoolCode,
                                title: item.title, owner: item.owner, due: item.due, status: .notStarted, createdBy: account.name, createdAt: time)
        ledger[id] = stored
        append(LedgerRules.added(stored, by: account))
        return stored
    }

    public func updateLedgerItem(id: Int64, _ update: LedgerUpdate, by account: Account, at time: Date) throws -> LedgerItem {
        guard let item = ledger[id] else { throw StoreError.notFound("ledger item \(id)") }
        let (next, audit) = try LedgerRules.apply(update, to: item, by: account, at: time)
        ledger[id] = next
        audit.forEach { append($0) }
        return next
    }

    public func attachEvidence(itemID: Int64, fileName: String, bytes: [UInt8], by account: Account, at time: Date) throws -> EvidenceFile {
        guard let item = ledger[itemID] else { throw StoreError.notFound("ledger item \(itemID)") }
        let (file, entry) = try LedgerRules.evidence(for: item, fileName: fileName, bytes: bytes, id: Int64(evidenceFiles.count + 1),
                                                     by: account, at: time)
        evidenceFiles[file.id] = (file, bytes)
        ledger[itemID]?.evidence.append(file)
        append(entry)
        return file
    }

    public func evidence(id: Int64) -> (file: EvidenceFile, bytes: [UInt8])? {
        evidenceFiles[id]
    }
}
