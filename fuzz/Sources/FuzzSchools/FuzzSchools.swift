import FuzzSupport
@testable import Interchange

/// The schools reader on CSV, raw workbook and zipped-parts input (see TableInput). Every problem
/// must be a `DataFileError`; the reader's typed throws leave nothing else to catch.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let input = TableInput(data, size) else { return 0 }
    var reader = SchoolsReader(language: input.language)
    reader.partBytes = TableInput.partBytes
    _ = try? reader.read(input.bytes, file: input.file)
    return 0
}
