import Domain
import Planning

/// High-school places allocated to junior schools (指标到校) as one JSON document — `junheng
/// plan quota --format json` and `POST /api/counties/{county}/quota` — keys in English snake_case
/// in a fixed order, shares as fractions, numbers unrounded (`null` when not computable).
///
/// ```json
/// {"method": "largest_remainder", "lottery_seed": null, "group_small_schools": false,
///  "total_places": 440, "allocated_places": 240, "allocated_share": 0.5454,
///  "rural_share_of_graduates": 0.25, "rural_share_of_places": 0.3, "rural_tilt_holds": true,
///  "allocations": [{"county_code": "341170", "year": 2026, "total_places": 440, …,
///    "plans": [{"high_school": "一中", "total_places": 240, "allocated_share": 0.5, "allocated": 120,
///               "min_per_school": null, "rural_weight": 0.2,
///               "lines": [{"county_code": "341170", "school_code": "2341170001", "school_name": "…", "rural": false,
///                          "graduates": 310, "eligible": 300, "weight": 300, "quota": 85.714, "places": 86, "group": null}]}]}]}
/// ```
///
/// `allocated_share` is Σ allocated ÷ Σ 招生计划数 (item 14's figure); `rural_tilt_holds` is
/// rural schools' share of the places ≥ their share of the graduates.
public struct QuotaPlanDocument: Codable, Sendable, Equatable {
    public var method: String
    public var lotterySeed: UInt64?
    public var groupSmallSchools: Bool
    public var totals: Totals
    public var allocations: [Allocation]

    enum CodingKeys: String, CodingKey {
        case method, lotterySeed = "lottery_seed", groupSmallSchools = "group_small_schools", allocations
    }

    /// Places and the rural tilt over some schools.
    public struct Totals: Codable, Sendable, Equatable {
        public var totalPlaces: Int
        public var allocatedPlaces: Int
        public var allocatedShare: Double?
        public var ruralShareOfGraduates: Double?
        public var ruralShareOfPlaces: Double?
        public var ruralTiltHolds: Bool

        enum CodingKeys: String, CodingKey {
            case totalPlaces = "total_places", allocatedPlaces = "allocated_places", allocatedShare = "allocated_share"
            case ruralShareOfGraduates = "rural_share_of_graduates", ruralShareOfPlaces = "rural_share_of_places"
            case ruralTiltHolds = "rural_tilt_holds"
        }

        init(_ summary: QuotaAllocation.Summary) {
            totalPlaces = summary.totalPlaces
            allocatedPlaces = summary.allocatedPlaces
            allocatedShare = summary.allocatedShare
            ruralShareOfGraduates = summary.tilt.shareOfGraduates
            ruralShareOfPlaces = summary.tilt.shareOfPlaces
            ruralTiltHolds = summary.tilt.holds
        }
    }

    /// The quotas of one county (or city-wide, `county_code` null) and year.
    public struct Allocation: Codable, Sendable, Equatable {
        public var countyCode: String?
        public var year: Int
        public var totals: Totals
        public var plans: [Plan]

        enum CodingKeys: String, CodingKey {
            case countyCode = "county_code", year, plans
        }
    }

    /// One high school's plan and its places to each junior school.
    public struct Plan: Codable, Sendable, Equatable {
        public var highSchool: String
        public var totalPlaces: Int
        public var allocatedShare: Double
        public var allocated: Int
        public var minPerSchool: Int?
        public var ruralWeight: Double?
        public var lines: [Line]

        enum CodingKeys: String, CodingKey {
            case highSchool = "high_school", totalPlaces = "total_places", allocatedShare = "allocated_share", allocated
            case minPerSchool = "min_per_school", ruralWeight = "rural_weight", lines
        }
    }

    /// A junior school's places from one high school.
    public struct Line: Codable, Sendable, Equatable {
        public var countyCode: String
        public var schoolCode: String
        public var schoolName: String
        public var rural: Bool
        public var graduates: Int
        public var eligible: Int
        public var weight: Double?
        public var quota: Double?
        public var places: Int
        public var group: String?

        enum CodingKeys: String, CodingKey {
            case countyCode = "county_code", schoolCode = "school_code", schoolName = "school_name", rural, graduates, eligible
            case weight, quota, places, group
        }
    }

    public init(_ allocations: [QuotaAllocation], rules: QuotaRules) {
        method = rules.method.rawValue
        lotterySeed = rules.lotterySeed
        groupSmallSchools = rules.groupSmallSchools
        totals = Totals(QuotaAllocation.Summary(allocations))
        self.allocations = allocations.map { allocation in
            Allocation(
                countyCode: allocation.countyCode, year: allocation.year,
                totals: Totals(QuotaAllocation.Summary([allocation])),
                plans: allocation.plans.map { plan in
                    Plan(highSchool: plan.quota.highSchool, totalPlaces: plan.quota.totalPlaces, allocatedShare: plan.quota.allocatedShare,
                         allocated: plan.allocated, minPerSchool: plan.quota.minimumPerSchool, ruralWeight: plan.quota.ruralWeight,
                         lines: plan.lines.map {
                             Line(countyCode: $0.countyCode, schoolCode: $0.schoolCode, schoolName: $0.schoolName, rural: $0.rural,
                                  graduates: $0.graduates, eligible: $0.eligible, weight: $0.weight.finite, quota: $0.quota.finite,
                                  places: $0.places, group: $0.group)
                         })
                })
        }
    }
}

// The totals sit beside the other keys (flat), not under a "totals" key.
extension QuotaPlanDocument {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        method = try container.decode(String.self, forKey: .method)
        lotterySeed = try container.decodeIfPresent(UInt64.self, forKey: .lotterySeed)
        groupSmallSchools = try container.decode(Bool.self, forKey: .groupSmallSchools)
        totals = try Totals(from: decoder)
        allocations = try container.decode([Allocation].self, forKey: .allocations)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method, forKey: .method)
        try container.encode(lotterySeed, forKey: .lotterySeed)
        try container.encode(groupSmallSchools, forKey: .groupSmallSchools)
        try totals.encode(to: encoder)
        try container.encode(allocations, forKey: .allocations)
    }
}

extension QuotaPlanDocument.Allocation {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        countyCode = try container.decodeIfPresent(String.self, forKey: .countyCode)
        year = try container.decode(Int.self, forKey: .year)
        totals = try QuotaPlanDocument.Totals(from: decoder)
        plans = try container.decode([QuotaPlanDocument.Plan].self, forKey: .plans)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(countyCode, forKey: .countyCode)
        try container.encode(year, forKey: .year)
        try totals.encode(to: encoder)
        try container.encode(plans, forKey: .plans)
    }
}
