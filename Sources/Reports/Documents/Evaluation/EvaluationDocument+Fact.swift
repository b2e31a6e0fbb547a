import Domain

extension EvaluationDocument {
    /// A county-fact item and how it came out.
    public struct Fact: Codable, Sendable, Equatable {
        /// The rule's key in the standard.
        public var item: String
        /// The part of the method it belongs to.
        public var part: String
        /// The recorded value; `nil` when none was recorded (or a number is not finite).
        public var value: FactValue?
        /// `met`, `not_met`, `missing` or `vetoed`.
        public var status: String
        public var evidence: String?
        /// `recorded` (typed in) or `computed` (from the county's data); absent when no value.
        public var source: String?

        init(_ result: FactResult) {
            item = result.rule.key
            part = result.rule.part.rawValue
            value = result.fact.flatMap { FactValue($0.value) }
            status = result.status.rawValue
            evidence = result.fact?.evidence
            source = result.fact?.source.rawValue
        }
    }

    /// A recorded fact's value: a yes/no answer (`true`/`false`) or a number.
    public enum FactValue: Codable, Sendable, Equatable {
        case answer(Bool)
        case number(Double)

        /// The value of `value`; `nil` for a number that is not finite.
        init?(_ value: CountyFact.Value) {
            switch value {
            case .yes: self = .answer(true)
            case .no: self = .answer(false)
            case let .number(n):
                guard let n = n.finite else { return nil }
                self = .number(n)
            }
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let answer = try? container.decode(Bool.self) {
                self = .answer(answer)
            } else {
                self = .number(try container.decode(Double.self))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case let .answer(answer): try container.encode(answer)
            case let .number(number): try container.encode(number)
            }
        }
    }
}
