import Foundation
import Storage
import Testing

/// What every ``AccountStore`` promises of an administrator's changes: a new scope is checked
/// by the rules of a role and ends the account's sessions; a turned-off account reads back off
/// and its sessions end; the sessions of one account end but one.
@Suite("Account administration store contract")
struct AccountAdminContractTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    @Test(arguments: StoreKind.allCases)
    func scopeAndStateChangeAndEndTheSessions(kind: StoreKind) async throws {
        let (store, close) = try await kind.makeStore()
        do {
            let clerk = try await store.createAccount(NewAccount(name: "王填报", role: .clerk, counties: ["341102"], schoolCode: "3411020001",
                                                                 passwordHash: "$2b$04$x"), at: Self.t0)
            #expect(!clerk.disabled)
            func session(_ token: String) -> SessionRecord {
                SessionRecord(tokenHash: token, accountID: clerk.id, csrfToken: "c", createdAt: Self.t0, expiresAt: Self.t0.addingTimeInterval(3600))
            }
            try await store.createSession(session("s1"))
            try await store.createSession(session("s2"))
            try await store.deleteSessions(accountID: clerk.id, except: "s2")
            #expect(try await store.session(tokenHash: "s1") == nil)
            #expect(try await store.session(tokenHash: "s2") != nil)

            await #expect(throws: StoreError.self) { _ = try await store.setScope(accountID: clerk.id, role: .planner, counties: [], schoolCode: nil) }
            let planner = try await store.setScope(accountID: clerk.id, role: .planner, counties: ["341102"], schoolCode: nil)
            #expect(planner.role == .planner && planner.schoolCode == nil)
            #expect(try await store.account(id: clerk.id) == planner)
            #expect(try await store.session(tokenHash: "s2") == nil)

            try await store.createSession(session("s3"))
            try await store.setDisabled(true, accountID: clerk.id)
            #expect(try await store.account(id: clerk.id)?.disabled == true)
            #expect(try await store.session(tokenHash: "s3") == nil)
            try await store.setDisabled(false, accountID: clerk.id)
            #expect(try await store.account(named: "王填报")?.disabled == false)
            await #expect(throws: StoreError.self) { try await store.setDisabled(true, accountID: 9_999) }
        } catch {
            try await close()
            throw error
        }
        try await close()
    }
}
