import FuzzSupport
import Interchange

/// The budget reader on CSV, raw workbook and zipped-parts input (see TableInput). Every problem
/// must be a `DataFileError`; the reader's typed throws leave nothing else to catch.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let input = TableInput(data, size) else { return 0 }
    _ = try? BudgetReader(language: input.language).read(input.bytes, file: input.file)
    return 0
}
