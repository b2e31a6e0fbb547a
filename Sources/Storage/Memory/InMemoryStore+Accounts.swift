import Foundation

extension InMemoryStore: AccountStore {
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

    public func setScope(accountID id: Int64, role: Role, counties: [String], schoolCode: String?) throws -> Account {
        guard let account = accountsByID[id] else { throw StoreError.notFound("account \(id)") }
        let next = try account.rescoped(role: role, counties: counties, schoolCode: schoolCode)
        accountsByID[id] = next
        sessions = sessions.filter { $0.value.accountID != id }
        return next
    }

    public func setDisabled(_ disabled: Bool, accountID id: Int64) throws {
        guard accountsByID[id] != nil else { throw StoreError.notFound("account \(id)") }
        accountsByID[id]!.disabled = disabled
        if disabled { sessions = sessions.filter { $0.value.accountID != id } }
    }
}
