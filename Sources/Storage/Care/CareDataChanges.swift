import Domain
import Foundation

/// What a replacement of a county-year's register changed (``CareDataStore``): the children
/// added, changed (with the columns) and removed.
public struct CareDataChanges: Sendable, Hashable {
    public var before: Int, after: Int
    /// Each child added, changed or removed, in id order.
    public var children: [ChildChange]

    public init(before: Int, after: Int, children: [ChildChange]) {
        self.before = before
        self.after = after
        self.children = children
    }

    /// Whether nothing changed.
    public var isEmpty: Bool { children.isEmpty }

    /// The changes that make `stored` into `new` (both of one county-year).
    public init(stored: [Child], new: [String: Child]) {
        var changes: [ChildChange] = []
        var kept = Set<String>()
        for old in stored {
            kept.insert(old.id)
            if let child = new[old.id] {
                if child != old { changes.append(ChildChange(old: old, new: child)) }
            } else {
                changes.append(ChildChange(old: old, new: nil))
            }
        }
        for child in new.values where !kept.contains(child.id) { changes.append(ChildChange(old: nil, new: child)) }
        changes.sort { $0.id < $1.id }
        self.init(before: stored.count, after: new.count, children: changes)
    }

    /// The children to write: added and changed.
    public var written: [Child] { children.compactMap(\.new) }

    /// The ids removed.
    public var removedIDs: [String] { children.filter { $0.new == nil }.map(\.id) }

    /// The trail's entries, action ``AuditAction/careData``: the count before and after
    /// (field `child_count`), then one per child (field `child:ID`): `added`, `removed`, or the
    /// keys of the columns that changed as the new value — never a personal value, so that
    /// the trail a supervisor reads holds none.
    public func auditEntries(county: String, year: Int, by account: Account, at time: Date) -> [AuditEntry] {
        func entry(_ field: String, old: String?, new: String?, school: String? = nil) -> AuditEntry {
            AuditEntry(id: 0, at: time, accountName: account.name, action: .careData, countyCode: county, year: year, schoolCode: school,
                       field: field, oldValue: old, newValue: new)
        }
        guard !children.isEmpty else { return [] }
        var entries = [entry("child_count", old: String(before), new: String(after))]
        for change in children {
            let school = (change.new ?? change.old)?.schoolCode
            switch (change.old, change.new) {
            case (nil, _): entries.append(entry("child:\(change.id)", old: nil, new: "added", school: school))
            case (_, nil): entries.append(entry("child:\(change.id)", old: "removed", new: nil, school: school))
            default: entries.append(entry("child:\(change.id)", old: nil, new: change.columns.map(\.rawValue).joined(separator: ","), school: school))
            }
        }
        return entries
    }
}

/// One child added (no `old`), removed (no `new`) or changed.
public struct ChildChange: Sendable, Hashable {
    public var old: Child?
    public var new: Child?

    public init(old: Child?, new: Child?) {
        precondition(old != nil || new != nil, "a change of no child")
        self.old = old
        self.new = new
    }

    public var id: String { (new ?? old)!.id }

    /// The columns whose values differ.
    public var columns: [Child.Column] {
        Child.Column.allCases.filter { old?.text(of: $0) != new?.text(of: $0) }
    }
}

/// The bounds the store keeps on care data, checked before anything is written.
public enum CheckedCareData {
    /// `children` by id, when each is of `county` and `year`, named, in grades 1…9, once.
    public static func register(county: String, year: Int, children: [Child]) throws -> [String: Child] {
        var byID: [String: Child] = [:]
        for child in children {
            guard child.countyCode == county, child.year == year else { throw StoreError.invalid("child \(child.id) is not of \(county) \(year)") }
            guard !child.id.isEmpty, !child.name.isEmpty, child.grade.map({ (1...9).contains($0) }) ?? true else {
                throw StoreError.invalid("child \(child.id): empty id or name, or a grade outside 1…9")
            }
            guard byID.updateValue(child, forKey: child.id) == nil else { throw StoreError.duplicate("child \(child.id)") }
        }
        return byID
    }

    /// `cases` checked: of `county`, closed exactly when dated, once each.
    public static func cases(county: String, cases: [DropoutCase]) throws {
        var seen = Set<String>()
        for c in cases {
            guard c.countyCode == county, !c.childID.isEmpty else { throw StoreError.invalid("case \(c.childID) is not of \(county)") }
            guard c.isClosed == (c.closed != nil), c.closed.map({ $0 >= c.opened }) ?? true,
                  c.visits.allSatisfy({ $0.date >= c.opened && !$0.visitor.isEmpty }) else {
                throw StoreError.invalid("case \(c.childID): closed without a date, open with one, or dated before it was opened")
            }
            guard seen.insert("\(c.childID) \(c.opened.text)").inserted else { throw StoreError.duplicate("case \(c.childID) \(c.opened.text)") }
        }
    }

    /// `cohorts` checked: of `county` and `year`, counts that leave the cohort at 0 or more, once each.
    public static func cohorts(county: String, year: Int, cohorts: [CohortRecord]) throws {
        var seen = Set<String>()
        for c in cohorts {
            guard c.countyCode == county, c.year == year else { throw StoreError.invalid("cohort \(c.schoolCode) is not of \(county) \(year)") }
            let remaining = c.entrants + c.transfersIn - c.transfersOut - c.deaths
            guard [c.entrants, c.transfersIn, c.transfersOut, c.deaths, c.graduates ?? 0].allSatisfy({ $0 >= 0 }), remaining >= 0,
                  (c.graduates ?? 0) <= remaining else { throw StoreError.invalid("cohort \(c.schoolCode): impossible counts") }
            guard seen.insert(c.schoolCode).inserted else { throw StoreError.duplicate("cohort \(c.schoolCode)") }
        }
    }
}

extension DropoutCase {
    /// The trail's entry of this case saved over `old` (nil: a new case), action
    /// ``AuditAction/dropoutCase``, field `case:CHILD:OPENED`: the status before and after,
    /// and the number of visits as the note.
    public func auditEntry(replacing old: DropoutCase?, by account: Account, at time: Date) -> AuditEntry {
        AuditEntry(id: 0, at: time, accountName: account.name, action: .dropoutCase, countyCode: countyCode, year: opened.year,
                   schoolCode: schoolCode, field: "case:\(childID):\(opened.text)", oldValue: old?.status.rawValue, newValue: status.rawValue,
                   note: "visits \(old?.visits.count ?? 0)→\(visits.count)")
    }
}

extension CohortRecord {
    /// The trail's entry of a county-year's cohorts replaced: action ``AuditAction/cohortData``,
    /// field `cohort_count`, the number of schools before and after.
    public static func auditEntry(county: String, year: Int, before: Int, after: Int, by account: Account, at time: Date) -> AuditEntry {
        AuditEntry(id: 0, at: time, accountName: account.name, action: .cohortData, countyCode: county, year: year,
                   field: "cohort_count", oldValue: String(before), newValue: String(after))
    }
}

extension AuditEntry {
    /// The entry as `account` may see it: the children's ids of a care entry (a register
    /// change, a case, a personal read) kept to their last four characters unless the account
    /// may see the county's children (PIPL: the trail a supervisor reads names no child).
    public func masked(for account: Account) -> AuditEntry {
        guard [.careData, .dropoutCase, .personalRead].contains(action), !account.may(.readChildren(county: countyCode, school: nil)) else {
            return self
        }
        var entry = self
        switch action {
        case .personalRead:
            entry.newValue = newValue.map { $0.split(separator: ",").map { Child.maskedID(String($0)) }.joined(separator: ",") }
        default:
            // `child:ID` and `case:ID:OPENED`.
            if let field, let colon = field.firstIndex(of: ":") {
                let kind = field[..<colon], rest = field[field.index(after: colon)...]
                if kind == "case", let last = rest.lastIndex(of: ":") {
                    entry.field = "case:" + Child.maskedID(String(rest[..<last])) + rest[last...]
                } else {
                    entry.field = kind + ":" + Child.maskedID(String(rest))
                }
            }
        }
        return entry
    }
}

extension AuditPage {
    /// The page with each entry as `account` may see it (``AuditEntry/masked(for:)``).
    public func masked(for account: Account) -> AuditPage {
        var page = self
        page.entries = entries.map { $0.masked(for: account) }
        return page
    }
}
