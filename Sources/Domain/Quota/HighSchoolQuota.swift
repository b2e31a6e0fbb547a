/// One quality high school's enrolment plan for a year and the part of it shared among junior
/// schools (指标到校): a row of the `quota` file.
public struct HighSchoolQuota: Sendable, Hashable {
    /// 县区代码 of the county whose junior schools share the places; `nil`: every junior
    /// school of the year (a city that allocates across its counties).
    public var countyCode: String?
    /// 高中学校 — its code or name, as the bureau lists it.
    public var highSchool: String
    /// 年度 — the school year whose graduates the places go to.
    public var year: Int
    /// 招生计划数.
    public var totalPlaces: Int
    /// 分配比例: the share of the plan allocated to junior schools (0–1; ≥ 0.5 nationally).
    public var allocatedShare: Double
    /// 每校最少名额, when the bureau sets one.
    public var minimumPerSchool: Int?
    /// 农村学校倾斜系数: a rural school's eligible graduates count (1 + this) times.
    public var ruralWeight: Double?

    public init(countyCode: String? = nil, highSchool: String, year: Int, totalPlaces: Int, allocatedShare: Double,
                minimumPerSchool: Int? = nil, ruralWeight: Double? = nil) {
        self.countyCode = countyCode
        self.highSchool = highSchool
        self.year = year
        self.totalPlaces = totalPlaces
        self.allocatedShare = allocatedShare
        self.minimumPerSchool = minimumPerSchool
        self.ruralWeight = ruralWeight
    }

    /// The places allocated: ⌈share × plan⌉, so that allocated ÷ plan is never below the share.
    /// Worked example: 50 % of 301 places is 150.5, so 151 are allocated.
    public var allocatedPlaces: Int {
        // A share outside 0…1 (or not a number) is the reader's to refuse; here it cannot trap.
        let share = allocatedShare.isFinite ? min(1, max(0, allocatedShare)) : 0
        let exact = share * Double(max(0, totalPlaces))
        // A share × plan a hair above a whole number from rounding (0.7 × 10) stays that number.
        return min(totalPlaces, Int((exact - 1e-9 * max(1, exact)).rounded(.up)))
    }
}


extension HighSchoolQuota {
    /// The junior schools that share the places: the rows of ``year`` with a junior stage, of
    /// ``countyCode`` when it is set (every county's otherwise), in the order given.
    public func juniorSchools(in schools: [SchoolYear]) -> [SchoolYear] {
        schools.filter { school in
            school.year == year && school.type.stages.contains(.junior) && countyCode.map { $0 == school.countyCode } != false
        }
    }
}
