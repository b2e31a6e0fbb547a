import Foundation

/// A person who signs in (用户).
public struct Account: Sendable, Hashable, Identifiable {
    /// The store's identifier.
    public var id: Int64
    /// The sign-in name, unique.
    public var name: String
    /// What the account may do.
    public var role: Role
    /// The counties (县区代码) a planner (exactly one) or supervisor (one or more) works on;
    /// a clerk's school's county; a care officer's county; empty for an administrator.
    public var counties: [String]
    /// A clerk's school (学校标识码), or a school care teacher's (a care officer of one school); `nil` otherwise.
    public var schoolCode: String?
    /// The bcrypt hash of the password.
    public var passwordHash: String
    /// When the account was made.
    public var createdAt: Date
    /// 已停用: an administrator turned the account off; it cannot sign in, and its sessions end.
    public var disabled: Bool

    public init(
        id: Int64, name: String, role: Role, counties: [String], schoolCode: String?,
        passwordHash: String, createdAt: Date, disabled: Bool = false
    ) {
        self.disabled = disabled
        self.id = id
        self.name = name
        self.role = role
        self.counties = counties
        self.schoolCode = schoolCode
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }
}

/// An account to be made: everything but the store's identifier and the time.
public struct NewAccount: Sendable, Hashable {
    public var name: String
    public var role: Role
    public var counties: [String]
    public var schoolCode: String?
    public var passwordHash: String

    /// An account to be made.
    ///
    /// - Throws: ``AccountError`` when the role's scope is wrong: a planner needs exactly one
    ///   county, a supervisor at least one, a clerk one county and a school, an administrator none.
    public init(name: String, role: Role, counties: [String] = [], schoolCode: String? = nil, passwordHash: String) throws(AccountError) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 64, !trimmed.contains(where: { $0.isNewline }) else {
            throw AccountError(.badName)
        }
        guard counties.allSatisfy({ $0.count == 6 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            throw AccountError(.badCounty)
        }
        switch role {
        case .admin where !counties.isEmpty || schoolCode != nil: throw AccountError(.scopeNotAllowed)
        case .planner where counties.count != 1 || schoolCode != nil: throw AccountError(.plannerNeedsOneCounty)
        case .supervisor where counties.isEmpty || schoolCode != nil: throw AccountError(.supervisorNeedsCounties)
        case .clerk where counties.count != 1 || (schoolCode ?? "").isEmpty: throw AccountError(.clerkNeedsSchool)
        case .careOfficer where counties.count != 1 || schoolCode == "": throw AccountError(.careOfficerNeedsOneCounty)
        default: break
        }
        self.name = trimmed
        self.role = role
        self.counties = Array(Set(counties)).sorted()
        self.schoolCode = schoolCode
        self.passwordHash = passwordHash
    }
}

/// Why an account cannot be made as asked.
public struct AccountError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        case badName, badCounty, scopeNotAllowed, plannerNeedsOneCounty, supervisorNeedsCounties, clerkNeedsSchool, careOfficerNeedsOneCounty
    }
    let kind: Kind
    init(_ kind: Kind) { self.kind = kind }

    public var description: String {
        switch kind {
        case .badName: "the name must be 1–64 characters on one line"
        case .badCounty: "a county code has 6 digits"
        case .scopeNotAllowed: "an administrator has no county or school"
        case .plannerNeedsOneCounty: "a planner needs exactly one county (--county CODE)"
        case .supervisorNeedsCounties: "a supervisor needs one or more counties (--county CODE, repeatable)"
        case .clerkNeedsSchool: "a clerk needs their school (--school CODE) and its county (--county CODE)"
        case .careOfficerNeedsOneCounty: "a care officer needs exactly one county (--county CODE), and a school (--school CODE) when they care for one school's children"
        }
    }
}

extension Account {
    /// This account with the role and scope given, checked by the rules of a new account.
    ///
    /// - Throws: ``StoreError/isInvalid`` when the role's scope is wrong (``AccountError``).
    public func rescoped(role: Role, counties: [String], schoolCode: String?) throws -> Account {
        let checked: NewAccount
        do {
            checked = try NewAccount(name: name, role: role, counties: counties, schoolCode: schoolCode, passwordHash: passwordHash)
        } catch {
            throw StoreError.invalid(error.description)
        }
        var next = self
        next.role = checked.role
        next.counties = checked.counties
        next.schoolCode = checked.schoolCode
        return next
    }
}
