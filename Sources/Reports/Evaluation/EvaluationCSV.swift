import Domain
import Interchange

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

    /// The whole output as UTF-8: the header and every county's rows, rendered on all cores.
    public func document(_ results: [CountyResult]) -> [UInt8] {
        let parts = ParallelMap.map(count: results.count) { rows(results[$0]) }
        var out = Array(Self.header.utf8)
        out.reserveCapacity(parts.reduce(out.count) { $0 + $1.count })
        for part in parts { out += part }
        return out
    }

    /// The rows of `result` as UTF-8, each ending in a newline.
    public func rows(_ result: CountyResult) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(result.stages.count * (keys.count + 1) * 96)
        let prefix = Array("\(result.countyCode),\(result.year),".utf8)
        for stage in result.stages {
            let stagePrefix = prefix + Array((stage.stage.rawValue + ",").utf8)
            for indicator in stage.indicators {
                out += stagePrefix
                out += keys[indicator.index].utf8
                Self.append([indicator.countyValue, indicator.cv, indicator.limit], indicator.pass, to: &out)
            }
            if standard.balance.judged == .composite {
                out += stagePrefix
                out += "composite".utf8
                Self.append([nil, stage.compositeCV, stage.compositeLimit], stage.compositePass, to: &out)
            }
        }
        return out
    }

    /// `,a,b,c,pass` and the newline.
    private static func append(_ numbers: [Double?], _ pass: Bool?, to out: inout [UInt8]) {
        for number in numbers {
            out.append(UInt8(ascii: ","))
            out += cell(number).utf8
        }
        out.append(UInt8(ascii: ","))
        out += cell(pass).utf8
        out.append(UInt8(ascii: "\n"))
    }

    static func cell(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return value.description
    }

    static func cell(_ value: Bool?) -> String {
        value.map { $0 ? "true" : "false" } ?? ""
    }
}
