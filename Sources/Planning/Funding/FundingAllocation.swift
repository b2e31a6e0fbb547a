import Domain

/// Each school's public funds under the funding formula (``FundingRules``), the county's need,
/// and — when a budget falls short — what each school gets and lacks.
///
/// **Entitlement** of a school with p primary and j junior pupils, s of them 随班就读, b boarders:
/// - a special school (特殊教育学校): (p + j) × special_per_pupil;
/// - otherwise the base (p × rateₚ + j × rateⱼ) for the p + j − s ordinary pupils (at the
///   school's average rate), the rural uplift on it for a 乡村 school, s × special_per_pupil,
///   and b × boarder_extra; a 教学点 or a 乡村 小学 with p + j < floor is funded for `floor`
///   pupils at the primary rate (the **floor**).
///
/// Worked example (tested, 中西部 rates): a village primary of 60 pupils gets 100 × 600 = 60,000;
/// a junior school of 900 pupils, 4 of them 随班就读 and 300 boarding, gets 896 × 800 + 4 × 6,000 +
/// 300 × 200 = 800,800; a special school of 120 pupils, 720,000.
///
/// **Shortfall rule** (budget B below the need N): the protected amounts — special education
/// (special schools, 随班就读 pupils) and the small schools funded at the floor — are paid
/// first; what is left is shared pro rata to every other amount. When B does not cover even the
/// protected amounts, they are cut pro rata and nothing else is paid. Every school's shortfall
/// is its entitlement less what it gets.
public struct FundingAllocation: Sendable, Hashable {
    /// One school's funds.
    public struct School: Sendable, Hashable {
        public var schoolCode: String
        public var schoolName: String
        public var countyCode: String
        public var type: SchoolType
        public var locality: Locality
        /// Pupils of the compulsory stages (p + j).
        public var pupils: Int
        /// Pupils funded: `pupils`, or the floor for a small school.
        public var fundedPupils: Int
        public var base: Double
        public var ruralUplift: Double
        public var boarding: Double
        public var specialEducation: Double
        /// The part added by the floor (already in `base`).
        public var floorAdded: Double
        /// Whether the floor applies (a small village primary or 教学点).
        public var atFloor: Bool
        /// The whole entitlement.
        public var entitlement: Double { base + ruralUplift + boarding + specialEducation }
        /// What the shortfall rule pays first.
        public var protected: Double { specialEducation + (atFloor ? base + ruralUplift : 0) }
        /// What the budget gives (the entitlement without a budget, or with enough).
        public var allocated: Double
        /// entitlement − allocated.
        public var shortfall: Double { max(0, entitlement - allocated) }
        /// 公用经费 the school reports, if any.
        public var reported: Double?
    }

    public var rules: FundingRules
    public var schools: [School]
    /// The budget, when one was given.
    public var budget: Double?

    /// Σ entitlements (the county's need).
    public var need: Double { schools.reduce(0) { $0 + $1.entitlement } }
    /// Σ allocated.
    public var allocated: Double { schools.reduce(0) { $0 + $1.allocated } }
    /// Σ protected amounts.
    public var protected: Double { schools.reduce(0) { $0 + $1.protected } }
    /// need − budget when the budget is short, else 0.
    public var shortfall: Double { budget.map { max(0, need - $0) } ?? 0 }

    /// The funds of every compulsory school of `rows` (senior-only rows have no pupils to fund and
    /// are left out) under `rules`, shared within `budget` when one is given.
    public static func allocate(_ rows: [SchoolYear], rules: FundingRules, budget: Double? = nil) -> FundingAllocation {
        var schools = rows.compactMap { entitlement(of: $0, rules: rules) }
        let need = schools.reduce(0) { $0 + $1.entitlement }
        if let budget, budget < need {
            let protected = schools.reduce(0) { $0 + $1.protected }
            for i in schools.indices {
                let s = schools[i]
                if budget >= protected {
                    let rest = need - protected
                    schools[i].allocated = s.protected + (rest > 0 ? (budget - protected) / rest * (s.entitlement - s.protected) : 0)
                } else {
                    schools[i].allocated = protected > 0 ? s.protected * budget / protected : 0
                }
            }
        }
        return FundingAllocation(rules: rules, schools: schools, budget: budget)
    }

    /// Whether `school` is funded at the floor when it has fewer pupils: a 教学点 or a 乡村 小学.
    public static func floorApplies(to school: SchoolYear) -> Bool {
        school.type == .teachingPoint || (school.type == .primary && school.locality == .rural)
    }

    static func entitlement(of row: SchoolYear, rules: FundingRules) -> School? {
        let p = row.primary.students ?? 0, j = row.junior.students ?? 0
        let pupils = p + j
        guard pupils > 0 || floorApplies(to: row) else { return nil }
        var school = School(schoolCode: row.schoolCode, schoolName: row.schoolName, countyCode: row.countyCode, type: row.type,
                            locality: row.locality, pupils: pupils, fundedPupils: pupils, base: 0, ruralUplift: 0, boarding: 0,
                            specialEducation: 0, floorAdded: 0, atFloor: false, allocated: 0, reported: row.publicFunds)
        let rates = rules.rates
        if row.type == .special {
            school.specialEducation = Double(pupils) * rules.specialPerPupil
        } else {
            let special = min(row.specialPupils ?? 0, pupils)
            let stageBase = Double(p) * rates.primary + Double(j) * rates.junior
            let average = pupils > 0 ? stageBase / Double(pupils) : rates.primary
            school.base = Double(pupils - special) * average
            school.specialEducation = Double(special) * rules.specialPerPupil
            if floorApplies(to: row), pupils < rules.smallSchoolFloor {
                school.atFloor = true
                school.fundedPupils = rules.smallSchoolFloor
                school.floorAdded = Double(rules.smallSchoolFloor - pupils) * rates.primary
                school.base += school.floorAdded
            }
            if row.locality == .rural { school.ruralUplift = school.base * rules.ruralUpliftShare }
            school.boarding = Double(min(row.boarders ?? 0, pupils)) * rules.boarderExtra
        }
        school.allocated = school.entitlement
        return school
    }
}
