import Domain

/// A junior school's graduates, as the allocation counts them.
public struct JuniorGraduates: Sendable, Hashable {
    /// 县区代码.
    public var countyCode: String
    /// 学校标识码.
    public var schoolCode: String
    public var schoolName: String
    /// 应届毕业生数.
    public var graduates: Int
    /// 符合条件人数 (e.g. three years at the school): what places are shared by.
    public var eligible: Int
    /// Whether the school is rural (乡村; 农村 in the policy's words): the rural weight applies.
    public var rural: Bool

    public init(countyCode: String = "", schoolCode: String, schoolName: String, graduates: Int, eligible: Int, rural: Bool) {
        self.countyCode = countyCode
        self.schoolCode = schoolCode
        self.schoolName = schoolName
        self.graduates = graduates
        self.eligible = eligible
        self.rural = rural
    }
}

extension JuniorGraduates {
    /// A school row's graduates: 指标到校符合条件人数 when reported, else all the graduates
    /// eligible; rural when its 城乡类型 is 乡村. Unreported graduates count 0 (the
    /// `quota` check refuses them before an allocation).
    public init(_ school: SchoolYear) {
        let graduates = school.graduates ?? 0
        self.init(countyCode: school.countyCode, schoolCode: school.schoolCode, schoolName: school.schoolName, graduates: graduates,
                  eligible: min(graduates, school.eligibleGraduates ?? graduates), rural: school.locality == .rural)
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
        public var countyCode: String
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

    /// The county whose junior schools share the places (nil: every county's).
    public var countyCode: String?
    /// The year of the graduates.
    public var year: Int
    public var plans: [Plan]

    /// Σ 招生计划数.
    public var totalPlaces: Int { plans.reduce(0) { $0 + $1.quota.totalPlaces } }
    /// Σ places allocated to junior schools.
    public var allocatedPlaces: Int { plans.reduce(0) { $0 + $1.allocated } }
    /// Allocated ÷ plan (item 14's figure), nil without places.
    public var allocatedShare: Double? { totalPlaces > 0 ? Double(allocatedPlaces) / Double(totalPlaces) : nil }
    /// The junior schools that shared the places, as counted.
    public var schools: [JuniorGraduates]

    /// Rural schools' share of the allocated places.
    public var ruralShareOfPlaces: Double? { ruralTilt().shareOfPlaces }
    /// Rural schools' share of the graduates (each school counted once).
    public var ruralShareOfGraduates: Double? { ruralTilt().shareOfGraduates }
    /// Whether rural schools' share of places is at least their share of graduates (向农村初中倾斜).
    public var ruralTiltHolds: Bool { ruralTilt().holds }

    /// The rural tilt (向农村初中倾斜) among the schools of `county` (every school when nil):
    /// their places and graduates, and the rural schools' part of each.
    public func ruralTilt(in county: String? = nil) -> RuralTilt {
        func counted(_ code: String) -> Bool { county.map { $0 == code } ?? true }
        var tilt = RuralTilt()
        for school in schools where counted(school.countyCode) {
            tilt.graduates += school.graduates
            if school.rural { tilt.ruralGraduates += school.graduates }
        }
        for line in plans.lazy.flatMap(\.lines) where counted(line.countyCode) {
            tilt.places += line.places
            if line.rural { tilt.ruralPlaces += line.places }
        }
        return tilt
    }

    /// The figures of item 14 over several allocations (a county's, or a report's): their plans,
    /// places allocated, the share, and the rural tilt among the schools of `county` (every
    /// school when nil) — what the report, the JSON document and the computed item all state.
    public struct Summary: Sendable, Hashable {
        public var totalPlaces = 0, allocatedPlaces = 0
        public var tilt = RuralTilt()
        /// Allocated ÷ plan, nil without places.
        public var allocatedShare: Double? { totalPlaces > 0 ? Double(allocatedPlaces) / Double(totalPlaces) : nil }

        public init(_ allocations: some Sequence<QuotaAllocation>, county: String? = nil) {
            for allocation in allocations {
                totalPlaces += allocation.totalPlaces
                allocatedPlaces += allocation.allocatedPlaces
                tilt = tilt + allocation.ruralTilt(in: county)
            }
        }
    }

    /// Rural schools' places against their graduates.
    public struct RuralTilt: Sendable, Hashable {
        public var places = 0, ruralPlaces = 0, graduates = 0, ruralGraduates = 0

        /// Rural schools' share of the places, nil without places.
        public var shareOfPlaces: Double? { places > 0 ? Double(ruralPlaces) / Double(places) : nil }
        /// Rural schools' share of the graduates, nil without graduates.
        public var shareOfGraduates: Double? { graduates > 0 ? Double(ruralGraduates) / Double(graduates) : nil }
        public init() {}

        /// Two parts' figures together.
        public static func + (a: RuralTilt, b: RuralTilt) -> RuralTilt {
            var sum = a
            sum.places += b.places
            sum.ruralPlaces += b.ruralPlaces
            sum.graduates += b.graduates
            sum.ruralGraduates += b.ruralGraduates
            return sum
        }

        /// Places share ≥ graduates share, compared exactly (ruralPlaces × graduates ≥
        /// ruralGraduates × places); true when either is undefined.
        public var holds: Bool {
            guard places > 0, graduates > 0 else { return true }
            return ruralPlaces * graduates >= ruralGraduates * places
        }
    }

    /// The allocation of every quota among `schools`.
    ///
    /// - Throws: ``PlanningError`` when a quota's figures cannot be met (minimums above the
    ///   places, places with nobody eligible) or a school is listed twice.
    public static func allocate(_ quotas: [HighSchoolQuota], among schools: [JuniorGraduates], rules: QuotaRules) throws(PlanningError) -> QuotaAllocation {
        var plans: [Plan] = []
        for quota in quotas {
            plans.append(try plan(quota, schools: schools, rules: rules))
        }
        return QuotaAllocation(countyCode: quotas.first?.countyCode, year: quotas.first?.year ?? 0, plans: plans, schools: schools)
    }

    /// The allocations of every quota of the `quota` file among the junior schools of the
    /// `schools` rows (``HighSchoolQuota/juniorSchools(in:)``): one per county (or city-wide
    /// group) and year, in the order the file first names them.
    ///
    /// - Throws: ``PlanningError`` as ``allocate(_:among:rules:)``.
    public static func allocations(_ quotas: [HighSchoolQuota], schools: [SchoolYear], rules: QuotaRules) throws(PlanningError) -> [QuotaAllocation] {
        var groups: [[HighSchoolQuota]] = []
        var position: [GroupKey: Int] = [:]
        for quota in quotas {
            let key = GroupKey(county: quota.countyCode, year: quota.year)
            if let at = position[key] { groups[at].append(quota) } else {
                position[key] = groups.count
                groups.append([quota])
            }
        }
        var made: [QuotaAllocation] = []
        for group in groups {
            made.append(try allocate(group, among: group[0].juniorSchools(in: schools).map(JuniorGraduates.init), rules: rules))
        }
        return made
    }

    private struct GroupKey: Hashable {
        var county: String?
        var year: Int
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
            Line(countyCode: schools[i].countyCode, schoolCode: schools[i].schoolCode, schoolName: schools[i].schoolName, graduates: schools[i].graduates,
                 eligible: schools[i].eligible, rural: schools[i].rural, weight: weights[i], quota: quotas[i], places: places[i],
                 group: grouped.contains(i) ? groupId : nil)
        }
        return Plan(quota: quota, allocated: allocated, lines: lines)
    }
}
