/// What a cell holds, as the workbook stores it: numbers stay text so that nothing is lost
/// or rounded on the way in (the caller decides how to parse them).
public enum XLSXValue: Sendable, Equatable {
    /// A shared string (`t="s"`), an inline string (`t="inlineStr"`), a formula's string
    /// result (`t="str"`) or an ISO 8601 date (`t="d"`, rare).
    case text(String)
    /// The `<v>` text exactly as stored, e.g. "12", "3.5700000000000003", "1E-3"; dates are
    /// numbers too (serial days), told apart only by their number format.
    case number(String)
    /// `t="b"`.
    case bool(Bool)
    /// `t="e"`, e.g. "#DIV/0!".
    case error(String)
    /// A formula whose result was never computed (`<f>` without `<v>`, as openpyxl and
    /// other generators write them): the formula text, without `=`.
    case formulaWithoutValue(String)
}
