import Domain

/// What a table reader's harness feeds the reader: the first byte of the fuzz input chooses
/// how the rest is read, so that one target covers every way a table file reaches the
/// server.
///
/// - `0`: CSV bytes (UTF-8, GB18030 or anything else), named `fuzz.csv`;
/// - `1`: a workbook's raw bytes, named `fuzz.xlsx` (the seeds are real workbooks; mutations
///   mostly exercise the ZIP layer);
/// - `2`: the XML parts of a workbook, zipped here (see ``WorkbookParts``), so that the
///   mutations reach the XML scanner and the sheet's rows instead of failing a checksum.
///
/// Bit 2 of the first byte picks English messages instead of Chinese ones, since each
/// problem is worded in both.
public struct TableInput {
    /// The bytes the reader gets.
    public let bytes: [UInt8]
    /// The file name the reader gets (it decides CSV or workbook for bytes that are not ZIP).
    public let file: String
    /// The language of the reader's messages.
    public let language: Language

    /// The part size the harnesses give the readers instead of their 1 MiB: two parts (one
    /// per core here) from 128 bytes on, so the parallel read and its rereading, when a
    /// quoted line break straddles a part's start, are fuzzed on small inputs.
    public static let partBytes = 64

    /// The input in the `size` bytes at `data`; `nil` when it is empty.
    public init?(_ data: UnsafePointer<UInt8>, _ size: Int) {
        guard size > 0 else { return nil }
        let rest = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
        language = data[0] & 4 == 0 ? .chinese : .english
        switch data[0] & 3 {
        case 0:
            (bytes, file) = (rest, "fuzz.csv")
        case 1:
            (bytes, file) = (rest, "fuzz.xlsx")
        default:
            (bytes, file) = (WorkbookParts(rest).workbook(), "fuzz.xlsx")
        }
    }
}
