import Domain

/// The counts and rates of a county's children who need care, from its register (and its
/// cohorts for retention) — what the care dashboard shows school by school and what decides
/// quality items 1 and 2 and government item 15 (``ComputedItems/fromCare(_:county:year:)``).
///
/// Worked example (tested): a county with two junior schools whose cohorts entered 200 and
/// 100 pupils three years ago, of whom 1 died; 190 and 94 graduated, 6 joined later, 9 moved
/// away: retention = (284 − 6 + 9) ÷ (300 − 1) = 287 ÷ 299 = 95.99 %. Of 20 registered
/// school-age disabled children, 12 in ordinary classes, 4 at the special school, 3 taught at
/// home and 1 at home untaught: enrollment 19 ÷ 20 = 95 %.
public struct CareRates: Sendable, Hashable {
    /// The counts of one school, or of the children no school has (``schoolCode`` nil), or of
    /// the whole county.
    public struct Counts: Sendable, Hashable {
        /// 学校标识码; `nil` for the county's total or the children not enrolled anywhere.
        public var schoolCode: String?
        /// 在册儿童
        public var children = 0
        /// 留守儿童 (单亲外出 + 双亲外出), and of them 双亲外出.
        public var leftBehind = 0, bothParentsAway = 0
        /// 随迁子女
        public var migrants = 0
        /// 残疾儿童, and of them 随班就读, 特殊教育学校, 送教上门, 未入学.
        public var disabled = 0, regularClass = 0, specialSchool = 0, homeTeaching = 0, disabledNotEnrolled = 0
        /// 家庭经济困难, 孤儿
        public var poverty = 0, orphans = 0
        /// The children the rules pair with a teacher, and of them those who have one.
        public var needPartner = 0, paired = 0

        public init(schoolCode: String?) {
            self.schoolCode = schoolCode
        }

        mutating func count(_ child: Child, rules: CareRules) {
            children += 1
            if child.leftBehind.isLeftBehind { leftBehind += 1 }
            if child.leftBehind == .bothParentsAway { bothParentsAway += 1 }
            if child.migrant { migrants += 1 }
            if child.poverty { poverty += 1 }
            if child.orphan { orphans += 1 }
            if child.disability != nil {
                disabled += 1
                switch child.isEnrolled ? child.placement ?? .regularClass : .notEnrolled {
                case .regularClass: regularClass += 1
                case .specialSchool: specialSchool += 1
                case .homeTeaching: homeTeaching += 1
                case .notEnrolled: disabledNotEnrolled += 1
                }
            }
            if rules.needsPartner(child) {
                needPartner += 1
                if child.partner != nil { paired += 1 }
            }
        }
    }

    /// A rate's numerator and denominator, kept so the evidence can show them.
    public struct Ratio: Sendable, Hashable {
        public var numerator: Int, denominator: Int
        /// In percent; `nil` when the denominator is 0.
        public var percent: Double? { denominator > 0 ? Double(numerator) / Double(denominator) * 100 : nil }
    }

    /// The county's totals.
    public var county: Counts
    /// Each school's counts (in school-code order), then the children without a school.
    public var schools: [Counts]
    /// 残疾儿童少年入学率: school-age disabled children enrolled (随班就读, special school,
    /// 送教上门) ÷ those registered.
    public var disabledEnrollment: Ratio
    /// 随迁子女在公办学校和政府购买服务的民办学校就读的比例: school-age migrant children enrolled at
    /// a public school or a purchased-service private school ÷ all school-age migrant children.
    public var migrantPublicShare: Ratio
    /// 初中三年巩固率 (``CohortRecord``); `nil` without cohorts, or when a cohort lacks graduates
    /// and its school row has none.
    public var retention: Ratio?
    /// Schools of cohorts without graduates in the file or in their school row.
    public var cohortsWithoutGraduates: [String]

    /// The rates of `children` (one county's register of one year), with the schools of that
    /// year (their ownership, and the graduates cohorts leave out) and the county's cohorts
    /// graduating that year.
    public init(children: [Child], schools: [SchoolYear], cohorts: [CohortRecord] = [], rules: CareRules = .defaults) {
        let register = children.first.map { (county: $0.countyCode, year: $0.year) }
        let year = register?.year ?? cohorts.first?.year ?? 0
        let ownership = Dictionary(schools.filter { $0.year == year }.map { ($0.schoolCode, $0.ownership) }, uniquingKeysWith: { a, _ in a })
        let purchased = Set(rules.purchasedServiceSchools)
        var total = Counts(schoolCode: nil)
        var bySchool: [String: Counts] = [:], unschooled = Counts(schoolCode: nil)
        var disabled = Ratio(numerator: 0, denominator: 0), migrant = Ratio(numerator: 0, denominator: 0)
        for child in children {
            total.count(child, rules: rules)
            if let school = child.schoolCode {
                bySchool[school, default: Counts(schoolCode: school)].count(child, rules: rules)
            } else {
                unschooled.count(child, rules: rules)
            }
            guard rules.isSchoolAge(child) else { continue }
            if child.disability != nil {
                disabled.denominator += 1
                if child.isEnrolled { disabled.numerator += 1 }
            }
            if child.migrant {
                migrant.denominator += 1
                if child.isEnrolled, let school = child.schoolCode,
                   ownership[school] == .public || purchased.contains(school) { migrant.numerator += 1 }
            }
        }
        county = total
        self.schools = bySchool.keys.sorted().map { bySchool[$0]! } + (unschooled.children > 0 ? [unschooled] : [])
        disabledEnrollment = disabled
        migrantPublicShare = migrant
        let graduates = Dictionary(schools.map { ("\($0.year) \($0.schoolCode)", $0.graduates) }, uniquingKeysWith: { a, _ in a })
        var kept = 0, entered = 0, missing: [String] = []
        for cohort in cohorts where cohort.year == year || register == nil {
            guard let graduated = cohort.graduates ?? graduates["\(cohort.year) \(cohort.schoolCode)"] ?? nil else {
                missing.append(cohort.schoolCode)
                continue
            }
            kept += graduated - cohort.transfersIn + cohort.transfersOut
            entered += cohort.entrants - cohort.deaths
        }
        cohortsWithoutGraduates = missing
        retention = cohorts.isEmpty || !missing.isEmpty ? nil : Ratio(numerator: kept, denominator: entered)
    }
}
