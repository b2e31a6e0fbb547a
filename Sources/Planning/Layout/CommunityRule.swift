import Domain

/// A community-size rule (社区配建标准): the schools a community of so many residents must have
/// for one stage, and their size in classes.
///
/// The defaults are 001 §3: "4000–10000人的社区设1所6–12班的完全小学；1万人以上的社区，每1万人设1所
/// 18至24班规模的小学，每2万人设1所18班以上规模的初中" —
///
/// | stage   | residents       | schools                 | classes each |
/// |---------|-----------------|-------------------------|--------------|
/// | primary | 4,000 – 9,999   | 1                       | 6 – 12       |
/// | primary | 10,000 and more | ⌊residents ÷ 10,000⌋    | 18 – 24      |
/// | junior  | 10,000 and more | ⌊residents ÷ 20,000⌋, ≥ 1 | 18 or more |
///
/// A rule with `per_population` asks for ⌊residents ÷ per_population⌋ schools and at least one
/// (the text sets schools "每1万人", per full 10,000; a community that meets the rule's lower
/// bound has at least one); without it, one school. So a community of 25,000 needs two
/// primaries of 18–24 classes and one junior school of at least 18.
///
/// In a rules file: `"community_rules": [{"stage": "primary", "population_from": 4000,
/// "population_below": 10000, "classes_min": 6, "classes_max": 12}, …]` — the list replaces
/// the defaults whole; the first rule of the stage whose range holds the population applies.
public struct CommunityRule: Sendable, Hashable, Codable {
    public var stage: Stage
    /// Residents from which the rule applies.
    public var populationFrom: Int
    /// Residents below which it applies (nil: no upper end).
    public var populationBelow: Int?
    /// One school per so many residents (nil: one school).
    public var perPopulation: Int?
    /// Classes of each school, at least.
    public var classesMin: Int
    /// Classes of each school, at most (nil: no upper end).
    public var classesMax: Int?

    enum CodingKeys: String, CodingKey {
        case stage, populationFrom = "population_from", populationBelow = "population_below", perPopulation = "per_population"
        case classesMin = "classes_min", classesMax = "classes_max"
    }

    public init(stage: Stage, populationFrom: Int, populationBelow: Int? = nil, perPopulation: Int? = nil, classesMin: Int, classesMax: Int? = nil) {
        self.stage = stage
        self.populationFrom = populationFrom
        self.populationBelow = populationBelow
        self.perPopulation = perPopulation
        self.classesMin = classesMin
        self.classesMax = classesMax
    }

    /// The rules of 001 §3 (table above).
    public static let defaults: [CommunityRule] = [
        CommunityRule(stage: .primary, populationFrom: 4_000, populationBelow: 10_000, classesMin: 6, classesMax: 12),
        CommunityRule(stage: .primary, populationFrom: 10_000, perPopulation: 10_000, classesMin: 18, classesMax: 24),
        CommunityRule(stage: .junior, populationFrom: 10_000, perPopulation: 20_000, classesMin: 18),
    ]

    /// Whether the rule covers a community of `population` residents.
    public func covers(_ population: Int) -> Bool {
        population >= populationFrom && populationBelow.map { population < $0 } ?? true
    }

    /// The schools a community of `population` residents needs under the rule.
    public func schools(for population: Int) -> Int {
        perPopulation.map { max(1, population / $0) } ?? 1
    }

    /// What is wrong with the rule, in words, or nil.
    var problem: String? {
        let residents = 0...100_000_000
        guard residents.contains(populationFrom), populationBelow.map({ $0 > populationFrom && residents.contains($0) }) ?? true,
              perPopulation.map({ (1...100_000_000).contains($0) }) ?? true else {
            return "community_rules: population_from is 0 to 100000000, population_below above it, per_population 1 to 100000000"
        }
        guard (1...200).contains(classesMin), classesMax.map({ $0 >= classesMin && $0 <= 200 }) ?? true else {
            return "community_rules: classes_min is 1 to 200 and classes_max at least classes_min (at most 200)"
        }
        return nil
    }
}
