import Domain
import Foundation
import SQLKit
import Storage

extension SQLStore: LedgerStore {
    public func ledgerItems(counties: [String]?) async throws -> [LedgerItem] {
        if counties?.isEmpty == true { return [] }
        return try await reading { session in
            let items = try await session.ledgerItems(where: nil).filter { counties?.contains($0.countyCode) ?? true }
            return items.sorted { ($0.countyCode, $0.due, $0.id) < ($1.countyCode, $1.due, $1.id) }
        }
    }

    public func ledgerItem(id: Int64) async throws -> LedgerItem? {
        try await reading { try await $0.ledgerItems(where: id).first }
    }

    public func addLedgerItem(_ item: NewLedgerItem, by account: Account, at time: Date) async throws -> LedgerItem {
        let item = try LedgerRules.checked(item)
        return try await writing { session in
            guard let id = try await session.sql.insert(into: Tables.ledgerItems)
                .columns("county_code", "year", "gap_key", "school_code", "title", "owner", "due", "status", "created_by", "created_at", "notes")
                .values(SQLBind(item.countyCode), SQLBind(item.year), bindOrNull(item.gapKey), bindOrNull(item.schoolCode), SQLBind(item.title),
                        SQLBind(item.owner), SQLBind(item.due.text), SQLBind(LedgerItem.Status.notStarted.rawValue), SQLBind(account.name),
                        SQLBind(StoredTime.value(time)), SQLBind("[]"))
                .returning("id").first()?.decode(column: "id", as: Int64.self)
            else { throw StoreError.unavailable("no id for a new ledger item") }
            let stored = LedgerItem(id: id, countyCode: item.countyCode, year: item.year, gapKey: item.gapKey, schoolCode: item.schoolCode,
                                    title: item.title, owner: item.owner, due: item.due, status: .notStarted, createdBy: account.name, createdAt: time)
            try await session.appendAudit([LedgerRules.added(stored, by: account)])
            return stored
        }
    }

    public func updateLedgerItem(id: Int64, _ update: LedgerUpdate, by account: Account, at time: Date) async throws -> LedgerItem {
        try await writing { session in
            guard let item = try await session.ledgerItems(where: id).first else { throw StoreError.notFound("ledger item \(id)") }
            let (next, audit) = try LedgerRules.apply(update, to: item, by: account, at: time)
            try await session.sql.update(Tables.ledgerItems)
                .set("status", to: SQLBind(next.status.rawValue)).set("owner", to: SQLBind(next.owner)).set("due", to: SQLBind(next.due.text))
                .set("notes", to: SQLBind(try SQLSession.notesJSON(next.notes)))
                .where("id", .equal, SQLBind(id)).run()
            try await session.appendAudit(audit)
            return next
        }
    }

    public func attachEvidence(itemID: Int64, fileName: String, bytes: [UInt8], by account: Account, at time: Date) async throws -> EvidenceFile {
        try await writing { session in
            guard let item = try await session.ledgerItems(where: itemID).first else { throw StoreError.notFound("ledger item \(itemID)") }
            let (checked, entry) = try LedgerRules.evidence(for: item, fileName: fileName, bytes: bytes, id: 0, by: account, at: time)
            guard let id = try await session.sql.insert(into: Tables.ledgerEvidence)
                .columns("item_id", "file_name", "kind", "size", "sha256", "uploaded_by", "uploaded_at", "content")
                .values(SQLBind(itemID), SQLBind(checked.fileName), SQLBind(checked.kind.rawValue), SQLBind(checked.size), SQLBind(checked.sha256),
                        SQLBind(account.name), SQLBind(StoredTime.value(time)), SQLBind(Data(bytes).base64EncodedString()))
                .returning("id").first()?.decode(column: "id", as: Int64.self)
            else { throw StoreError.unavailable("no id for a new evidence file") }
            try await session.appendAudit([entry])
            var file = checked
            file.id = id
            return file
        }
    }

    public func evidence(id: Int64) async throws -> (file: EvidenceFile, bytes: [UInt8])? {
        try await reading { session in
            guard let row = try await session.sql.select().columns(SQLSession.evidenceColumns + ["content"]).from(Tables.ledgerEvidence)
                .where("id", .equal, SQLBind(id)).first() else { return nil }
            let file = try SQLSession.evidenceFile(row)
            guard let bytes = Data(base64Encoded: try row.decode(column: "content", as: String.self)) else {
                throw StoreError.corrupt("\(Tables.ledgerEvidence) \(id): content")
            }
            return (file, Array(bytes))
        }
    }
}

extension SQLSession {
    static let evidenceColumns = ["id", "item_id", "file_name", "kind", "size", "sha256", "uploaded_by", "uploaded_at"]

    /// The items (one when `id` is given), with their notes and evidence files (without bytes).
    func ledgerItems(where id: Int64?) async throws -> [LedgerItem] {
        var select = sql.select().columns("id", "county_code", "year", "gap_key", "school_code", "title", "owner", "due", "status",
                                          "created_by", "created_at", "notes").from(Tables.ledgerItems)
        if let id { select = select.where("id", .equal, SQLBind(id)) }
        var items = try await select.all().map(Self.ledgerItem)
        var evidence = sql.select().columns(Self.evidenceColumns).from(Tables.ledgerEvidence).orderBy("id")
        if let id { evidence = evidence.where("item_id", .equal, SQLBind(id)) }
        let files = Dictionary(grouping: try await evidence.all().map(Self.evidenceFile), by: \.itemID)
        for index in items.indices { items[index].evidence = files[items[index].id] ?? [] }
        return items
    }

    static func notesJSON(_ notes: [LedgerNote]) throws -> String {
        String(decoding: try JSONEncoder.sorted.encode(notes), as: UTF8.self)
    }

    private static func ledgerItem(_ row: any SQLRow) throws -> LedgerItem {
        let id = try row.decode(column: "id", as: Int64.self)
        func corrupt(_ column: String) -> StoreError { StoreError.corrupt("\(Tables.ledgerItems) \(id): \(column)") }
        guard let due = CalendarDate(text: try row.decode(column: "due", as: String.self)) else { throw corrupt("due") }
        guard let status = LedgerItem.Status(rawValue: try row.decode(column: "status", as: String.self)) else { throw corrupt("status") }
        guard let notes = try? JSONDecoder().decode([LedgerNote].self, from: Data(try row.decode(column: "notes", as: String.self).utf8)) else {
            throw corrupt("notes")
        }
        return LedgerItem(
            id: id, countyCode: try row.decode(column: "county_code", as: String.self), year: try row.decode(column: "year", as: Int.self),
            gapKey: try row.optional("gap_key", as: String.self), schoolCode: try row.optional("school_code", as: String.self),
            title: try row.decode(column: "title", as: String.self), owner: try row.decode(column: "owner", as: String.self), due: due,
            status: status, createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: StoredTime.date(try row.decode(column: "created_at", as: Double.self)), notes: notes)
    }

    static func evidenceFile(_ row: any SQLRow) throws -> EvidenceFile {
        let id = try row.decode(column: "id", as: Int64.self)
        guard let kind = EvidenceKind(rawValue: try row.decode(column: "kind", as: String.self)) else {
            throw StoreError.corrupt("\(Tables.ledgerEvidence) \(id): kind")
        }
        return EvidenceFile(id: id, itemID: try row.decode(column: "item_id", as: Int64.self), fileName: try row.decode(column: "file_name", as: String.self),
                            kind: kind, size: try row.decode(column: "size", as: Int.self), sha256: try row.decode(column: "sha256", as: String.self),
                            uploadedBy: try row.decode(column: "uploaded_by", as: String.self),
                            uploadedAt: StoredTime.date(try row.decode(column: "uploaded_at", as: Double.self)))
    }
}
