import Domain
import Foundation

/// The rules of school layout (布局调整), as data: a county replaces any of them with a rules
/// file (`junheng plan layout --rules FILE`, JSON; missing keys keep the defaults).
///
/// The distance, class-size and school-size keys are the zoning rules' (``ZoningRules``: one
/// vocabulary, one file may serve both): `detour_factor`, `travel_speed_kmh`,
/// `standard_class_size`, `distance_limit_km` (the school-run limit per stage, 3 / 5 km by
/// default), `enforce_distance_limit` (a site beyond it does not serve a block), `largest_school`
/// (2,000) and `largest_combined_school` (2,500). The layout adds:
/// - **merger thresholds**: a 乡镇初中 with fewer than **600** students and a village primary
///   school with fewer than **300** are merger candidates (`merger_junior_below`,
///   `merger_village_primary_below`; 002 篇3: "初中学生人数在600人以下的乡镇初中 … 学生人数在300人以下的村
///   不再设立建制小学");
/// - **price per child-km** (`price_per_child_km`, yuan; none by default): when set, the plan
///   minimises child-km + 新建费用 ÷ price, so a candidate is built only where the distance it
///   saves is worth its cost (under `--budget` too, which then need not be spent);
/// - **community-size rules** (`community_rules`, ``CommunityRule``): the schools and classes a
///   community of so many residents must have (001 §3), the requirements the layout checks.
public struct LayoutRules: Sendable, Hashable, Codable {
    /// The keys shared with zoning: distances, class sizes, school sizes.
    public var zoning: ZoningRules
    /// 撤并标准: a junior school with fewer students is a merger candidate.
    public var mergerJuniorBelow: Int
    /// 撤并标准: a village primary school with fewer students is a merger candidate.
    public var mergerVillagePrimaryBelow: Int
    /// 社区配建标准, in order: the first rule of a stage that covers a community applies.
    public var communityRules: [CommunityRule]
    /// Yuan one child-km is worth against building costs; nil: distance alone.
    public var pricePerChildKm: Double?

    enum CodingKeys: String, CodingKey {
        case mergerJuniorBelow = "merger_junior_below"
        case mergerVillagePrimaryBelow = "merger_village_primary_below"
        case communityRules = "community_rules"
        case pricePerChildKm = "price_per_child_km"
    }

    /// The defaults listed above.
    public static let defaults = LayoutRules(zoning: .defaults, mergerJuniorBelow: 600, mergerVillagePrimaryBelow: 300)

    /// The most community rules a file may list.
    static let mostCommunityRules = 100

    public init(zoning: ZoningRules, mergerJuniorBelow: Int, mergerVillagePrimaryBelow: Int,
                communityRules: [CommunityRule] = CommunityRule.defaults, pricePerChildKm: Double? = nil) {
        self.zoning = zoning
        self.mergerJuniorBelow = mergerJuniorBelow
        self.mergerVillagePrimaryBelow = mergerVillagePrimaryBelow
        self.communityRules = communityRules
        self.pricePerChildKm = pricePerChildKm
    }

    public init(from decoder: any Decoder) throws {
        zoning = try ZoningRules(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        mergerJuniorBelow = try c.decodeIfPresent(Int.self, forKey: .mergerJuniorBelow) ?? Self.defaults.mergerJuniorBelow
        mergerVillagePrimaryBelow = try c.decodeIfPresent(Int.self, forKey: .mergerVillagePrimaryBelow) ?? Self.defaults.mergerVillagePrimaryBelow
        communityRules = try c.decodeIfPresent([CommunityRule].self, forKey: .communityRules) ?? Self.defaults.communityRules
        pricePerChildKm = try c.decodeIfPresent(Double.self, forKey: .pricePerChildKm)
        if let problem {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: problem))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try zoning.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mergerJuniorBelow, forKey: .mergerJuniorBelow)
        try c.encode(mergerVillagePrimaryBelow, forKey: .mergerVillagePrimaryBelow)
        try c.encode(communityRules, forKey: .communityRules)
        // null when unset, so that the key is known to the rules file (and its warning for unknown keys).
        try c.encode(pricePerChildKm, forKey: .pricePerChildKm)
    }

    /// What is wrong with the rules, in words, or nil.
    public var problem: String? {
        if let problem = zoning.problem { return problem }
        if !(0...100_000).contains(mergerJuniorBelow) || !(0...100_000).contains(mergerVillagePrimaryBelow) {
            return "merger_junior_below and merger_village_primary_below are 0 to 100000 students"
        }
        if let price = pricePerChildKm, !(price.isFinite && price > 0 && price <= 1e12) {
            return "price_per_child_km is a number of yuan above 0 (at most 1000000000000)"
        }
        guard communityRules.count <= Self.mostCommunityRules else { return "community_rules: at most \(Self.mostCommunityRules) rules" }
        return communityRules.lazy.compactMap(\.problem).first
    }

    /// The merger threshold of `stage` (students).
    public func mergerThreshold(_ stage: Stage) -> Int { stage == .junior ? mergerJuniorBelow : mergerVillagePrimaryBelow }

    /// The community rule of `stage` that covers `population` residents, if any.
    public func communityRule(_ stage: Stage, population: Int) -> CommunityRule? {
        communityRules.first { $0.stage == stage && $0.covers(population) }
    }
}
