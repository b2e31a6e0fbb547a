/// A record the CSV grammar (RFC 4180) cannot read; reading stops there, since every later
/// cell boundary is in doubt.
struct CSVSyntaxError: Error {
    /// The record, header = 1.
    let row: Int
    /// The 0-based position of the cell in the record where the problem starts.
    let column: Int
    /// ``Problem/unterminatedQuote`` or ``Problem/textAfterQuote``.
    let problem: Problem
}
