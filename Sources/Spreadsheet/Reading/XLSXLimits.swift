/// How much a workbook may make the reader hold.
///
/// A workbook is a ZIP archive, and deflate inflates up to 1032:1: 1–2 MB of upload can hold
/// a gibibyte of `<si/>`, blank cells, text or white space. Every bound here is checked while
/// a part is inflated or scanned, so memory never grows past it before the file is refused.
///
/// The defaults leave room for the largest files bureaus send: a province's schools sheet of
/// 10,000 rows × 45 columns is about 30 MB of XML, a city's 52,000 teachers about 17 MB;
/// sheets written by Excel, LibreOffice and openpyxl compress 4–15:1.
public struct XLSXLimits: Sendable, Equatable {
    /// The most one part may inflate to.
    public var partBytes: Int
    /// The most all the parts read from one workbook may inflate to together.
    public var totalBytes: Int
    /// The most a part larger than ``ratioFreeBytes`` may inflate to per compressed byte.
    public var inflationRatio: Int
    /// Up to this size a part may inflate by any ratio (styles and themes of a few KB).
    public var ratioFreeBytes: Int
    /// The most non-empty cells one sheet may have.
    public var cells: Int
    /// The most shared strings a workbook may list.
    public var sharedStrings: Int
    /// The most characters (UTF-16 code units, as Excel counts them) a cell's text may
    /// have: Excel's own limit.
    public var textLength: Int

    /// The limits Junheng reads uploads and files with.
    public static let standard = XLSXLimits(
        partBytes: 48 << 20, totalBytes: 64 << 20, inflationRatio: 100, ratioFreeBytes: 1 << 20,
        cells: 2_000_000, sharedStrings: 2_000_000, textLength: 32_767)

    /// Limits as given; see the properties.
    public init(
        partBytes: Int, totalBytes: Int, inflationRatio: Int, ratioFreeBytes: Int,
        cells: Int, sharedStrings: Int, textLength: Int
    ) {
        self.partBytes = partBytes
        self.totalBytes = totalBytes
        self.inflationRatio = inflationRatio
        self.ratioFreeBytes = ratioFreeBytes
        self.cells = cells
        self.sharedStrings = sharedStrings
        self.textLength = textLength
    }

    /// The most a part compressed to `compressed` bytes may inflate to, when `used` bytes of
    /// the workbook's total are already taken.
    func allowance(compressed: UInt64, used: Int) -> Int {
        let byRatio = compressed.multipliedReportingOverflow(by: UInt64(inflationRatio))
        let ratio = byRatio.overflow ? Int.max : Int(clamping: byRatio.partialValue)
        return max(0, min(partBytes, totalBytes - used, max(ratioFreeBytes, ratio)))
    }
}
