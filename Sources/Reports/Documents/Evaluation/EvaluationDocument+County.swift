import Domain
import Interchange

extension EvaluationDocument {
    /// One county's evaluation in one year.
    public struct County: Codable, Sendable, Equatable {
        public var countyCode: String
        public var countyName: String?
        public var year: Int
        /// `pass`, `fail` or `incomplete`.
        public var verdict: String
        /// One sentence per failed or missing rule, in the document's language.
        public var reasons: [String]
        /// By stage key (`primary`, `junior`), in the evaluation's order.
        public var stages: OrderedMembers<Stage>
        /// Every school unit.
        public var schools: [School]
        /// Schools left out of the resource part.
        public var excluded: [Exclusion]
        /// County-fact items; empty when no facts were given.
        public var facts: [Fact]

        enum CodingKeys: String, CodingKey {
            case countyCode = "county_code", countyName = "county_name", year, verdict, reasons, stages, schools, excluded, facts
        }

        init(_ result: CountyResult, standard: Standard, keys: [String], language: Language) {
            countyCode = result.countyCode
            countyName = result.countyName
            year = result.year
            verdict = result.verdict.rawValue
            reasons = result.findings.map { $0.text(in: language, standard: standard) }
            stages = OrderedMembers(result.stages.map { ($0.stage.rawValue, Stage($0, keys: keys)) })
            schools = result.units.map { School($0, keys: keys) }
            excluded = result.excluded.map { Exclusion($0, language: language) }
            facts = result.facts.map(Fact.init)
        }
    }
}
