import Domain
import Planning

/// The care dashboard as one JSON document — `junheng children rates --format json` and
/// `GET /api/counties/{county}/care` — counts and rates only (no child is named), keys in
/// English snake_case, rates in percent (`null` when nothing to count).
///
/// ```json
/// {"county_code": "341102", "year": 2026, "retention": 95.99, "disabled_enrollment": 95,
///  "migrant_public_share": 88.2, "totals": {"school_code": null, "children": 412, "left_behind": 96, …},
///  "schools": [{"school_code": "3411020001", "children": 37, …}]}
/// ```
public struct CareDocument: Codable, Sendable, Equatable {
    public var countyCode: String
    public var year: Int
    public var retention: Double?
    public var disabledEnrollment: Double?
    public var migrantPublicShare: Double?
    public var totals: Counts
    public var schools: [Counts]

    enum CodingKeys: String, CodingKey {
        case countyCode = "county_code", year, retention, disabledEnrollment = "disabled_enrollment"
        case migrantPublicShare = "migrant_public_share", totals, schools
    }

    /// The counts of a school (or the county, `school_code` null).
    public struct Counts: Codable, Sendable, Equatable {
        public var schoolCode: String?
        public var children, leftBehind, bothParentsAway, migrants, disabled, regularClass, specialSchool, homeTeaching: Int
        public var disabledNotEnrolled, poverty, orphans, needPartner, paired: Int

        enum CodingKeys: String, CodingKey {
            case schoolCode = "school_code", children, leftBehind = "left_behind", bothParentsAway = "both_parents_away", migrants
            case disabled, regularClass = "regular_class", specialSchool = "special_school", homeTeaching = "home_teaching"
            case disabledNotEnrolled = "disabled_not_enrolled", poverty, orphans, needPartner = "need_partner", paired
        }

        init(_ c: CareRates.Counts) {
            schoolCode = c.schoolCode
            children = c.children
            leftBehind = c.leftBehind
            bothParentsAway = c.bothParentsAway
            migrants = c.migrants
            disabled = c.disabled
            regularClass = c.regularClass
            specialSchool = c.specialSchool
            homeTeaching = c.homeTeaching
            disabledNotEnrolled = c.disabledNotEnrolled
            poverty = c.poverty
            orphans = c.orphans
            needPartner = c.needPartner
            paired = c.paired
        }
    }

    public init(_ rates: CareRates, county: String, year: Int) {
        countyCode = county
        self.year = year
        retention = rates.retention?.percent
        disabledEnrollment = rates.disabledEnrollment.percent
        migrantPublicShare = rates.migrantPublicShare.percent
        totals = Counts(rates.county)
        schools = rates.schools.map(Counts.init)
    }
}
