import Domain
import Foundation

/// Where the remediation ledgers are kept (``LedgerItem``): the items, their notes and their
/// evidence files with their bytes. Every write is one transaction, checked by ``LedgerRules``
/// so every store refuses alike, and recorded in the audit trail.
public protocol LedgerStore: Sendable {
    /// The items of `counties` (all when `nil`), by county, then due date, then id.
    func ledgerItems(counties: [String]?) async throws -> [LedgerItem]

    /// One item.
    func ledgerItem(id: Int64) async throws -> LedgerItem?

    /// Adds an item (status 未开始).
    ///
    /// - Throws: ``StoreError/isInvalid`` for an empty or too long title or owner.
    func addLedgerItem(_ item: NewLedgerItem, by account: Account, at time: Date) async throws -> LedgerItem

    /// Changes an item: its status, owner, due date, and a note.
    ///
    /// - Throws: ``StoreError/isNotFound``; ``StoreError/isInvalid`` for a change
    ///   ``LedgerRules/check(_:of:)`` refuses (a verified item, completion without evidence …).
    func updateLedgerItem(id: Int64, _ update: LedgerUpdate, by account: Account, at time: Date) async throws -> LedgerItem

    /// Attaches an evidence file to an item.
    ///
    /// - Throws: ``StoreError/isNotFound``; ``StoreError/isInvalid`` for a verified item, a
    ///   file above ``EvidenceKind/maximumBytes`` or of no accepted kind.
    func attachEvidence(itemID: Int64, fileName: String, bytes: [UInt8], by account: Account, at time: Date) async throws -> EvidenceFile

    /// An evidence file and its bytes.
    func evidence(id: Int64) async throws -> (file: EvidenceFile, bytes: [UInt8])?
}
