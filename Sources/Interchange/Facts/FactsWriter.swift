import Domain
import Spreadsheet

/// Writes ``CountyFact`` values as a `facts` CSV file that ``FactsReader`` reads back to
/// equal values: 是/否 (or yes/no) for answers, plain decimal numbers for the rest.
///
/// ```swift
/// let bytes = try FactsWriter(headers: .chinese).write(facts)
/// ```
public struct FactsWriter: DataFileWriter {
    /// Chinese headers and 是/否, or English keys and yes/no.
    public var headers: HeaderStyle
    /// The output encoding.
    public var encoding: TextEncoding

    /// A writer with `headers` (Chinese by default) in `encoding` (UTF-8 by default).
    public init(headers: HeaderStyle = .chinese, encoding: TextEncoding = .utf8) {
        self.headers = headers
        self.encoding = encoding
    }

    /// The CSV file of `facts`, one row each, in order.
    ///
    /// - Throws: ``TextCodingError`` only for GB18030 on a system that cannot encode it.
    public func write(_ facts: [CountyFact]) throws(TextCodingError) -> [UInt8] {
        try file(facts)
    }

    /// The cell of `column` for `fact`.
    func text(_ column: FactColumn, of fact: CountyFact) -> String? {
        switch column {
        case .year: return String(fact.year)
        case .countyCode: return fact.countyCode
        case .item: return fact.item
        case .value:
            switch fact.value {
            case .yes: return Choices.answer(true, headers)
            case .no: return Choices.answer(false, headers)
            case let .number(n): return DecimalNumber.text(n)
            }
        case .evidence: return fact.evidence
        }
    }
}
