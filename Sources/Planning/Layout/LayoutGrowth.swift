import Domain

/// How a stage's children grow in a forecast year against the base year (学龄人口变化): the
/// county's forecast students of the stage ÷ its students in the last year of history. The
/// layout scales each community's children by it to state the classes the community will need
/// (``LayoutRequirement/forecast``).
///
/// Worked example: a county's primary schools teach 9,000 pupils in 2025 and are forecast to
/// teach 9,900 in 2027; the factor of 2027 is 1.1, and a community with 1,710 children today is
/// expected to have 1,881 (⌈1,881 ÷ 45⌉ = 42 classes).
public struct LayoutGrowth: Sendable, Hashable {
    public var year: Int
    public var factor: Double

    public init(year: Int, factor: Double) {
        self.year = year
        self.factor = factor
    }

    /// The factors of `stage` over the years of `forecast`, from the schools it forecasts (their
    /// base-year rows of `history`); none when the base year has no students of the stage.
    public static func of(_ forecast: EnrollmentForecast, history: [EnrollmentRecord], stage: Stage) -> [LayoutGrowth] {
        let codes = Set(forecast.schools.filter { $0.stages.contains { $0.stage == stage } }.map(\.code))
        let grades = EnrollmentForecast.grades(of: stage)
        let base = history.reduce(0) { total, r in
            r.year == forecast.baseYear && grades.contains(r.grade) && codes.contains(r.schoolCode) ? total + r.students : total
        }
        guard base > 0 else { return [] }
        return forecast.years.compactMap { year in
            let students = forecast.schools.reduce(0.0) { total, school in
                total + school.stages.filter { $0.stage == stage }.reduce(0.0) { sum, s in
                    sum + (s.years.first { $0.year == year }?.students ?? 0)
                }
            }
            let factor = students / Double(base)
            return factor.isFinite ? LayoutGrowth(year: year, factor: factor) : nil
        }
    }
}
