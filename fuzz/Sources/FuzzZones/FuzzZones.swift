import FuzzSupport
@testable import Interchange

/// The zone, layout, quota and care readers — blocks, distances, enrollment, births, sites, the
/// high schools' quotas, the children register, the dropout ledger and the cohorts — on CSV,
/// raw workbook and zipped-parts input (see TableInput; bits 3–7 of the first byte pick the
/// reader, modulo 9). Every problem must be a `DataFileError`; the readers' typed throws leave
/// nothing else to catch.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let input = TableInput(data, size) else { return 0 }
    let language = input.language, part = TableInput.partBytes
    switch (data[0] >> 3) % 9 {
    case 0:
        var reader = BlocksReader(language: language)
        reader.partBytes = part
        _ = try? reader.read(input.bytes, file: input.file)
    case 1:
        var reader = DistancesReader(language: language)
        reader.partBytes = part
        _ = try? reader.read(input.bytes, file: input.file)
    case 2:
        var reader = EnrollmentReader(language: language)
        reader.partBytes = part
        _ = try? reader.read(input.bytes, file: input.file)
    case 3:
        var reader = BirthsReader(language: language)
        reader.partBytes = part
        _ = try? reader.read(input.bytes, file: input.file)
    case 4:
        var reader = SitesReader(language: language)
        reader.partBytes = part
        _ = try? reader.read(input.bytes, file: input.file)
    case 5:
        var reader = QuotaReader(language: language)
        reader.partBytes = part
        _ = try? reader.read(input.bytes, file: input.file)
    case 6:
        var reader = ChildrenReader(language: language)
        reader.partBytes = part
        _ = try? reader.read(input.bytes, file: input.file)
    case 7:
        var reader = DropoutsReader(language: language)
        reader.partBytes = part
        _ = try? reader.read(input.bytes, file: input.file)
    default:
        var reader = CohortsReader(language: language)
        reader.partBytes = part
        _ = try? reader.read(input.bytes, file: input.file)
    }
    return 0
}
