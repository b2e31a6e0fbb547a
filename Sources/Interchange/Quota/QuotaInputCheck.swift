import Domain

/// The checks a `quota` file needs against the `schools` file its places are shared among,
/// each at the quota row and cell a person fixes (`FILE:ROW:COLUMN: message`):
///
/// - at 年度: no school with a junior stage in the quota's county (or anywhere, without one)
///   and year;
/// - at 年度: junior schools of that county and year without 初中应届毕业生数, named;
/// - at 每校最少名额: the minimum for every junior school together above the places allocated;
/// - at 招生计划数: places to share while no school has anyone eligible.
///
/// ```swift
/// try QuotaInputCheck().check(quotas: quotaFile, schools: schools)
/// ```
public struct QuotaInputCheck: Sendable {
    /// The language of the messages.
    public var language: Language

    public init(language: Language = .chinese) {
        self.language = language
    }

    /// Every problem, in file order.
    public func problems(quotas: QuotaFile, schools: [SchoolYear]) -> [RowError] {
        let q = quotas.content
        return RowError.inFileOrder(q.values.indices.compactMap { index -> (Int, Int, RowError)? in
            let quota = q.values[index]
            let juniors = quota.juniorSchools(in: schools)
            let problem: (QuotaFileProblem, QuotaColumn)?
            let missing = juniors.filter { $0.graduates == nil }
            let eligible = juniors.reduce(0) { $0 + ($1.eligibleGraduates ?? $1.graduates ?? 0) }
            if juniors.isEmpty {
                problem = (.noJuniorSchools(county: quota.countyCode, year: quota.year), .year)
            } else if !missing.isEmpty {
                problem = (.graduatesMissing(names: missing.prefix(5).map { "\($0.schoolName)（\($0.schoolCode)）" }, count: missing.count), .year)
            } else if let minimum = quota.minimumPerSchool, minimum * juniors.count > quota.allocatedPlaces {
                problem = (.minimumsAbovePlaces(schools: juniors.count, allocated: quota.allocatedPlaces), .minimumPerSchool)
            } else if eligible == 0, quota.allocatedPlaces > 0 {
                problem = (.nobodyEligible(allocated: quota.allocatedPlaces), .totalPlaces)
            } else {
                problem = nil
            }
            guard let (found, column) = problem else { return nil }
            let located = q.error(message: found.message(in: language), at: index, column)
            return (q.rows[index], located.position, located.error)
        })
    }

    /// The rows that do not belong to one county-year (the web's quota page): a 县区代码 other
    /// than `county` (at 县区代码), a 年度 other than `year` (at 年度).
    public func problems(quotas: QuotaFile, county: String, year: Int) -> [RowError] {
        let q = quotas.content
        return RowError.inFileOrder(q.values.indices.flatMap { index -> [(Int, Int, RowError)] in
            let quota = q.values[index]
            var here: [(position: Int, error: RowError)] = []
            if let other = quota.countyCode, other != county {
                here.append(q.error(message: QuotaFileProblem.otherCounty(other, expected: county).message(in: language), at: index, QuotaColumn.countyCode))
            }
            if quota.year != year {
                here.append(q.error(message: QuotaFileProblem.otherYear(quota.year, expected: year).message(in: language), at: index, QuotaColumn.year))
            }
            return here.map { (q.rows[index], $0.position, $0.error) }
        })
    }

    /// Throws the problems of ``problems(quotas:schools:)`` as one refusal.
    ///
    /// - Throws: ``DataFileError`` listing every problem.
    public func check(quotas: QuotaFile, schools: [SchoolYear]) throws(DataFileError) {
        let errors = problems(quotas: quotas, schools: schools)
        if !errors.isEmpty { throw DataFileError(errors: errors) }
    }
}
