/// Runs a scan over the bytes of one part and reports its failures as ``XLSXError``s that
/// name the file, the part, the line and the sheet.
enum PartScan {
    static func run<Result>(
        _ bytes: [UInt8], file: String, part: String, sheet: String? = nil,
        _ body: (inout XMLScanner) throws(ScanError) -> Result
    ) throws(XLSXError) -> Result {
        let outcome: Swift.Result<Result, ScanError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(ScanError) {
                var scanner = try XMLScanner(buffer)
                return .success(try body(&scanner))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case let .success(value):
            return value
        case let .failure(error):
            let line = bytes.withUnsafeBufferPointer { error.line(in: $0) }
            throw XLSXError(.scan(error.problem, line: line), file: file, part: part, sheet: sheet, row: error.row, column: error.column)
        }
    }
}
