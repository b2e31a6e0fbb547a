import Foundation

/// An evaluation method as data (督导评估办法): its indicators and thresholds, the balance
/// rule, the school rule, scope and split settings, and the county-fact items.
///
/// The national methods ship as `quality-2017.json` (优质均衡, 教督〔2017〕6号) and
/// `basic-2012.json` (基本均衡, 教督〔2012〕3号); a province loads its own file in the same
/// schema with ``Standard/decode(_:source:)``.
public struct Standard: Sendable, Hashable, Codable, Named {
    /// Short key, e.g. `quality-2017`.
    public var key: String
    /// Official title.
    public var name: String
    /// English title.
    public var nameEn: String
    /// The document number, e.g. 教督〔2017〕6号.
    public var document: String?
    /// Stages evaluated (primary and junior).
    public var stages: [Stage]
    /// The school-level indicators, in official order.
    public var indicators: [IndicatorDefinition]
    /// The CV limits and what they judge.
    public var balance: BalanceRule
    /// The per-school rule, if the method has one (2017: 6 of 7, rest ≥ 85 %).
    public var schoolRule: SchoolRule?
    /// Which schools count.
    public var scope: ScopeRules
    /// Split weights of combined schools.
    public var splitWeights: SplitWeights
    /// County-fact items, judged from the facts file.
    public var facts: [FactRule]

    enum CodingKeys: String, CodingKey {
        case key, name, nameEn = "name_en", document, stages, indicators, balance
        case schoolRule = "school_rule", scope, splitWeights = "split_weights", facts
    }

    public init(
        key: String, name: String, nameEn: String, document: String? = nil, stages: [Stage],
        indicators: [IndicatorDefinition], balance: BalanceRule, schoolRule: SchoolRule?,
        scope: ScopeRules, splitWeights: SplitWeights, facts: [FactRule]
    ) {
        self.key = key
        self.name = name
        self.nameEn = nameEn
        self.document = document
        self.stages = stages
        self.indicators = indicators
        self.balance = balance
        self.schoolRule = schoolRule
        self.scope = scope
        self.splitWeights = splitWeights
        self.facts = facts
    }

    /// The title (``Named``).
    public var chineseName: String { name }
    public var englishName: String { nameEn }

    /// The fact rule with `key`, if any.
    public func fact(_ key: String) -> FactRule? {
        facts.first { $0.key == key }
    }
}
