import Domain
import Interchange

/// `junheng evaluate --format json`: the contract of data-format.md, keys in that order.
/// Fields beyond the contract (county name, Theil parts, range ratio, exclusions, facts) are
/// additions; none of the documented keys is renamed or dropped.
public struct EvaluationJSON: Sendable {
    public let standard: Standard
    public let language: Language
    /// Indicator keys in the standard's order, looked up once rather than per school.
    private let keys: [String]

    public init(standard: Standard, language: Language) {
        self.standard = standard
        self.language = language
        keys = standard.indicators.map(\.key)
    }

    /// The whole document for `results`.
    public func document(_ results: [CountyResult]) -> JSONValue {
        .object([
            ("standard", .string(standard.key)),
            ("counties", .array(results.map(county))),
        ])
    }

    func county(_ result: CountyResult) -> JSONValue {
        .object([
            ("county_code", .string(result.countyCode)),
            ("county_name", .string(result.countyName)),
            ("year", .int(result.year)),
            ("verdict", .string(result.verdict.rawValue)),
            ("reasons", .array(result.findings.map { .string($0.text(in: language, standard: standard)) })),
            ("stages", .object(result.stages.map { ($0.stage.rawValue, stage($0)) })),
            ("schools", .array(result.units.map(unit))),
            ("excluded", .array(result.excluded.map(exclusion))),
            ("facts", .array(result.facts.map(fact))),
        ])
    }

    func stage(_ result: StageResult) -> JSONValue {
        .object([
            ("units", .int(result.unitCount)),
            ("students", .int(result.students)),
            ("composite_cv", .number(result.compositeCV)),
            ("composite_limit", .number(result.compositeLimit)),
            ("composite_pass", .bool(result.compositePass)),
            ("indicators", .object(result.indicators.map { (keys[$0.index], indicator($0)) })),
        ])
    }

    func indicator(_ result: IndicatorResult) -> JSONValue {
        let theil = result.theil
        return .object([
            ("county_value", .number(result.countyValue)),
            ("cv", .number(result.cv)),
            ("limit", .number(result.limit)),
            ("pass", .bool(result.pass)),
            ("gini", .number(result.gini)),
            ("theil", .number(theil?.total)),
            ("theil_between", .number(theil?.between)),
            ("theil_within", .number(theil?.within)),
            ("theil_groups", .object((theil?.groups ?? []).map { part in
                (part.group.rawValue, .object([
                    ("students", .number(part.weight)),
                    ("mean", .number(part.mean)),
                    ("theil", .number(part.theil)),
                    ("resource_share", .number(part.resourceShare)),
                ]))
            })),
            ("mcloone", .number(result.mcloone)),
            ("min", .number(result.min)),
            ("max", .number(result.max)),
            ("range_ratio", .number(result.rangeRatio)),
            ("missing_units", .array(result.missingUnits.map(JSONValue.string))),
        ])
    }

    func unit(_ result: UnitResult) -> JSONValue {
        .object([
            ("school_code", .string(result.unit.schoolCode)),
            ("school_name", .string(result.unit.schoolName)),
            ("stage", .string(result.unit.stage.rawValue)),
            ("locality", .string(result.unit.locality.rawValue)),
            ("students", .int(result.unit.students)),
            ("values", .object(zip(keys, result.values).map { ($0, .number($1)) })),
            ("met", .object(zip(keys, result.met).map { ($0, .bool($1)) })),
            ("pass", .bool(result.passes)),
            ("merged_teaching_points", .array(result.unit.mergedTeachingPoints.map(JSONValue.string))),
        ])
    }

    func exclusion(_ exclusion: Exclusion) -> JSONValue {
        .object([
            ("school_code", .string(exclusion.schoolCode)),
            ("school_name", .string(exclusion.schoolName)),
            ("students", .int(exclusion.students)),
            ("reason", .string(exclusion.reason.key)),
            ("reason_text", .string(exclusion.reason.text(in: language))),
        ])
    }

    func fact(_ result: FactResult) -> JSONValue {
        let value: JSONValue
        switch result.fact?.value {
        case .yes?: value = .bool(true)
        case .no?: value = .bool(false)
        case let .number(n)?: value = .number(n)
        case nil: value = .null
        }
        return .object([
            ("item", .string(result.rule.key)),
            ("part", .string(result.rule.part.rawValue)),
            ("value", value),
            ("status", .string(result.status.rawValue)),
            ("evidence", .string(result.fact?.evidence)),
        ])
    }
}
