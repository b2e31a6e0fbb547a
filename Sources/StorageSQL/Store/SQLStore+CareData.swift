import Domain
import Foundation
import Storage

extension SQLStore: CareDataStore {
    public func children(county: String, year: Int) async throws -> [Child] {
        try await reading { try await $0.children(county: county, year: year) }
    }

    /// Checks the register first (nothing is opened for a refused write), then compares it
    /// child by child with the stored one and writes the changes, their trail entries and the
    /// county's new data revision in one exclusive transaction.
    public func replaceChildren(county: String, year: Int, children: [Child], by account: Account, at time: Date) async throws -> CareDataChanges {
        let new = try CheckedCareData.register(county: county, year: year, children: children)
        return try await writing { session in
            let changes = CareDataChanges(stored: try await session.children(county: county, year: year), new: new)
            guard !changes.isEmpty else { return changes }
            try await session.applyChildChanges(changes, county: county, year: year)
            try await session.appendAudit(changes.auditEntries(county: county, year: year, by: account, at: time))
            try await session.bumpRevisions([county])
            return changes
        }
    }

    public func dropoutCases(county: String) async throws -> [DropoutCase] {
        try await reading { try await $0.dropoutCases(county: county) }
    }

    public func saveDropoutCases(county: String, cases: [DropoutCase], by account: Account, at time: Date) async throws -> [DropoutCase] {
        try CheckedCareData.cases(county: county, cases: cases)
        return try await writing { session in
            let stored = Dictionary(try await session.dropoutCases(county: county).map { ("\($0.childID) \($0.opened.text)", $0) },
                                    uniquingKeysWith: { a, _ in a })
            var changed: [DropoutCase] = []
            for var c in cases {
                c.visits.sort { $0.date < $1.date }
                let old = stored["\(c.childID) \(c.opened.text)"]
                guard old != c else { continue }
                try await session.saveDropoutCase(c)
                changed.append(c)
            }
            guard !changed.isEmpty else { return changed }
            try await session.appendAudit(changed.map { $0.auditEntry(replacing: stored["\($0.childID) \($0.opened.text)"], by: account, at: time) })
            try await session.bumpRevisions([county])
            return changed
        }
    }

    public func cohorts(county: String) async throws -> [CohortRecord] {
        try await reading { try await $0.cohorts(county: county) }
    }

    public func replaceCohorts(county: String, year: Int, cohorts: [CohortRecord], by account: Account, at time: Date) async throws -> Int {
        try CheckedCareData.cohorts(county: county, year: year, cohorts: cohorts)
        let new = cohorts.sorted { $0.schoolCode < $1.schoolCode }
        return try await writing { session in
            let old = try await session.cohorts(county: county, year: year)
            guard old != new else { return 0 }
            try await session.replaceCohorts(county: county, year: year, cohorts: new)
            try await session.appendAudit([CohortRecord.auditEntry(county: county, year: year, before: old.count, after: new.count, by: account, at: time)])
            try await session.bumpRevisions([county])
            return new.count
        }
    }

    public func recordPersonalRead(_ read: PersonalRead, by account: Account, at time: Date) async throws {
        try await writing(exclusive: false) { session in
            try await session.appendAudit([read.auditEntry(by: account, at: time)])
        }
    }
}
