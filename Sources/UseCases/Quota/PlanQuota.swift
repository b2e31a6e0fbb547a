import Domain
import Interchange
import Planning
import Storage

/// The high-school quota use case (指标到校) the command and the web server share: quality high
/// schools' plans shared among the junior schools of the school rows by their graduates.
///
/// ```swift
/// let allocations = try PlanQuota(rules: .defaults).allocate(quotas, schools: rows)
/// ```
public struct PlanQuota: Sendable {
    public var rules: QuotaRules

    public init(rules: QuotaRules = .defaults) {
        self.rules = rules
    }

    /// One allocation per county (or city-wide group) and year of `quotas`
    /// (``Planning/QuotaAllocation/allocations(_:schools:rules:)``).
    ///
    /// - Throws: ``PlanningError`` when a quota cannot be shared; the `quota` check
    ///   (``Interchange/QuotaInputCheck``) refuses such files first, at their rows.
    public func allocate(_ quotas: [HighSchoolQuota], schools: [SchoolYear]) throws(PlanningError) -> [QuotaAllocation] {
        try QuotaAllocation.allocations(quotas, schools: schools, rules: rules)
    }
}

/// A county's quota allocation as the quota page shows it: an uploaded `quota` file shared among
/// the county's stored junior schools of the year. Nothing is stored.
public struct CountyQuota: Sendable {
    public var chosen: CountyYear
    public var rules: QuotaRules
    public var allocations: [QuotaAllocation]
    /// What the reader noted without refusing, each a sentence.
    public var warnings: [String]
}

extension PlanQuota {
    /// The allocation of `file`'s quotas of `chosen`'s year among the county's stored junior
    /// schools, off the caller's thread. A row of another county or another year is refused at
    /// its cell; a row without a county is shared among this county's schools.
    ///
    /// - Throws: ``DataFileError`` with every problem of the file (its own, and against the
    ///   county's rows: no junior school, graduates not reported, minimums above the places).
    public func plan(_ chosen: CountyYear, quota file: UploadedFile, store: any Store, work: any WorkRunner,
                     language l: Language) async throws -> CountyQuota {
        let schools = try await store.schoolYears(county: chosen.code, year: chosen.year)
        let made: Result<CountyQuota, DataFileError> = try await work.run { [rules] () throws -> Result<CountyQuota, DataFileError> in
            let quotaFile: QuotaFile
            do {
                quotaFile = try QuotaReader(language: l).read(file.bytes, file: file.name, sheet: file.sheet)
            } catch let error as DataFileError {
                return .failure(error)
            }
            let check = QuotaInputCheck(language: l)
            // Rows of another county or year are not checked against this county's schools as well.
            let foreign = check.problems(quotas: quotaFile, county: chosen.code, year: chosen.year)
            let problems = foreign.isEmpty ? check.problems(quotas: quotaFile, schools: schools) : foreign
            guard problems.isEmpty else { return .failure(DataFileError(errors: problems)) }
            let allocations = try PlanQuota(rules: rules).allocate(quotaFile.quotas, schools: schools)
            return .success(CountyQuota(chosen: chosen, rules: rules, allocations: allocations, warnings: quotaFile.warnings))
        }
        return try made.get()
    }
}
