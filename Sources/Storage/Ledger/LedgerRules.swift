import Crypto
import Domain
import Foundation

/// The rules every ``LedgerStore`` keeps, and the trail entries its writes record.
public enum LedgerRules {
    public static let titleCharacters = 300
    public static let ownerCharacters = 100
    public static let noteCharacters = 1_000
    public static let fileNameCharacters = 200

    /// `text` trimmed, required and at most `limit` characters, without control characters.
    static func required(_ text: String, limit: Int, what: String) throws -> String {
        guard let checked = try ReviewLimits.checked(text, limit: limit, what: what) else { throw StoreError.invalid("\(what) is empty") }
        return checked
    }

    /// `item` checked: title and owner present and bounded.
    public static func checked(_ item: NewLedgerItem) throws -> NewLedgerItem {
        var item = item
        item.title = try required(item.title, limit: titleCharacters, what: "title")
        item.owner = try required(item.owner, limit: ownerCharacters, what: "owner")
        return item
    }

    /// `item` after `update`, with the trail of what changed.
    ///
    /// - Throws: ``StoreError/isInvalid``: a verified item is closed; 已核验 only after 已完成;
    ///   已完成 only with an evidence file; an empty change; texts too long.
    public static func apply(_ update: LedgerUpdate, to item: LedgerItem, by account: Account, at time: Date) throws -> (LedgerItem, [AuditEntry]) {
        guard item.status != .verified else { throw StoreError.invalid("ledger item \(item.id) is verified and closed") }
        var next = item
        var audit: [AuditEntry] = []
        func entry(_ field: String, _ old: String?, _ new: String?) -> AuditEntry {
            AuditEntry(id: 0, at: time, accountName: account.name, action: .ledgerUpdate, countyCode: item.countyCode, year: item.year,
                       schoolCode: item.schoolCode, field: field, oldValue: old, newValue: new, note: "#\(item.id)")
        }
        if let status = update.status, status != item.status {
            if status == .verified && item.status != .completed { throw StoreError.invalid("only a completed item is verified") }
            if status == .completed && item.evidence.isEmpty { throw StoreError.invalid("a completed item needs an evidence file") }
            next.status = status
            audit.append(entry("status", item.status.rawValue, status.rawValue))
        }
        if let owner = update.owner.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }), !owner.isEmpty, owner != item.owner {
            next.owner = try required(owner, limit: ownerCharacters, what: "owner")
            audit.append(entry("owner", item.owner, next.owner))
        }
        if let due = update.due, due != item.due {
            next.due = due
            audit.append(entry("due", item.due.text, due.text))
        }
        if let text = try ReviewLimits.checked(update.note, limit: noteCharacters, what: "note") {
            next.notes.append(LedgerNote(at: time, accountName: account.name, text: text, status: update.status))
            audit.append(entry("note", nil, text))
        }
        guard !audit.isEmpty else { throw StoreError.invalid("nothing to change") }
        return (next, audit)
    }

    /// The entry recording a new item.
    public static func added(_ item: LedgerItem, by account: Account) -> AuditEntry {
        AuditEntry(id: 0, at: item.createdAt, accountName: account.name, action: .ledgerItem, countyCode: item.countyCode, year: item.year,
                   schoolCode: item.schoolCode, field: item.gapKey, newValue: item.title, note: "#\(item.id)")
    }

    /// An evidence file checked: kind, size and name, its digest; and its trail entry.
    public static func evidence(for item: LedgerItem, fileName: String, bytes: [UInt8], id: Int64, by account: Account, at time: Date) throws -> (EvidenceFile, AuditEntry) {
        guard item.status != .verified else { throw StoreError.invalid("ledger item \(item.id) is verified and closed") }
        guard !bytes.isEmpty, bytes.count <= EvidenceKind.maximumBytes else {
            throw StoreError.invalid("an evidence file holds 1 to \(EvidenceKind.maximumBytes) bytes")
        }
        let name = String(String.UnicodeScalarView(fileName.unicodeScalars.filter { $0.properties.generalCategory != .control }))
            .trimmingCharacters(in: .whitespaces)
        let shortName = try required(name.split(separator: "/").last.map(String.init) ?? name, limit: fileNameCharacters, what: "file name")
        guard let kind = EvidenceKind(fileName: shortName, bytes: bytes) else {
            throw StoreError.invalid("an evidence file is PDF, PNG, JPEG, DOCX or XLSX, its name's extension agreeing with its bytes")
        }
        let digest = SHA256.hash(data: Data(bytes)).map { String(format: "%02x", $0) }.joined()
        let file = EvidenceFile(id: id, itemID: item.id, fileName: shortName, kind: kind, size: bytes.count, sha256: digest,
                                uploadedBy: account.name, uploadedAt: time)
        let entry = AuditEntry(id: 0, at: time, accountName: account.name, action: .ledgerEvidence, countyCode: item.countyCode, year: item.year,
                               schoolCode: item.schoolCode, field: "evidence", newValue: "\(shortName) (\(bytes.count) B, sha256 \(digest.prefix(12)))",
                               note: "#\(item.id)")
        return (file, entry)
    }
}
