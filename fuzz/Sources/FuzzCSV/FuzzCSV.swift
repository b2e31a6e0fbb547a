@testable import Interchange

/// The CSV layer under every table reader, on any bytes:
///
/// - the parser walks UTF-8 text to its end or to a syntax error, and never counts more
///   records with text than ``CSVParser/mostRecords(inUTF8:)`` bounds: the table readers
///   size their unsafe row buffers by that bound;
/// - text that is not UTF-8 is decoded (GB18030 first) or refused with a ``DataFileError``,
///   and what comes out is UTF-8.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    if let bound = CSVParser.mostRecords(inUTF8: bytes) {
        let records = RecordsWithText.count(in: bytes)
        precondition(records <= bound, "\(records) records with text, but mostRecords says at most \(bound)")
    } else {
        do {
            let text = try TextDecoding.utf8(from: Array(bytes), file: "fuzz.csv")
            let decoded = text.withUnsafeBufferPointer { CSVParser.mostRecords(inUTF8: $0) }
            precondition(decoded != nil, "decoded text is not UTF-8")
        } catch {
            // Refused as undecodable: the reader's answer for such bytes.
        }
    }
    return 0
}

/// Counts the records a parser reads that have a cell with text, the ones a table reader
/// keeps a row for.
struct RecordsWithText: CSVCellVisitor {
    private var hasText = false

    mutating func visit(_ position: Int, _ cell: CSVCell) {
        if !cell.isEmpty { hasText = true }
    }

    /// The records with text in `bytes`, up to the end or the first syntax error.
    static func count(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var parser = CSVParser(bytes), visitor = RecordsWithText(), records = 0
        while true {
            visitor.hasText = false
            do throws(CSVSyntaxError) {
                guard try parser.next(&visitor) else { return records }
            } catch {
                return records
            }
            if visitor.hasText { records += 1 }
        }
    }
}
