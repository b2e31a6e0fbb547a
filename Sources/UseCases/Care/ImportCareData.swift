import Domain
import Foundation
import Interchange
import Storage

/// Brings a county's care files into the store: a children register (replacing each
/// county-year's register the file holds), a dropout ledger (adding or updating its cases)
/// and cohorts (replacing each county-year's). Authorisation first — every county of the
/// files needs ``Storage/Permission/editCareData(county:school:)`` — then every file is checked
/// against the stored schools (and the ledger against the register), all problems at once;
/// nothing is written unless every file passes.
public struct ImportCareData: Sendable {
    public var store: any Store

    public init(store: any Store) {
        self.store = store
    }

    /// The files of one import; any may be missing.
    public struct Files: Sendable {
        public var children: ChildrenFile?
        public var dropouts: DropoutsFile?
        public var cohorts: CohortsFile?

        public init(children: ChildrenFile? = nil, dropouts: DropoutsFile? = nil, cohorts: CohortsFile? = nil) {
            self.children = children
            self.dropouts = dropouts
            self.cohorts = cohorts
        }

        /// The counties the files name.
        public var counties: Set<String> {
            Set((children?.children.map(\.countyCode) ?? []) + (dropouts?.content.values.map(\.countyCode) ?? [])
                + (cohorts?.cohorts.map(\.countyCode) ?? []))
        }
    }

    /// What was written.
    public struct Receipt: Sendable, Hashable {
        /// Children in the registers written, and how many were added, changed and removed.
        public var children = 0, added = 0, changed = 0, removed = 0
        /// Dropout cases added or updated.
        public var cases = 0
        /// Cohorts (schools) in the county-years written.
        public var cohorts = 0
    }

    /// The account may import care data into each of `counties`, or the refusal.
    ///
    /// - Throws: ``ImportRefusal`` naming the first county it may not.
    public static func authorise(_ counties: Set<String>, by account: Account, language l: Language) throws {
        for county in counties.sorted() where !account.may(.editCareData(county: county, school: nil)) {
            throw ImportRefusal(message: l.pick("无权导入县区\(county)的关爱帮扶数据（儿童登记、控辍保学台账、巩固率）",
                                                "may not import care data (children register, dropout ledger, cohorts) into county \(county)"))
        }
    }

    /// Checks `files` against the stored schools and register, then writes them.
    ///
    /// - Throws: ``ImportRefusal``; ``ImportFileError`` with every problem.
    public func run(_ files: Files, by account: Account, at time: Date, language l: Language) async throws -> Receipt {
        try Self.authorise(files.counties, by: account, language: l)
        var errors: [RowError] = []
        let check = CareInputCheck(language: l)
        var years: [String: Set<Int>] = [:]
        for child in files.children?.children ?? [] { years[child.countyCode, default: []].insert(child.year) }
        for cohort in files.cohorts?.cohorts ?? [] { years[cohort.countyCode, default: []].insert(cohort.year) }
        var schools: [SchoolYear] = []
        for (county, set) in years {
            for year in set.sorted() { schools += try await store.schoolYears(county: county, year: year) }
        }
        if let children = files.children { errors += check.problems(children: children, schools: schools) }
        if let cohorts = files.cohorts { errors += check.problems(cohorts: cohorts, schools: schools) }
        if let dropouts = files.dropouts {
            var register = files.children?.children ?? []
            var everySchool = schools
            for county in Set(dropouts.content.values.map(\.countyCode)) {
                for summary in try await store.counties() where summary.code == county {
                    for year in summary.years {
                        if files.children == nil { register += try await store.children(county: county, year: year) }
                        everySchool += try await store.schoolYears(county: county, year: year)
                    }
                }
            }
            errors += check.problems(dropouts: dropouts, children: register, schools: everySchool)
        }
        guard errors.isEmpty else { throw ImportFileError(problems: errors) }

        var receipt = Receipt()
        if let children = files.children?.children {
            let groups = Dictionary(grouping: children) { "\($0.countyCode) \($0.year)" }
            for key in groups.keys.sorted() {
                let group = groups[key]!
                let changes = try await store.replaceChildren(county: group[0].countyCode, year: group[0].year, children: group, by: account, at: time)
                receipt.children += group.count
                for change in changes.children {
                    switch (change.old, change.new) {
                    case (nil, _): receipt.added += 1
                    case (_, nil): receipt.removed += 1
                    default: receipt.changed += 1
                    }
                }
            }
        }
        if let cases = files.dropouts?.cases {
            for (county, group) in Dictionary(grouping: cases, by: \.countyCode).sorted(by: { $0.key < $1.key }) {
                receipt.cases += try await store.saveDropoutCases(county: county, cases: group, by: account, at: time).count
            }
        }
        if let cohorts = files.cohorts?.cohorts {
            let groups = Dictionary(grouping: cohorts) { "\($0.countyCode) \($0.year)" }
            for key in groups.keys.sorted() {
                let group = groups[key]!
                _ = try await store.replaceCohorts(county: group[0].countyCode, year: group[0].year, cohorts: group, by: account, at: time)
                receipt.cohorts += group.count
            }
        }
        return receipt
    }
}
