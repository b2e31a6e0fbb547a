import Domain

/// The enrollment forecast (招生与在校生预测) by grade progression (cohort survival): each
/// school's grades carried forward year by year, its new intake from births six years earlier
/// (or from its zone's children), and the classes they need.
///
/// **Method** (window w = the rules' `forecast_window`, base year B = the last year of history):
/// - *Grade progression* (升级率), grades 2–6 and 8–9 at school s:
///   r(s, g) = mean over y in B−w+1 … B of students(s, y, g) ÷ students(s, y−1, g−1) (years
///   where both are known and the second is not 0); students(s, y, g) = r(s, g) × students(s, y−1, g−1).
/// - *Grade 7* (小升初) comes from the whole county's grade 6, as a junior school takes from
///   many primaries: share(s) = mean of students(s, y, 7) ÷ Σ_county students(y−1, 6), and
///   students(s, y, 7) = share(s) × the county's grade 6 forecast of y − 1.
/// - *Grade 1*: with births of the county, entry(s) = mean of students(s, y, 1) ÷ births(y−6)
///   and students(s, y, 1) = entry(s) × births(y − 6); without births for y − 6, one sixth of the
///   primary children of the blocks zoned to s today (a year's cohort); without either, the mean
///   grade 1 of the window.
/// - When a ratio has no year to average, the school keeps its cohort (ratio 1).
/// Forecast students are kept unrounded; classes and class sizes count whole children.
///
/// **Classes.** Needed: ⌈students ÷ the standard class size⌉ per grade. *Under today's
/// capacity* the school keeps its classrooms (its classes of the stage in the base year): each
/// cohort keeps the classes it had, the new grade gets the rooms left (at least one), and its
/// children are spread evenly — so with n children in k classes, n mod k classes have ⌈n/k⌉
/// and the others ⌊n/k⌋; those of 56 or more are 大班额, of 66 or more 超大班额.
///
/// Worked example (the test `handCohort`): a primary school with grade 1–2 of 100/90, 110/95,
/// 120/105 in 2022–2024 (grade 1/grade 2) has r(2) = mean(95/100, 105/110) = 0.9523; its 2025
/// grade 2 is 0.9523 × 120 = 114.3.
public struct EnrollmentForecast: Sendable, Hashable {
    /// The last year of history.
    public var baseYear: Int
    /// The years forecast, after `baseYear`.
    public var years: [Int]
    /// Each school's forecast.
    public var schools: [SchoolForecast]

    /// One school's years.
    public struct SchoolForecast: Sendable, Hashable {
        /// 学校标识码
        public var code: String
        /// 学校名称
        public var name: String
        /// The stages forecast (those the history has).
        public var stages: [StageForecast]
    }

    /// One stage of one school.
    public struct StageForecast: Sendable, Hashable {
        public var stage: Stage
        /// 学位数 (the school's column, or today's classes × the standard size).
        public var capacity: Int
        /// Classrooms today (the stage's classes in the base year).
        public var classrooms: Int
        /// Where grade 1 (or 7) comes from.
        public var intakeSource: IntakeSource
        /// The forecast, one entry per year.
        public var years: [YearForecast]
        /// The first forecast year whose students exceed the capacity (nil: none within the horizon).
        public var runsOutIn: Int? { years.first { $0.students > Double(capacity) }?.year }
    }

    /// Where a school's new intake is forecast from.
    public enum IntakeSource: String, Sendable, Hashable, Codable {
        case births, blocks, history
        /// Grade 7 from the county's grade 6.
        case county
    }

    /// One year of a school's stage.
    public struct YearForecast: Sendable, Hashable {
        public var year: Int
        /// Students by grade (index 0 = the stage's first grade).
        public var grades: [Double]
        /// Classes needed at the standard size.
        public var classesNeeded: Int
        /// Classes formed in today's classrooms, by grade.
        public var classes: [Int]
        /// 大班额 and 超大班额 under today's classrooms.
        public var largeClasses: Int
        public var hugeClasses: Int
        /// The largest class under today's classrooms.
        public var largestClass: Int
        /// Σ grades.
        public var students: Double { grades.reduce(0, +) }
    }

    /// The grades of `stage`.
    public static func grades(of stage: Stage) -> ClosedRange<Int> { stage == .primary ? 1...6 : 7...9 }

    /// Classes of ⌈n/k⌉ and ⌊n/k⌋ children when n children share k classes evenly: how many
    /// reach `large` and `huge`, and the largest.
    static func spread(_ children: Int, over classes: Int, large: Int, huge: Int) -> (large: Int, huge: Int, largest: Int) {
        guard classes > 0, children > 0 else { return (0, 0, 0) }
        let low = children / classes, extra = children % classes
        let high = extra > 0 ? low + 1 : low
        func count(_ limit: Int) -> Int { (high >= limit ? extra : 0) + (low >= limit ? classes - extra : 0) }
        return (count(large), count(huge), high)
    }
}
