/// Why a part cannot be read: broken XML, or well-formed XML whose cells make no sense.
public enum ScanProblem: Sendable, Equatable {
    /// The XML itself is broken.
    case xml(XMLProblem)
    /// An `r` attribute that is no cell reference (or lies outside A1:XFD1048576).
    case badCellReference(String)
    /// A row number not above the previous row's.
    case rowOutOfOrder(Int)
    /// A cell not to the right of the previous cell in its row.
    case cellOutOfOrder(String)
    /// A `t="b"` value other than 0 or 1.
    case badBoolean(String)
    /// A `t="s"` value that is no index into the shared strings.
    case badSharedStringIndex(reference: String, index: String, count: Int)
    /// More non-empty cells than ``XLSXLimits/cells``.
    case tooManyCells(limit: Int)
    /// More shared strings than ``XLSXLimits/sharedStrings``.
    case tooManySharedStrings(limit: Int)
    /// A text longer than ``XLSXLimits/textLength``.
    case textTooLong(limit: Int)
}
