import Domain
import Foundation

/// The rules of zoning (学区划分), the enrollment forecast and the class-size items, as data: a
/// county replaces any of them with a rules file (`junheng plan zones --rules FILE`, JSON with
/// these keys; missing keys keep the defaults).
///
/// Defaults and their sources:
/// - **detour factor 1.3**: a great-circle distance × 1.3 estimates the way on roads when the
///   distances file does not list a pair (the default; county road networks measured in
///   the literature give 1.2–1.4);
/// - **standard class size 45 / 50** (primary / junior): 2017 办法 government item 5 and the
///   school-building standards (建标109-2008: 完全小学 45, 初级中学 50); capacity is classes ×
///   this size when a school's 学位数 is empty;
/// - **distance limit 3 km / 5 km** (primary / junior): the usual county service radii for pupils
///   who do not board (GB 50180-2018 asks 500 m / 1,000 m in cities, rural plans 2–3 km / 5 km);
///   confidence [P] — set the county's own. Measured always; a hard limit only with
///   `enforce_distance_limit`;
/// - **travel speed 15 km/h**: turns a distances file's minutes into km when the file mixes them
///   (a school bus or an electric bicycle in town);
/// - **move weight 0**: each child zoned away from its current school costs this many km; 0 plans
///   from scratch, a positive weight keeps the zones people know;
/// - **contiguous zones** (no islands, 飞地): on;
/// - **就近 = the nearest school** (`nearby_rule`: `nearest`; `within_limit` counts a child zoned
///   to any school within the stage's distance limit): what government item 13's share counts;
/// - **forecast**: grade-progression ratios averaged over the last **3** years (`forecast_window`),
///   **5** years ahead (`forecast_years`); 大班额 from **56**, 超大班额 from **66** (教育部 2018
///   《关于做好消除大班额工作的通知》);
/// - **school size 2,000 / 2,500**: 2017 办法 government item 4 (primary and junior schools /
///   nine- and twelve-year schools' compulsory stages).
public struct ZoningRules: Sendable, Hashable, Codable {
    /// 绕行系数 — road distance ÷ great-circle distance.
    public var detourFactor: Double
    /// 标准班额 by stage.
    public var standardClassSize: [Stage: Int]
    /// 服务半径 by stage, km.
    public var distanceLimit: [Stage: Double]
    /// Whether no child is zoned beyond the stage's distance limit (they are reported unplaced).
    public var enforceDistanceLimit: Bool
    /// km per hour, to turn minutes into km.
    public var travelSpeed: Double
    /// km charged per child zoned away from the school it is zoned to today.
    public var moveWeight: Double
    /// Whether zones must be contiguous (see ``ZoneContiguity``).
    public var contiguous: Bool
    /// What counts as 就近 for government item 13.
    public var nearbyRule: NearbyRule
    /// Years of history whose grade-progression ratios are averaged.
    public var forecastWindow: Int
    /// Years forecast.
    public var forecastYears: Int
    /// A class of this many or more is a 大班额.
    public var largeClass: Int
    /// A class of this many or more is a 超大班额.
    public var hugeClass: Int
    /// The largest primary or junior school (students).
    public var largestSchool: Int
    /// The largest nine- or twelve-year school, compulsory stages (students).
    public var largestCombinedSchool: Int

    /// What counts as enrolled nearby (就近).
    public enum NearbyRule: String, Sendable, Hashable, Codable, CaseIterable {
        /// Zoned to the nearest school of the stage (ties count).
        case nearest
        /// Zoned to a school within the stage's distance limit.
        case withinLimit = "within_limit"
    }

    enum CodingKeys: String, CodingKey {
        case detourFactor = "detour_factor"
        case standardClassSize = "standard_class_size"
        case distanceLimit = "distance_limit_km"
        case enforceDistanceLimit = "enforce_distance_limit"
        case travelSpeed = "travel_speed_kmh"
        case moveWeight = "move_weight_km"
        case contiguous
        case nearbyRule = "nearby_rule"
        case forecastWindow = "forecast_window"
        case forecastYears = "forecast_years"
        case largeClass = "large_class"
        case hugeClass = "huge_class"
        case largestSchool = "largest_school"
        case largestCombinedSchool = "largest_combined_school"
    }

    /// The defaults listed above.
    public static let defaults = ZoningRules(
        detourFactor: 1.3, standardClassSize: [.primary: 45, .junior: 50], distanceLimit: [.primary: 3, .junior: 5],
        enforceDistanceLimit: false, travelSpeed: 15, moveWeight: 0, contiguous: true, nearbyRule: .nearest,
        forecastWindow: 3, forecastYears: 5, largeClass: 56, hugeClass: 66, largestSchool: 2000, largestCombinedSchool: 2500)

    public init(detourFactor: Double, standardClassSize: [Stage: Int], distanceLimit: [Stage: Double],
                enforceDistanceLimit: Bool, travelSpeed: Double, moveWeight: Double, contiguous: Bool,
                nearbyRule: NearbyRule, forecastWindow: Int, forecastYears: Int, largeClass: Int, hugeClass: Int,
                largestSchool: Int, largestCombinedSchool: Int) {
        self.detourFactor = detourFactor
        self.standardClassSize = standardClassSize
        self.distanceLimit = distanceLimit
        self.enforceDistanceLimit = enforceDistanceLimit
        self.travelSpeed = travelSpeed
        self.moveWeight = moveWeight
        self.contiguous = contiguous
        self.nearbyRule = nearbyRule
        self.forecastWindow = forecastWindow
        self.forecastYears = forecastYears
        self.largeClass = largeClass
        self.hugeClass = hugeClass
        self.largestSchool = largestSchool
        self.largestCombinedSchool = largestCombinedSchool
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self.defaults
        func stages<V: Decodable>(_ key: CodingKeys, _ fallback: [Stage: V]) throws -> [Stage: V] {
            guard let raw = try c.decodeIfPresent([String: V].self, forKey: key) else { return fallback }
            var result = fallback
            for (name, value) in raw {
                guard let stage = Stage(rawValue: name), stage != .senior else {
                    throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "unknown stage '\(name)' in \(key.rawValue): it is primary or junior")
                }
                result[stage] = value
            }
            return result
        }
        detourFactor = try c.decodeIfPresent(Double.self, forKey: .detourFactor) ?? d.detourFactor
        standardClassSize = try stages(.standardClassSize, d.standardClassSize)
        distanceLimit = try stages(.distanceLimit, d.distanceLimit)
        enforceDistanceLimit = try c.decodeIfPresent(Bool.self, forKey: .enforceDistanceLimit) ?? d.enforceDistanceLimit
        travelSpeed = try c.decodeIfPresent(Double.self, forKey: .travelSpeed) ?? d.travelSpeed
        moveWeight = try c.decodeIfPresent(Double.self, forKey: .moveWeight) ?? d.moveWeight
        contiguous = try c.decodeIfPresent(Bool.self, forKey: .contiguous) ?? d.contiguous
        if let name = try c.decodeIfPresent(String.self, forKey: .nearbyRule) {
            guard let rule = NearbyRule(rawValue: name) else {
                throw DecodingError.dataCorruptedError(forKey: .nearbyRule, in: c, debugDescription: "unknown nearby rule '\(name)': it is nearest or within_limit")
            }
            nearbyRule = rule
        } else {
            nearbyRule = d.nearbyRule
        }
        forecastWindow = try c.decodeIfPresent(Int.self, forKey: .forecastWindow) ?? d.forecastWindow
        forecastYears = try c.decodeIfPresent(Int.self, forKey: .forecastYears) ?? d.forecastYears
        largeClass = try c.decodeIfPresent(Int.self, forKey: .largeClass) ?? d.largeClass
        hugeClass = try c.decodeIfPresent(Int.self, forKey: .hugeClass) ?? d.hugeClass
        largestSchool = try c.decodeIfPresent(Int.self, forKey: .largestSchool) ?? d.largestSchool
        largestCombinedSchool = try c.decodeIfPresent(Int.self, forKey: .largestCombinedSchool) ?? d.largestCombinedSchool
        if let problem = problem {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: problem))
        }
    }

    /// What is wrong with the rules, in words, or nil.
    public var problem: String? {
        if !(detourFactor.isFinite && detourFactor >= 1 && detourFactor <= 5) { return "detour_factor is a number from 1 to 5" }
        if !standardClassSize.values.allSatisfy({ (1...100).contains($0) }) { return "standard_class_size is 1 to 100 students" }
        if !distanceLimit.values.allSatisfy({ $0.isFinite && $0 > 0 && $0 <= 1000 }) { return "distance_limit_km is above 0 and at most 1000 km" }
        if !(travelSpeed.isFinite && travelSpeed > 0 && travelSpeed <= 200) { return "travel_speed_kmh is above 0 and at most 200" }
        if !(moveWeight.isFinite && moveWeight >= 0 && moveWeight <= 1000) { return "move_weight_km is 0 to 1000 km" }
        if !(1...10).contains(forecastWindow) { return "forecast_window is 1 to 10 years" }
        if !(1...20).contains(forecastYears) { return "forecast_years is 1 to 20 years" }
        if !(1...200).contains(largeClass) || !(largeClass...200).contains(hugeClass) { return "large_class and huge_class are 1 to 200 students, huge_class at least large_class" }
        if !(1...100_000).contains(largestSchool) || !(1...100_000).contains(largestCombinedSchool) { return "largest_school and largest_combined_school are 1 to 100000 students" }
        return nil
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        func byName<V: Encodable>(_ values: [Stage: V]) -> [String: V] {
            Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) })
        }
        try c.encode(detourFactor, forKey: .detourFactor)
        try c.encode(byName(standardClassSize), forKey: .standardClassSize)
        try c.encode(byName(distanceLimit), forKey: .distanceLimit)
        try c.encode(enforceDistanceLimit, forKey: .enforceDistanceLimit)
        try c.encode(travelSpeed, forKey: .travelSpeed)
        try c.encode(moveWeight, forKey: .moveWeight)
        try c.encode(contiguous, forKey: .contiguous)
        try c.encode(nearbyRule.rawValue, forKey: .nearbyRule)
        try c.encode(forecastWindow, forKey: .forecastWindow)
        try c.encode(forecastYears, forKey: .forecastYears)
        try c.encode(largeClass, forKey: .largeClass)
        try c.encode(hugeClass, forKey: .hugeClass)
        try c.encode(largestSchool, forKey: .largestSchool)
        try c.encode(largestCombinedSchool, forKey: .largestCombinedSchool)
    }

    /// The standard class size of `stage` (45 when the rules name none).
    public func classSize(_ stage: Stage) -> Int { standardClassSize[stage] ?? (stage == .primary ? 45 : 50) }
}
