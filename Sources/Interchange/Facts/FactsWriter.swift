import Domain
import Spreadsheet

extension DataFileWriter where Row == CountyFact {
    /// The CSV file of `facts`, one row each, in order.
    ///
    /// - Throws: ``TextCodingError`` only for GB18030 on a system that cannot encode it.
    public func write(_ facts: [CountyFact]) throws(TextCodingError) -> [UInt8] {
        try file(facts, text(_:of:))
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
