import Domain

/// The checks the care files need against the schools (and the register), each at the row
/// and cell a person fixes (`FILE:ROW:COLUMN: message`):
///
/// - a `children` row: at 学校标识码 a school the county has no row for in that year; at 年级 a
///   grade the school's type does not teach (grades 1–6 primary, 7–9 junior; a special school
///   any);
/// - a `dropouts` row: at 学籍号 a child the register does not have (when a register is given);
///   at 学校标识码 an unknown school of the county (any year);
/// - a `cohorts` row: at 学校标识码 a school without a junior stage in the county that year.
///
/// ```swift
/// try CareInputCheck().check(children: file, schools: schools)
/// ```
public struct CareInputCheck: Sendable {
    public var language: Language

    public init(language: Language = .chinese) {
        self.language = language
    }

    private struct SchoolKey: Hashable {
        var county: String
        var year: Int?
        var school: String
    }

    private static func index(_ schools: [SchoolYear], byYear: Bool) -> [SchoolKey: SchoolYear] {
        Dictionary(schools.map { (SchoolKey(county: $0.countyCode, year: byYear ? $0.year : nil, school: $0.schoolCode), $0) },
                   uniquingKeysWith: { a, _ in a })
    }

    /// The problems of a `children` file against `schools`, in file order.
    public func problems(children: ChildrenFile, schools: [SchoolYear]) -> [RowError] {
        let c = children.content, index = Self.index(schools, byYear: true)
        return RowError.inFileOrder(c.values.indices.compactMap { i -> (Int, Int, RowError)? in
            let child = c.values[i]
            guard let code = child.schoolCode else { return nil }
            let found: (CareFileProblem, ChildColumn)?
            if let school = index[SchoolKey(county: child.countyCode, year: child.year, school: code)] {
                let stage: Stage? = child.grade.map { $0 <= 6 ? .primary : .junior }
                if let stage, let grade = child.grade, school.type != .special, !school.type.stages.contains(stage) {
                    found = (.gradeNotTaught(grade, school: code), .grade)
                } else {
                    found = nil
                }
            } else {
                found = (.unknownSchool(code, county: child.countyCode, year: child.year), .schoolCode)
            }
            guard let (problem, column) = found else { return nil }
            let located = c.error(message: problem.message(in: language), at: i, column)
            return (c.rows[i], located.position, located.error)
        })
    }

    /// The problems of a `dropouts` file against, when given, the county's schools (of any
    /// year) and the register (`children`: every child of any year).
    public func problems(dropouts: DropoutsFile, children: [Child]?, schools: [SchoolYear]?) -> [RowError] {
        let d = dropouts.content, index = schools.map { Self.index($0, byYear: false) }
        let known = children.map { Set($0.map { "\($0.countyCode) \($0.id)" }) }
        return RowError.inFileOrder(d.values.indices.flatMap { i -> [(Int, Int, RowError)] in
            let row = d.values[i]
            var found: [(CareFileProblem, DropoutColumn)] = []
            if let known, !known.contains("\(row.countyCode) \(row.childID)") { found.append((.unknownChild(row.childID), .childId)) }
            if let index, let code = row.schoolCode, index[SchoolKey(county: row.countyCode, year: nil, school: code)] == nil {
                found.append((.unknownSchool(code, county: row.countyCode, year: schools?.map(\.year).max() ?? 0), .schoolCode))
            }
            return found.map { problem, column in
                let located = d.error(message: problem.message(in: language), at: i, column)
                return (d.rows[i], located.position, located.error)
            }
        })
    }

    /// The problems of a `cohorts` file against `schools`.
    public func problems(cohorts: CohortsFile, schools: [SchoolYear]) -> [RowError] {
        let c = cohorts.content, index = Self.index(schools, byYear: true)
        return RowError.inFileOrder(c.values.indices.compactMap { i -> (Int, Int, RowError)? in
            let cohort = c.values[i]
            let school = index[SchoolKey(county: cohort.countyCode, year: cohort.year, school: cohort.schoolCode)]
            guard school == nil || !(school!.type.stages.contains(.junior) || school!.type == .special) else { return nil }
            let problem = CareFileProblem.unknownSchool(cohort.schoolCode, county: cohort.countyCode, year: cohort.year)
            let located = c.error(message: problem.message(in: language), at: i, CohortColumn.schoolCode)
            return (c.rows[i], located.position, located.error)
        })
    }

    /// Throws `errors` as one refusal when there are any.
    ///
    /// - Throws: ``DataFileError`` listing every problem.
    public static func refuse(_ errors: [RowError]) throws(DataFileError) {
        if !errors.isEmpty { throw DataFileError(errors: errors) }
    }
}
