/// One quality high school's enrolment plan for a year and the part of it shared among junior
/// schools (指标到校): a row of the `quota` file.
public struct HighSchoolQuota: Sendable, Hashable {
    /// 高中学校 — its code or name, as the bureau lists it.
    public var highSchool: String
    public var year: Int
    /// 招生计划数.
    public var totalPlaces: Int
    /// 分配比例: the share of the plan allocated to junior schools (0–1; ≥ 0.5 nationally).
    public var allocatedShare: Double
    /// 每校最少名额, when the bureau sets one.
    public var minimumPerSchool: Int?
    /// 农村学校倾斜系数: a rural school's eligible graduates count (1 + this) times.
    public var ruralWeight: Double?

    public init(highSchool: String, year: Int, totalPlaces: Int, allocatedShare: Double,
                minimumPerSchool: Int? = nil, ruralWeight: Double? = nil) {
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

/// A junior school's graduates, as the allocation counts them.
public struct JuniorGraduates: Sendable, Hashable {
    /// 学校标识码.
    public var schoolCode: String
    public var schoolName: String
    /// 应届毕业生数.
    public var graduates: Int
    /// 符合条件人数 (e.g. three years at the school): what places are shared by.
    public var eligible: Int
    /// Whether the school is rural (乡村; 农村 in the policy's words): the rural weight applies.
    public var rural: Bool

    public init(schoolCode: String, schoolName: String, graduates: Int, eligible: Int, rural: Bool) {
        self.schoolCode = schoolCode
        self.schoolName = schoolName
        self.graduates = graduates
        self.eligible = eligible
        self.rural = rural
    }
}

/// How a county allocates high-school places to junior schools.
public struct QuotaRules: Sendable, Hashable {
    /// The apportionment method (default: largest remainder).
    public var method: ApportionmentMethod
    /// The lottery seed for ties (摇号种子); nil: ties by school code.
    public var lotterySeed: UInt64?
    /// Whether schools whose share is under half a place are grouped (小规模学校联合分配) and
    /// share the group's places among them, as some cities do. Off when a minimum per school is set.
    public var groupSmallSchools: Bool

    public init(method: ApportionmentMethod = .largestRemainder, lotterySeed: UInt64? = nil, groupSmallSchools: Bool = false) {
        self.method = method
        self.lotterySeed = lotterySeed
        self.groupSmallSchools = groupSmallSchools
    }

    public static let defaults = QuotaRules()
}

/// The places each junior school gets from each high school (指标到校分配结果), and the county's
/// figures for government item 14: the share of the plans allocated, and the rural tilt.
///
/// **Weights.** A school's weight is its eligible graduates × (1 + the high school's rural
/// weight when the school is rural). Worked example (tested): 120 places, schools A (urban, 300
/// eligible), B (rural, 100 eligible), rural weight 0.2: weights 300 and 120, quotas 85.71 and
/// 34.29, places 86 and 34 by the largest remainder — B's 28.3 % of the places is above its
/// 25 % of the graduates, so the tilt holds.
///
/// **Small schools** (``QuotaRules/groupSmallSchools``): the schools whose quota is under half a
/// place are one claimant with their weights together; the group's places are then shared
/// among them by the same method. Every school of the group is listed with the group's id.
public struct QuotaAllocation: Sendable, Hashable {
    /// One high school's allocation.
    public struct Plan: Sendable, Hashable {
        public var quota: HighSchoolQuota
        /// ``HighSchoolQuota/allocatedPlaces``.
        public var allocated: Int
        /// One line per junior school, in the schools' order.
        public var lines: [Line]
    }

    /// A junior school's places from one high school.
    public struct Line: Sendable, Hashable {
        public var schoolCode: String
        public var schoolName: String
        public var graduates: Int
        public var eligible: Int
        public var rural: Bool
        /// eligible × (1 + rural weight when rural).
        public var weight: Double
        /// Its exact share of the allocated places (allocated × weight ÷ Σ weights).
        public var quota: Double
        /// Whole places.
        public var places: Int
        /// The small-school group it was allocated in, if any.
        public var group: String?
    }

    public var plans: [Plan]

    /// Σ 招生计划数.
    public var totalPlaces: Int { plans.reduce(0) { $0 + $1.quota.totalPlaces } }
    /// Σ places allocated to junior schools.
    public var allocatedPlaces: Int { plans.reduce(0) { $0 + $1.allocated } }
    /// Allocated ÷ plan (item 14's figure), nil without places.
    public var allocatedShare: Double? { totalPlaces > 0 ? Double(allocatedPlaces) / Double(totalPlaces) : nil }
    /// Rural schools' share of the allocated places.
    public var ruralShareOfPlaces: Double? {
        allocatedPlaces > 0 ? Double(plans.reduce(0) { $0 + $1.lines.reduce(0) { $0 + ($1.rural ? $1.places : 0) } }) / Double(allocatedPlaces) : nil
    }
    /// Rural schools' share of the graduates (each school counted once).
    public var ruralShareOfGraduates: Double?
    /// Whether rural schools' share of places is at least their share of graduates (向农村初中倾斜).
    public var ruralTiltHolds: Bool {
        guard let places = ruralShareOfPlaces, let graduates = ruralShareOfGraduates else { return true }
        return places >= graduates - 1e-12
    }

    /// The allocation of every quota among `schools`.
    ///
    /// - Throws: ``PlanningError`` when a quota's figures cannot be met (minimums above the
    ///   places, places with nobody eligible) or a school is listed twice.
    public static func allocate(_ quotas: [HighSchoolQuota], among schools: [JuniorGraduates], rules: QuotaRules) throws(PlanningError) -> QuotaAllocation {
        let graduates = schools.reduce(0) { $0 + $1.graduates }
        let rural = schools.reduce(0) { $0 + ($1.rural ? $1.graduates : 0) }
        var plans: [Plan] = []
        for quota in quotas {
            plans.append(try plan(quota, schools: schools, rules: rules))
        }
        return QuotaAllocation(plans: plans, ruralShareOfGraduates: graduates > 0 ? Double(rural) / Double(graduates) : nil)
    }

    private static func plan(_ quota: HighSchoolQuota, schools: [JuniorGraduates], rules: QuotaRules) throws(PlanningError) -> Plan {
        let allocated = quota.allocatedPlaces
        let uplift = 1 + max(0, quota.ruralWeight ?? 0)
        let weights = schools.map { Double($0.eligible) * ($0.rural ? uplift : 1) }
        let total = weights.reduce(0, +)
        let quotas = weights.map { total > 0 ? Double(allocated) * $0 / total : 0 }
        let minimum = quota.minimumPerSchool ?? 0
        let apportionment = Apportionment(method: rules.method, seed: rules.lotterySeed)
        // A group of one is no group: it is allocated as itself.
        let candidates = rules.groupSmallSchools && minimum == 0 ? schools.indices.filter { quotas[$0] < 0.5 } : []
        let small = candidates.count >= 2 ? candidates : []
        let grouped = Set(small)
        let groupId = "小规模学校联合组"
        let alone = schools.indices.filter { !grouped.contains($0) }
        var claims = alone.map { ApportionmentClaim(id: schools[$0].schoolCode, weight: weights[$0], minimum: minimum) }
        if !small.isEmpty { claims.append(ApportionmentClaim(id: groupId, weight: small.reduce(0) { $0 + weights[$1] })) }
        let seats = try apportionment.allocate(allocated, among: claims)
        var places = Array(repeating: 0, count: schools.count)
        for (k, i) in alone.enumerated() { places[i] = seats[k] }
        if !small.isEmpty, let groupPlaces = seats.last {
            let inGroup = try apportionment.allocate(groupPlaces, among: small.map { ApportionmentClaim(id: schools[$0].schoolCode, weight: weights[$0]) })
            for (k, i) in small.enumerated() { places[i] = inGroup[k] }
        }
        let lines = schools.indices.map { i in
            Line(schoolCode: schools[i].schoolCode, schoolName: schools[i].schoolName, graduates: schools[i].graduates,
                 eligible: schools[i].eligible, rural: schools[i].rural, weight: weights[i], quota: quotas[i], places: places[i],
                 group: grouped.contains(i) ? groupId : nil)
        }
        return Plan(quota: quota, allocated: allocated, lines: lines)
    }
}
