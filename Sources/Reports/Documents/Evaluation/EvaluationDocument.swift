import Domain
import Interchange

/// The evaluation as one JSON document — `junheng evaluate --format json` and
/// `GET /api/counties/{county}/years/{year}/evaluation` — in the contract of data-format.md,
/// keys in that order. Members beyond the contract (county name, Theil parts, range ratio,
/// exclusions, facts) are additions; none of the documented keys is renamed or dropped.
///
/// Built once from the results; numbers unrounded, `nil` (written `null`) when absent or not
/// finite. Write it with ``JSONValue/init(encoding:)``:
///
/// ```swift
/// let document = EvaluationDocument(results, standard: standard, language: .chinese)
/// print(try JSONValue(encoding: document).serialized())
/// ```
public struct EvaluationDocument: Codable, Sendable, Equatable {
    /// The standard's key, e.g. `quality-2017`.
    public var standard: String
    /// One evaluation per county and year.
    public var counties: [County]

    /// The document of `results` under `standard`, its reasons in `language`.
    public init(_ results: [CountyResult], standard: Standard, language: Language) {
        self.standard = standard.key
        // Indicator keys in the standard's order, looked up once rather than per school.
        let keys = standard.indicators.map(\.key)
        counties = results.map { County($0, standard: standard, keys: keys, language: language) }
    }
}
