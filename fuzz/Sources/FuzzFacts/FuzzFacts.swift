import Domain
import FuzzSupport
@testable import Interchange

/// The standard whose items the facts name, loaded once.
let standard = try! Standard.builtIn("quality-2017")

/// The facts reader on CSV, raw workbook and zipped-parts input (see ``TableInput``).
/// Every problem must be a `DataFileError`; the reader's typed throws leave nothing else
/// to catch.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let input = TableInput(data, size) else { return 0 }
    // Guard (KnownCrashes): a workbook's shared strings can repeat a long text in many
    // cells, more text than any CSV input of -max_len bytes, and each unknown item costs a
    // Levenshtein suggestion against every item.
    if input.file.hasSuffix(".xlsx"), KnownCrashes.tooMuchText(workbook: input.bytes, limit: 64 * 1024) { return 0 }
    var reader = FactsReader(standard: standard, language: input.language)
    reader.partBytes = TableInput.partBytes
    _ = try? reader.read(input.bytes, file: input.file)
    return 0
}
