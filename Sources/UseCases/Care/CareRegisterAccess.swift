import Domain
import Foundation
import Storage

/// The children register as an account may see it (PIPL Art. 28: access by need): unmasked
/// for holders of ``Storage/Permission/readChildren(county:school:)`` — and then the read is
/// recorded in the trail, who, which children, when and through what — masked
/// (``Domain/Child/masked``) for whoever else may read the county; refused otherwise.
///
/// The web's care pages and exports and the command's `children list` read through it alone,
/// so no path shows a name without its record.
public struct CareRegisterAccess: Sendable {
    public var store: any Store

    public init(store: any Store) {
        self.store = store
    }

    /// What the account sees.
    public struct View: Sendable, Hashable {
        /// The children, in register order — masked unless ``unmasked``.
        public var children: [Child]
        /// Whether the names, ids, birth dates and contacts are shown.
        public var unmasked: Bool
    }

    /// Why the register is not shown: the account may not read the county (or school).
    public struct Refusal: Error, Sendable, Hashable {}

    /// The register of `county` in `year` (only `school`'s children when given) as `account`
    /// may see it; an unmasked read of any child is recorded with `purpose` (the page or the
    /// export) before it is returned.
    ///
    /// - Throws: ``Refusal`` when the account may not read the county (or the school).
    public func children(county: String, year: Int, school: String?, by account: Account, purpose: String, at time: Date) async throws -> View {
        try Self.authorise(county: county, school: school, account)
        var children = try await store.children(county: county, year: year)
        if let school { children = children.filter { $0.schoolCode == school } }
        return try await shown(children, county: county, year: year, school: school, by: account, purpose: purpose, at: time)
    }

    /// `children` (of `county`, `year` and `school` when given, read by the caller — a pairing
    /// just made) as `account` may see them: unmasked and recorded, or masked.
    ///
    /// - Throws: ``Refusal`` when the account may not read the county (or the school).
    public func shown(_ children: [Child], county: String, year: Int, school: String?, by account: Account, purpose: String, at time: Date)
        async throws -> View
    {
        try Self.authorise(county: county, school: school, account)
        guard account.may(.readChildren(county: county, school: school)) else { return View(children: children.map(\.masked), unmasked: false) }
        if !children.isEmpty {
            try await store.recordPersonalRead(PersonalRead(county: county, year: year, school: school, childIDs: children.map(\.id), purpose: purpose),
                                               by: account, at: time)
        }
        return View(children: children, unmasked: true)
    }

    /// Whether `account` may see the county's (or school's) children at all, masked or not.
    public static func mayRead(county: String, school: String?, _ account: Account) -> Bool {
        let readable = school.map { account.may(.readSchool(county: county, school: $0)) } ?? account.may(.readCounty(county))
        return readable || account.may(.readChildren(county: county, school: school))
    }

    private static func authorise(county: String, school: String?, _ account: Account) throws {
        guard mayRead(county: county, school: school, account) else { throw Refusal() }
    }

    /// The dropout cases of `county` (only `school`'s when given), with their child ids masked
    /// unless the account holds the permission — then recorded as a personal read.
    public func dropoutCases(county: String, school: String?, by account: Account, purpose: String, at time: Date) async throws -> (cases: [DropoutCase], unmasked: Bool) {
        try Self.authorise(county: county, school: school, account)
        let personal = account.may(.readChildren(county: county, school: school))
        var cases = try await store.dropoutCases(county: county)
        if let school { cases = cases.filter { $0.schoolCode == school } }
        guard personal else {
            return (cases.map { var c = $0; c.childID = Child.maskedID(c.childID); return c }, false)
        }
        if !cases.isEmpty {
            let year = cases.map(\.opened.year).max()!
            try await store.recordPersonalRead(PersonalRead(county: county, year: year, school: school, childIDs: cases.map(\.childID), purpose: purpose),
                                               by: account, at: time)
        }
        return (cases, true)
    }
}
