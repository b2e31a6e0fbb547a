import Domain
import Planning

/// Schools' public funds under the funding formula as one JSON document — `junheng plan funding
/// --format json` and `POST /api/counties/{county}/funding` — keys in English snake_case in a
/// fixed order, money in yuan, numbers unrounded (`null` when absent).
///
/// ```json
/// {"region": "central_west", "rates": {"primary": 600, "junior": 800}, "budget": 12000000,
///  "need": 12480000, "protected": 1320000, "allocated": 12000000, "shortfall": 480000,
///  "schools": [{"county_code": "430102", "school_code": "…", "school_name": "…", "school_type": "primary",
///               "locality": "rural", "pupils": 60, "funded_pupils": 100, "at_floor": true, "base": 60000,
///               "rural_uplift": 0, "boarding": 0, "special_education": 0, "entitlement": 60000,
///               "allocated": 60000, "shortfall": 0, "reported": 61000}],
///  "items": [{"county_code": "430102", "item": "gov_06_small_school_funding", "value": true, "status": "met",
///             "evidence": "由学校数据计算：…"}]}
/// ```
public struct FundingPlanDocument: Codable, Sendable, Equatable {
    public var region: String
    public var rates: FundingRules.StageRates
    public var budget: Double?
    public var need: Double
    public var protected: Double
    public var allocated: Double
    public var shortfall: Double
    public var schools: [School]
    public var items: [Item]

    public struct School: Codable, Sendable, Equatable {
        public var countyCode: String
        public var schoolCode: String
        public var schoolName: String
        public var schoolType: String
        public var locality: String
        public var pupils: Int
        public var fundedPupils: Int
        public var atFloor: Bool
        public var base: Double
        public var ruralUplift: Double
        public var boarding: Double
        public var specialEducation: Double
        public var entitlement: Double
        public var allocated: Double
        public var shortfall: Double
        public var reported: Double?

        enum CodingKeys: String, CodingKey {
            case countyCode = "county_code", schoolCode = "school_code", schoolName = "school_name", schoolType = "school_type", locality
            case pupils, fundedPupils = "funded_pupils", atFloor = "at_floor", base, ruralUplift = "rural_uplift", boarding
            case specialEducation = "special_education", entitlement, allocated, shortfall, reported
        }
    }

    /// An evaluation item the rows decide: `value` is a boolean or a number.
    public struct Item: Codable, Sendable, Equatable {
        public var countyCode: String
        public var item: String
        public var value: EvaluationDocument.FactValue?
        public var status: String
        public var evidence: String?

        enum CodingKeys: String, CodingKey {
            case countyCode = "county_code", item, value, status, evidence
        }
    }

    public init(_ funding: CountyFunding) {
        let a = funding.allocation
        region = a.rules.region.rawValue
        rates = a.rules.rates
        budget = a.budget
        need = a.need
        protected = a.protected
        allocated = a.allocated
        shortfall = a.shortfall
        schools = a.schools.map {
            School(countyCode: $0.countyCode, schoolCode: $0.schoolCode, schoolName: $0.schoolName, schoolType: $0.type.rawValue,
                   locality: $0.locality.rawValue, pupils: $0.pupils, fundedPupils: $0.fundedPupils, atFloor: $0.atFloor, base: $0.base,
                   ruralUplift: $0.ruralUplift, boarding: $0.boarding, specialEducation: $0.specialEducation, entitlement: $0.entitlement,
                   allocated: $0.allocated, shortfall: $0.shortfall, reported: $0.reported)
        }
        items = funding.items.compactMap { result in
            result.fact.map { Item(countyCode: $0.countyCode, item: result.rule.key, value: EvaluationDocument.FactValue($0.value), status: result.status.rawValue, evidence: $0.evidence) }
        }
    }
}
