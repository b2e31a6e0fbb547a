import FuzzSupport
@testable import Interchange
@testable import Spreadsheet

/// The workbook reader on raw bytes (the seeds are real workbooks): opening the package,
/// reading every sheet, and turning each into the CSV text the table readers take. Every
/// malformation must be an ``XLSXError``.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let workbook = try? XLSXWorkbook(bytes: bytes, file: "fuzz.xlsx") else { return 0 }
    for name in workbook.sheetNames {
        guard let sheet = try? workbook.sheet(named: name) else { continue }
        _ = SheetText(sheet, keys: ["year", "school_code"])
    }
    return 0
}
