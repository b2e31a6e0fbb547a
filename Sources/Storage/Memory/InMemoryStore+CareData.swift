import Domain
import Foundation

extension InMemoryStore: CareDataStore {
    public func children(county: String, year: Int) -> [Child] {
        (registers[CountyYear(countyCode: county, year: year)] ?? [:]).values.sorted { Array($0.id.utf8).lexicographicallyPrecedes($1.id.utf8) }
    }

    public func replaceChildren(county: String, year: Int, children: [Child], by account: Account, at time: Date) throws -> CareDataChanges {
        let new = try CheckedCareData.register(county: county, year: year, children: children)
        let changes = CareDataChanges(stored: self.children(county: county, year: year), new: new)
        guard !changes.isEmpty else { return changes }
        registers[CountyYear(countyCode: county, year: year)] = new.isEmpty ? nil : new
        for entry in changes.auditEntries(county: county, year: year, by: account, at: time) { append(entry) }
        bumpRevisions([county])
        return changes
    }

    public func dropoutCases(county: String) -> [DropoutCase] {
        (dropouts[county] ?? [:]).values.sorted { ($0.childID, $0.opened) < ($1.childID, $1.opened) }
    }

    public func saveDropoutCases(county: String, cases: [DropoutCase], by account: Account, at time: Date) throws -> [DropoutCase] {
        try CheckedCareData.cases(county: county, cases: cases)
        var changed: [DropoutCase] = []
        for var c in cases {
            c.visits.sort { $0.date < $1.date }
            let key = "\(c.childID) \(c.opened.text)", old = dropouts[county]?[key]
            guard old != c else { continue }
            dropouts[county, default: [:]][key] = c
            append(c.auditEntry(replacing: old, by: account, at: time))
            changed.append(c)
        }
        if !changed.isEmpty { bumpRevisions([county]) }
        return changed
    }

    public func cohorts(county: String) -> [CohortRecord] {
        cohortRecords.filter { $0.key.countyCode == county }.flatMap(\.value.values).sorted { ($0.year, $0.schoolCode) < ($1.year, $1.schoolCode) }
    }

    public func replaceCohorts(county: String, year: Int, cohorts: [CohortRecord], by account: Account, at time: Date) throws -> Int {
        try CheckedCareData.cohorts(county: county, year: year, cohorts: cohorts)
        let key = CountyYear(countyCode: county, year: year)
        let new = Dictionary(uniqueKeysWithValues: cohorts.map { ($0.schoolCode, $0) })
        let old = cohortRecords[key] ?? [:]
        guard new != old else { return 0 }
        cohortRecords[key] = new.isEmpty ? nil : new
        append(CohortRecord.auditEntry(county: county, year: year, before: old.count, after: new.count, by: account, at: time))
        bumpRevisions([county])
        return new.count
    }

    public func recordPersonalRead(_ read: PersonalRead, by account: Account, at time: Date) {
        append(read.auditEntry(by: account, at: time))
    }
}
