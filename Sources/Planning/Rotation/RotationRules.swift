import Domain
import Foundation

/// The rules of the yearly rotation (交流轮岗) and of staffing, as data: a county or province
/// replaces any of them with a rules file (`junheng plan rotate --rules FILE`, JSON with these
/// keys; missing keys keep the defaults).
///
/// Defaults and their sources:
/// - eligible after **6 years** at one school (2014 三部门《关于推进县（区）域内义务教育学校校长教师
///   交流轮岗的意见》: "在同一所学校连续任教达到一定年限"; 6 years is the common county rule);
/// - not within **5 years** of retirement; retirement at **60** (men) and **55** (women) — the
///   ages before the 2025 gradual reform, which a rules file can raise;
/// - at least **10 %** of eligible teachers move each year, and at least **20 %** of movers are
///   backbone teachers (2014 意见; 2017 办法 government item 11 — Wuxi uses 15 %);
/// - principals eligible after **6 years** (two terms) at one school;
/// - a town or urban teacher applying for a senior title (高级职称) needs **1 year** of service in a
///   rural or weak school (001 §10: "原则上要有一年以上在农村学校支教或薄弱学校任教的经历");
/// - staffing (城乡统一编制标准, 中央编办 2014): one teacher per **19** primary and **13.5** junior
///   students; schools of fewer than **100** students are staffed by class instead when that
///   gives more — **1.7** teachers per primary class, **2.5** per junior class (a provincial
///   practice for 村小 and 教学点 "予以倾斜"; confidence [P], keep it in the file);
/// - the plan makes the **fewest moves** (``RotationObjective/fewestMoves``): the quotas, every
///   teacher CV at most its limit × (1 − **0.02**) where a rotation can bring it there, and rural
///   title parity, with as few swaps as the model allows (``RotationPlanner``); `"equalize"`
///   keeps the earlier plan that lowers every CV as far as it goes;
/// - **no ceiling** on movers (`max_movers`: a county may cap the teachers moved by the
///   balancing steps; the quota is still met, the rules ask for it).
public struct RotationRules: Sendable, Hashable, Codable {
    /// Years at the current school before a teacher is eligible (≥).
    public var minYearsAtSchool: Int
    /// Teachers this close to retirement (years) are not eligible.
    public var retirementExclusionYears: Int
    /// Retirement age by gender.
    public var retirementAge: [Gender: Int]
    /// The least share of eligible teachers who move in a year.
    public var minShareOfEligible: Double
    /// The least share of movers who are backbone teachers.
    public var minBackboneShareOfMovers: Double
    /// Years at one school before a principal is eligible.
    public var principalMinYears: Int
    /// Students per teacher by stage (生师比).
    public var studentsPerTeacher: [Stage: Double]
    /// Schools with fewer students are staffed by class when that gives more (小规模学校).
    public var smallSchoolStudents: Int
    /// Teachers per class for small schools, by stage (班师比).
    public var smallSchoolTeachersPerClass: [Stage: Double]
    /// PE and art teachers per 100 students a school needs (the 2017 threshold, 0.9).
    public var peArtPer100Students: Double
    /// Years of rural or weak-school service a town or urban teacher needs to apply for a senior title.
    public var seniorTitleRuralServiceYears: Int
    /// What the plan minimises (方案目标): the fewest moves, or the most equal counts.
    public var objective: RotationObjective
    /// How far below its limit a teacher CV is brought (差异系数余量), relative: the target is
    /// limit × (1 − margin), so 0.02 aims at 0.49 for the 0.50 primary limit. A margin keeps a
    /// CV reached at the limit from failing on the next year's small changes.
    public var cvMargin: Double
    /// The most teachers the balancing steps may move (最多交流人数, principals not included);
    /// `nil` for no ceiling. The quota's movers are made even above it.
    public var maxMovers: Int?

    enum CodingKeys: String, CodingKey {
        case minYearsAtSchool = "min_years_at_school"
        case retirementExclusionYears = "retirement_exclusion_years"
        case retirementAge = "retirement_age"
        case minShareOfEligible = "min_share_of_eligible"
        case minBackboneShareOfMovers = "min_backbone_share_of_movers"
        case principalMinYears = "principal_min_years"
        case studentsPerTeacher = "students_per_teacher"
        case smallSchoolStudents = "small_school_students"
        case smallSchoolTeachersPerClass = "small_school_teachers_per_class"
        case peArtPer100Students = "pe_art_per_100_students"
        case seniorTitleRuralServiceYears = "senior_title_rural_service_years"
        case objective
        case cvMargin = "cv_margin"
        case maxMovers = "max_movers"
    }

    /// The defaults listed above.
    public static let defaults = RotationRules(
        minYearsAtSchool: 6, retirementExclusionYears: 5, retirementAge: [.male: 60, .female: 55],
        minShareOfEligible: 0.10, minBackboneShareOfMovers: 0.20, principalMinYears: 6,
        studentsPerTeacher: [.primary: 19, .junior: 13.5], smallSchoolStudents: 100,
        smallSchoolTeachersPerClass: [.primary: 1.7, .junior: 2.5], peArtPer100Students: 0.9,
        seniorTitleRuralServiceYears: 1, objective: .fewestMoves, cvMargin: 0.02, maxMovers: nil)

    public init(
        minYearsAtSchool: Int, retirementExclusionYears: Int, retirementAge: [Gender: Int], minShareOfEligible: Double,
        minBackboneShareOfMovers: Double, principalMinYears: Int, studentsPerTeacher: [Stage: Double],
        smallSchoolStudents: Int, smallSchoolTeachersPerClass: [Stage: Double], peArtPer100Students: Double,
        seniorTitleRuralServiceYears: Int, objective: RotationObjective = .fewestMoves, cvMargin: Double = 0.02, maxMovers: Int? = nil
    ) {
        self.seniorTitleRuralServiceYears = seniorTitleRuralServiceYears
        self.objective = objective
        self.cvMargin = cvMargin
        self.maxMovers = maxMovers
        self.minYearsAtSchool = minYearsAtSchool
        self.retirementExclusionYears = retirementExclusionYears
        self.retirementAge = retirementAge
        self.minShareOfEligible = minShareOfEligible
        self.minBackboneShareOfMovers = minBackboneShareOfMovers
        self.principalMinYears = principalMinYears
        self.studentsPerTeacher = studentsPerTeacher
        self.smallSchoolStudents = smallSchoolStudents
        self.smallSchoolTeachersPerClass = smallSchoolTeachersPerClass
        self.peArtPer100Students = peArtPer100Students
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self.defaults
        minYearsAtSchool = try c.decodeIfPresent(Int.self, forKey: .minYearsAtSchool) ?? d.minYearsAtSchool
        retirementExclusionYears = try c.decodeIfPresent(Int.self, forKey: .retirementExclusionYears) ?? d.retirementExclusionYears
        retirementAge = try Self.byKey(c.decodeIfPresent([String: Int].self, forKey: .retirementAge), Gender.init(rawValue:), key: .retirementAge, in: c) ?? d.retirementAge
        minShareOfEligible = try c.decodeIfPresent(Double.self, forKey: .minShareOfEligible) ?? d.minShareOfEligible
        minBackboneShareOfMovers = try c.decodeIfPresent(Double.self, forKey: .minBackboneShareOfMovers) ?? d.minBackboneShareOfMovers
        principalMinYears = try c.decodeIfPresent(Int.self, forKey: .principalMinYears) ?? d.principalMinYears
        studentsPerTeacher = try Self.byKey(c.decodeIfPresent([String: Double].self, forKey: .studentsPerTeacher), Stage.init(rawValue:), key: .studentsPerTeacher, in: c) ?? d.studentsPerTeacher
        smallSchoolStudents = try c.decodeIfPresent(Int.self, forKey: .smallSchoolStudents) ?? d.smallSchoolStudents
        smallSchoolTeachersPerClass = try Self.byKey(c.decodeIfPresent([String: Double].self, forKey: .smallSchoolTeachersPerClass), Stage.init(rawValue:), key: .smallSchoolTeachersPerClass, in: c) ?? d.smallSchoolTeachersPerClass
        peArtPer100Students = try c.decodeIfPresent(Double.self, forKey: .peArtPer100Students) ?? d.peArtPer100Students
        seniorTitleRuralServiceYears = try c.decodeIfPresent(Int.self, forKey: .seniorTitleRuralServiceYears) ?? d.seniorTitleRuralServiceYears
        if let name = try c.decodeIfPresent(String.self, forKey: .objective) {
            guard let read = RotationObjective(rawValue: name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .objective, in: c,
                    debugDescription: "unknown objective '\(name)': it is \(RotationObjective.allCases.map(\.rawValue).joined(separator: " or "))")
            }
            objective = read
        } else {
            objective = d.objective
        }
        cvMargin = try c.decodeIfPresent(Double.self, forKey: .cvMargin) ?? d.cvMargin
        maxMovers = try c.decodeIfPresent(Int.self, forKey: .maxMovers) ?? d.maxMovers
        guard (0..<1).contains(cvMargin) else {
            throw DecodingError.dataCorruptedError(forKey: .cvMargin, in: c, debugDescription: "the CV margin is a fraction from 0 up to 1 (2 % is 0.02)")
        }
        guard (maxMovers ?? 0) >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .maxMovers, in: c, debugDescription: "the ceiling on movers is a number of teachers, 0 or more (null for none)")
        }
        try validate(codingPath: decoder.codingPath)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(minYearsAtSchool, forKey: .minYearsAtSchool)
        try c.encode(retirementExclusionYears, forKey: .retirementExclusionYears)
        try c.encode(Dictionary(uniqueKeysWithValues: retirementAge.map { ($0.key.rawValue, $0.value) }), forKey: .retirementAge)
        try c.encode(minShareOfEligible, forKey: .minShareOfEligible)
        try c.encode(minBackboneShareOfMovers, forKey: .minBackboneShareOfMovers)
        try c.encode(principalMinYears, forKey: .principalMinYears)
        try c.encode(Dictionary(uniqueKeysWithValues: studentsPerTeacher.map { ($0.key.rawValue, $0.value) }), forKey: .studentsPerTeacher)
        try c.encode(smallSchoolStudents, forKey: .smallSchoolStudents)
        try c.encode(Dictionary(uniqueKeysWithValues: smallSchoolTeachersPerClass.map { ($0.key.rawValue, $0.value) }), forKey: .smallSchoolTeachersPerClass)
        try c.encode(peArtPer100Students, forKey: .peArtPer100Students)
        try c.encode(seniorTitleRuralServiceYears, forKey: .seniorTitleRuralServiceYears)
        try c.encode(objective.rawValue, forKey: .objective)
        try c.encode(cvMargin, forKey: .cvMargin)
        // Written as null when absent, so the key is known to the readers and shown in the form.
        if let maxMovers { try c.encode(maxMovers, forKey: .maxMovers) } else { try c.encodeNil(forKey: .maxMovers) }
    }

    private static func byKey<Key: Hashable, Value>(
        _ raw: [String: Value]?, _ make: (String) -> Key?, key: CodingKeys, in c: KeyedDecodingContainer<CodingKeys>
    ) throws -> [Key: Value]? {
        guard let raw else { return nil }
        var result: [Key: Value] = [:]
        for (name, value) in raw {
            guard let k = make(name) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "unknown key '\(name)' in \(key.rawValue)")
            }
            result[k] = value
        }
        return result
    }

    private func validate(codingPath: [any CodingKey]) throws {
        func fail(_ message: String) -> DecodingError {
            .dataCorrupted(.init(codingPath: codingPath, debugDescription: message))
        }
        guard (0...50).contains(minYearsAtSchool), (0...50).contains(principalMinYears), (0...20).contains(retirementExclusionYears),
              (0...50).contains(seniorTitleRuralServiceYears) else {
            throw fail("years must be between 0 and 50 (retirement exclusion 0–20)")
        }
        guard (0...1).contains(minShareOfEligible), (0...1).contains(minBackboneShareOfMovers) else {
            throw fail("shares are fractions between 0 and 1 (10 % is 0.1)")
        }
        guard retirementAge.values.allSatisfy({ (40...75).contains($0) }) else { throw fail("retirement ages must be between 40 and 75") }
        guard studentsPerTeacher.values.allSatisfy({ $0 > 0 }), smallSchoolTeachersPerClass.values.allSatisfy({ $0 >= 0 }), peArtPer100Students >= 0 else {
            throw fail("ratios must be positive")
        }
    }

    /// Whether `teacher` may rotate in `year`, or why not.
    public func eligibility(of teacher: Teacher, in year: Int) -> Eligibility {
        if !teacher.exemptions.isEmpty { return .exempt(teacher.exemptions) }
        let age = year - teacher.birthYear
        if let retirement = retirementAge[teacher.gender], retirement - age <= retirementExclusionYears {
            return .nearRetirement(yearsLeft: max(0, retirement - age))
        }
        let needed = teacher.isPrincipal ? principalMinYears : minYearsAtSchool
        if teacher.yearsAtSchool < needed { return .tooFewYears(needed: needed) }
        return .eligible
    }

    /// The teachers a school needs in `stage` (编制需求): by the student ratio, or for a small
    /// school by its classes when that gives more. `nil` when the school has no students there.
    public func staffingNeed(of school: SchoolYear, stage: Stage) -> Int? {
        guard let record = school.record(for: stage), let students = record.students, students > 0,
              let ratio = studentsPerTeacher[stage] else { return nil }
        var need = Self.whole(Double(students) / ratio)
        let total = (school.primary.students ?? 0) + (school.junior.students ?? 0)
        if total < smallSchoolStudents, let perClass = smallSchoolTeachersPerClass[stage], let classes = record.classes {
            need = max(need, Self.whole(Double(classes) * perClass))
        }
        return need
    }

    /// PE and art teachers a school needs in `stage` to meet `peArtPer100Students`.
    public func peArtNeed(of school: SchoolYear, stage: Stage) -> Int? {
        guard let students = school.record(for: stage)?.students, students > 0 else { return nil }
        return Self.whole(Double(students) * peArtPer100Students / 100)
    }

    /// ⌈x⌉, forgiving binary noise (19 × 3 / 19 is 3).
    static func whole(_ x: Double) -> Int { Int((x - 1e-9).rounded(.up)) }
}

/// What a rotation plan minimises (方案目标, rules key `objective`).
public enum RotationObjective: String, Sendable, Hashable, Codable, CaseIterable {
    /// The fewest swaps that meet the quotas, bring every teacher CV under its limit with the
    /// margin where a rotation can (else as low as it can go), and reach rural title parity;
    /// then the least distance (``RotationPlanner``). The default.
    case fewestMoves = "fewest_moves"
    /// Every teacher CV as low as the swaps can bring it, then title parity and the quota: the
    /// plan before issue 15, which may move several times the quota.
    case equalize
}

/// Whether a teacher may rotate this year (交流条件).
public enum Eligibility: Sendable, Hashable {
    case eligible
    /// Fewer years at the school than the rules ask.
    case tooFewYears(needed: Int)
    /// Within the retirement exclusion.
    case nearRetirement(yearsLeft: Int)
    /// 暂缓交流.
    case exempt(Set<Exemption>)

    /// Whether the teacher is eligible.
    public var isEligible: Bool { self == .eligible }
}
