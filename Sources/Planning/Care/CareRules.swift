import Domain
import Foundation

/// The care rules (关爱帮扶规则), as data: which children are paired with a teacher, how many
/// one teacher takes, which ages are school age, and which private schools' places the
/// government buys — a county or province replaces any key with a rules file (JSON; missing
/// keys keep the defaults).
///
/// Defaults:
/// - `pair_limit` **5**: children per teacher (结对帮扶, 001 §12: 每名教师结对帮扶若干名留守儿童;
///   the number is the county's choice, so it lives here);
/// - `pair_categories` **`["left_behind"]`**: the children who get a partner — 留守儿童; a
///   county may add `orphan`, `disability`, `poverty`, `migrant`;
/// - `school_age` **6 to 15** years old on **31 August** of the register's year (`age_on`,
///   `MM-DD`): 义务教育法 第十一条 (年满六周岁), nine years of schooling; used for the
///   disabled children's enrollment rate (quality item 2);
/// - `purchased_service_schools` **none**: private schools (民办) whose places for migrant
///   children the government buys (政府购买服务), counted with the public schools in
///   government item 15.
public struct CareRules: Sendable, Hashable, Codable {
    /// A kind of child the rules may ask to pair.
    public enum Category: String, Sendable, Hashable, Codable, CaseIterable {
        case leftBehind = "left_behind", orphan, disability, poverty, migrant
    }

    public var pairLimit: Int
    public var pairCategories: [Category]
    public var schoolAgeFrom: Int
    public var schoolAgeTo: Int
    /// `MM-DD`: the day of the register's year on which ages are counted.
    public var ageOn: String
    public var purchasedServiceSchools: [String]
    public var sources: [String]

    enum CodingKeys: String, CodingKey {
        case pairLimit = "pair_limit", pairCategories = "pair_categories", schoolAgeFrom = "school_age_from"
        case schoolAgeTo = "school_age_to", ageOn = "age_on", purchasedServiceSchools = "purchased_service_schools", sources
    }

    /// The defaults listed above.
    public static let defaults = CareRules(
        pairLimit: 5, pairCategories: [.leftBehind], schoolAgeFrom: 6, schoolAgeTo: 15, ageOn: "08-31", purchasedServiceSchools: [],
        sources: [
            "国发〔2016〕13号 关于加强农村留守儿童关爱保护工作的意见；001 第12—14条：建立留守儿童档案和联系卡，教师结对帮扶",
            "义务教育法 第十一条：凡年满六周岁的儿童，应当入学接受并完成义务教育",
            "教督〔2017〕6号：教育质量第1项（初中三年巩固率≥95%）、第2项（残疾儿童少年入学率≥95%），政府保障程度第15项",
        ])

    public init(pairLimit: Int, pairCategories: [Category], schoolAgeFrom: Int, schoolAgeTo: Int, ageOn: String,
                purchasedServiceSchools: [String], sources: [String]) {
        self.pairLimit = pairLimit
        self.pairCategories = pairCategories
        self.schoolAgeFrom = schoolAgeFrom
        self.schoolAgeTo = schoolAgeTo
        self.ageOn = ageOn
        self.purchasedServiceSchools = purchasedServiceSchools
        self.sources = sources
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self.defaults
        pairLimit = try c.decodeIfPresent(Int.self, forKey: .pairLimit) ?? d.pairLimit
        pairCategories = try c.decodeIfPresent([Category].self, forKey: .pairCategories) ?? d.pairCategories
        schoolAgeFrom = try c.decodeIfPresent(Int.self, forKey: .schoolAgeFrom) ?? d.schoolAgeFrom
        schoolAgeTo = try c.decodeIfPresent(Int.self, forKey: .schoolAgeTo) ?? d.schoolAgeTo
        ageOn = try c.decodeIfPresent(String.self, forKey: .ageOn) ?? d.ageOn
        purchasedServiceSchools = try c.decodeIfPresent([String].self, forKey: .purchasedServiceSchools) ?? d.purchasedServiceSchools
        sources = try c.decodeIfPresent([String].self, forKey: .sources) ?? d.sources
        if let problem {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: problem))
        }
    }

    /// What is wrong with the rules, in words, or nil.
    public var problem: String? {
        if !(1...100).contains(pairLimit) { return "pair_limit must be from 1 to 100" }
        if !(0...25).contains(schoolAgeFrom) || !(schoolAgeFrom...25).contains(schoolAgeTo) {
            return "school_age_from and school_age_to must be ages from 0 to 25, the first no greater"
        }
        if ageDay(in: 2000) == nil { return "age_on must be a day of the year written MM-DD, such as 08-31" }
        if purchasedServiceSchools.count > 100_000 || purchasedServiceSchools.contains(where: { $0.isEmpty || $0.count > 64 }) {
            return "purchased_service_schools must be school codes of 1 to 64 characters"
        }
        return nil
    }

    /// The day of `year` on which ages are counted; 29 February falls back to 28 in a common
    /// year. `nil` when ``ageOn`` is not `MM-DD`.
    public func ageDay(in year: Int) -> CalendarDate? {
        let parts = ageOn.split(separator: "-")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let m = Int(parts[0]), let d = Int(parts[1]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        return CalendarDate(year: year, month: m, day: min(d, CalendarDate.days(inMonth: m, of: year)))
    }

    /// Whether `child` is of school age in the register's year.
    public func isSchoolAge(_ child: Child) -> Bool {
        guard let day = ageDay(in: child.year) else { return false }
        return (schoolAgeFrom...schoolAgeTo).contains(child.birthDate.age(on: day))
    }

    /// Whether the rules give `child` a care partner: enrolled at a school, and in one of
    /// ``pairCategories``.
    public func needsPartner(_ child: Child) -> Bool {
        guard child.schoolCode != nil, child.isEnrolled, child.placement != .homeTeaching else { return false }
        return pairCategories.contains { category in
            switch category {
            case .leftBehind: child.leftBehind.isLeftBehind
            case .orphan: child.orphan
            case .disability: child.disability != nil
            case .poverty: child.poverty
            case .migrant: child.migrant
            }
        }
    }
}
