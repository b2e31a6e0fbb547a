import Domain

/// `junheng evaluate --format csv`: one row per county, year, stage and indicator with the
/// header `county_code,year,stage,indicator,county_value,cv,limit,pass`, numbers unrounded —
/// the compact form for files of thousands of counties. Under a standard that judges the
/// composite (2012) each stage adds a row whose indicator is `composite`, since that row
/// carries the pass decision. Absent values are empty cells.
public struct EvaluationCSV: Sendable {
    /// The header row.
    public static let header = "county_code,year,stage,indicator,county_value,cv,limit,pass\n"

    public let standard: Standard
    /// Indicator keys in the standard's order, looked up once rather than per row.
    private let keys: [String]

    public init(standard: Standard) {
        self.standard = standard
        keys = standard.indicators.map(\.key)
    }

    /// The whole output: the header and every county's rows, rendered on all cores.
    public func document(_ results: [CountyResult]) -> String {
        ParallelMap.map(count: results.count) { rows(results[$0]) }.reduce(into: Self.header) { $0 += $1 }
    }

    /// The rows of `result`, each ending in a newline.
    public func rows(_ result: CountyResult) -> String {
        var out = ""
        let prefix = "\(result.countyCode),\(result.year),"
        for stage in result.stages {
            let stagePrefix = prefix + stage.stage.rawValue + ","
            for indicator in stage.indicators {
                out += stagePrefix + keys[indicator.index] + ","
                out += Self.cell(indicator.countyValue) + "," + Self.cell(indicator.cv) + ","
                out += Self.cell(indicator.limit) + "," + Self.cell(indicator.pass) + "\n"
            }
            if standard.balance.judged == .composite {
                out += stagePrefix + "composite,," + Self.cell(stage.compositeCV) + ","
                out += Self.cell(stage.compositeLimit) + "," + Self.cell(stage.compositePass) + "\n"
            }
        }
        return out
    }

    static func cell(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return value.description
    }

    static func cell(_ value: Bool?) -> String {
        value.map { $0 ? "true" : "false" } ?? ""
    }
}
