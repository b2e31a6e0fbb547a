import Domain
import Spreadsheet

/// Writes ``CountyFact`` values as a `facts` CSV file that ``FactsReader`` reads back to
/// equal values: 是/否 (or yes/no) for answers, plain decimal numbers for the rest.
///
/// ```swift
/// let bytes = try FactsWriter(headers: .chinese).write(facts)
/// ```
public struct FactsWriter: Sendable {
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
        let answers = headers == .chinese ? Choices.yesNo.chineseNames : Choices.yesNo.englishNames
        var csv = CSVWriter()
        for column in FactColumn.allCases { csv.cell(column.header(headers)) }
        csv.endRecord()
        for fact in facts {
            csv.cell(String(fact.year))
            csv.cell(fact.countyCode)
            csv.cell(fact.item)
            switch fact.value {
            case .yes: csv.cell(answers[0])
            case .no: csv.cell(answers[1])
            case let .number(n): csv.cell(DecimalNumber.text(n))
            }
            csv.cell(fact.evidence)
            csv.endRecord()
        }
        return try encoding.encode(csv.bytes)
    }
}
