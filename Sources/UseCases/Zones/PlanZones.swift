import Domain
import Planning

/// The zones use cases (学区划分与招生预测) the command and the web server share: a county's
/// zones for each stage that has children, and its enrollment forecast.
///
/// ```swift
/// let plans = PlanZones(rules: rules).plans(schools: rows, blocks: blocks, distances: [], county: "430102")
/// let forecast = PlanZones(rules: rules).forecast(schools: rows, history: enrollment, births: births, blocks: blocks)
/// ```
public struct PlanZones: Sendable {
    /// The zoning rules as a file reads them (学区规则, JSON with ``ZoningRules``' keys).
    public static let rulesInput = RulesInput(defaults: ZoningRules.defaults, chineseName: "学区规则", englishName: "zoning rules")

    public var rules: ZoningRules

    public init(rules: ZoningRules = .defaults) {
        self.rules = rules
    }

    /// The plan of each stage in `stages` (both when nil) whose blocks have children.
    public func plans(schools: [SchoolYear], blocks: [ResidentialBlock], distances: [TravelDistance], county: String,
                      stages: [Stage]? = nil) -> [ZoningPlan] {
        let planner = ZonePlanner(rules: rules)
        let wanted = stages ?? [.primary, .junior]
        return wanted.compactMap { stage in
            let countyBlocks = blocks.filter { $0.countyCode == county }
            guard countyBlocks.contains(where: { $0.children(stage) > 0 }) else { return nil }
            return planner.plan(stage: stage, county: county, blocks: countyBlocks, schools: schools, distances: distances)
        }
    }

    /// The forecast of `county`'s schools in `schools` (its rows of the base year).
    public func forecast(schools: [SchoolYear], county: String, history: [EnrollmentRecord], births: [BirthRecord] = [],
                         blocks: [ResidentialBlock] = [], years: Int? = nil) -> EnrollmentForecast {
        EnrollmentForecaster(rules: rules).forecast(
            schools: schools.filter { $0.countyCode == county }, history: history, births: births,
            blocks: blocks.filter { $0.countyCode == county }, years: years)
    }
}
