import Domain
import Foundation
import Storage
import Testing

/// What every ``LedgerStore`` promises: an item reads back as added; status, owner, due date
/// and notes change with a trail entry each; 已完成 needs an evidence file and 已核验 needs
/// 已完成, after which the item is closed; an evidence file of the wrong kind or size is
/// refused and changes nothing; a stored file reads back byte for byte with its digest.
@Suite("Ledger store contract")
struct LedgerContractTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)
    static let pdf = Array("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".utf8)

    @Test(arguments: StoreKind.allCases)
    func anItemGoesFromGapToVerified(kind: StoreKind) async throws {
        let (store, close) = try await kind.makeStore()
        do {
            let planner = try await store.createAccount(NewAccount(name: "李规划", role: .planner, counties: ["341102"], passwordHash: "$2b$04$x"), at: Self.t0)
            let supervisor = try await store.createAccount(NewAccount(name: "赵督学", role: .supervisor, counties: ["341102"], passwordHash: "$2b$04$x"), at: Self.t0)
            let due = try #require(CalendarDate(year: 2026, month: 6, day: 30))
            let item = try await store.addLedgerItem(
                NewLedgerItem(countyCode: "341102", year: 2025, gapKey: "school:primary:3411020001", schoolCode: "3411020001",
                              title: " 生均体育运动场馆面积未达标：扩建操场 ", owner: "县教体局计财股 王科长", due: due), by: planner, at: Self.t0)
            #expect(item.title == "生均体育运动场馆面积未达标：扩建操场" && item.status == .notStarted && item.createdBy == "李规划")
            _ = try await store.addLedgerItem(NewLedgerItem(countyCode: "341101", year: 2025, title: "另一县", owner: "某股", due: due), by: planner, at: Self.t0)
            await #expect(throws: StoreError.self) {
                _ = try await store.addLedgerItem(NewLedgerItem(countyCode: "341102", year: 2025, title: "  ", owner: "x", due: due), by: planner, at: Self.t0)
            }
            #expect(try await store.ledgerItem(id: item.id) == item)
            #expect(try await store.ledgerItems(counties: ["341102"]) == [item])
            #expect(try await store.ledgerItems(counties: nil).count == 2)

            let later = try #require(CalendarDate(year: 2026, month: 8, day: 31))
            var updated = try await store.updateLedgerItem(id: item.id, LedgerUpdate(status: .inProgress, due: later, note: "已完成设计招标"),
                                                           by: planner, at: Self.t0.addingTimeInterval(60))
            #expect(updated.status == .inProgress && updated.due == later)
            #expect(updated.notes == [LedgerNote(at: Self.t0.addingTimeInterval(60), accountName: "李规划", text: "已完成设计招标", status: .inProgress)])
            // Completion needs evidence; verification needs completion; a wrong file changes nothing.
            await #expect(throws: StoreError.self) { _ = try await store.updateLedgerItem(id: item.id, LedgerUpdate(status: .completed), by: planner, at: Self.t0) }
            await #expect(throws: StoreError.self) { _ = try await store.updateLedgerItem(id: item.id, LedgerUpdate(status: .verified), by: supervisor, at: Self.t0) }
            await #expect(throws: StoreError.self) { _ = try await store.updateLedgerItem(id: item.id, LedgerUpdate(), by: planner, at: Self.t0) }
            await #expect(throws: StoreError.self) {
                _ = try await store.attachEvidence(itemID: item.id, fileName: "验收.pdf", bytes: Array("MZ\u{90}\u{0}".utf8), by: planner, at: Self.t0)
            }
            await #expect(throws: StoreError.self) {
                _ = try await store.attachEvidence(itemID: item.id, fileName: "验收.exe", bytes: Self.pdf, by: planner, at: Self.t0)
            }
            await #expect(throws: StoreError.self) {
                _ = try await store.attachEvidence(itemID: item.id, fileName: "big.pdf", bytes: Self.pdf + [UInt8](repeating: 0x20, count: EvidenceKind.maximumBytes),
                                                   by: planner, at: Self.t0)
            }
            #expect(try await store.ledgerItem(id: item.id)?.evidence.isEmpty == true)
            let file = try await store.attachEvidence(itemID: item.id, fileName: "C:\\fakepath/操场验收报告\u{7}.pdf", bytes: Self.pdf, by: planner, at: Self.t0)
            #expect(file.fileName == "操场验收报告.pdf" && file.kind == .pdf && file.size == Self.pdf.count)
            #expect(file.sha256.count == 64 && file.sha256.allSatisfy(\.isHexDigit))
            let read = try #require(try await store.evidence(id: file.id))
            #expect(read.file == file && read.bytes == Self.pdf)
            updated = try await store.updateLedgerItem(id: item.id, LedgerUpdate(status: .completed, note: "操场已竣工验收"), by: planner, at: Self.t0)
            #expect(updated.status == .completed && updated.evidence == [file])
            updated = try await store.updateLedgerItem(id: item.id, LedgerUpdate(status: .verified, note: "现场核验属实"), by: supervisor, at: Self.t0)
            #expect(updated.status == .verified && updated.notes.count == 3)
            #expect(try await store.ledgerItem(id: item.id) == updated)
            // Verified: closed to every change.
            await #expect(throws: StoreError.self) { _ = try await store.updateLedgerItem(id: item.id, LedgerUpdate(note: "补充"), by: planner, at: Self.t0) }
            await #expect(throws: StoreError.self) { _ = try await store.attachEvidence(itemID: item.id, fileName: "x.pdf", bytes: Self.pdf, by: planner, at: Self.t0) }
            await #expect(throws: StoreError.self) { _ = try await store.updateLedgerItem(id: 9_999, LedgerUpdate(note: "x"), by: planner, at: Self.t0) }

            let trail = try await store.auditTrail(AuditQuery(counties: ["341102"])).entries.reversed().map { "\($0.action.rawValue):\($0.field ?? "")" }
            #expect(trail == [
                "ledger_item:school:primary:3411020001", "ledger_update:status", "ledger_update:due", "ledger_update:note",
                "ledger_evidence:evidence", "ledger_update:status", "ledger_update:note", "ledger_update:status", "ledger_update:note",
            ])
        } catch {
            try await close()
            throw error
        }
        try await close()
    }

    @Test func anOverdueItemIsOpenAndPastItsDate() throws {
        let due = try #require(CalendarDate(year: 2026, month: 6, day: 30))
        var item = LedgerItem(id: 1, countyCode: "341102", year: 2025, gapKey: nil, schoolCode: nil, title: "t", owner: "o", due: due,
                              status: .inProgress, createdBy: "p", createdAt: Self.t0)
        #expect(!item.isOverdue(on: due))
        #expect(item.isOverdue(on: try #require(CalendarDate(year: 2026, month: 7, day: 1))))
        item.status = .completed
        #expect(!item.isOverdue(on: try #require(CalendarDate(year: 2026, month: 7, day: 1))))
    }

    @Test func evidenceKindsAgreeWithTheirNames() {
        #expect(EvidenceKind(fileName: "a.PDF", bytes: Self.pdf) == .pdf)
        #expect(EvidenceKind(fileName: "a.png", bytes: Self.pdf) == nil)
        #expect(EvidenceKind(fileName: "scan.jpg", bytes: [0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(EvidenceKind(fileName: "表.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04, 0]) == .xlsx)
        #expect(EvidenceKind(fileName: "page.html", bytes: Array("<html>".utf8)) == nil)
    }
}
