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
    var reader = FactsReader(standard: standard, language: input.language)
    reader.partBytes = TableInput.partBytes
    _ = try? reader.read(input.bytes, file: input.file)
    return 0
}
