/// An amount of money (金额) as people type it into a form or a query: the number the budget
/// box and the unit-cost page read, with one grammar for both.
///
/// ```
/// amount    = [sign] number [万 | 亿] [元]
/// number    = digits [. digits]  |  1–3 digits (, 3 digits)+ [. digits]
/// ```
///
/// so `4917093`, `4,917,093`, `491.7093万`, `500万元` and `1.5亿` are amounts, and so are
/// their full-width forms (`４，９１７，０９３`, which ``normalized(_:)`` turns into ASCII).
/// Thousands separators must group by three (`49,17,093` is refused: a typo, not a number).
/// Exponents (`1e9`), `inf`, `nan` and hexadecimal are refused: nobody writes money that way,
/// and `Double(_:)` would accept them.
///
/// The sign is read, so that a caller can say "must be greater than 0" instead of "not a number".
public enum YuanText {
    /// The value of `text` in yuan; `nil` when it is not an amount (or overflows a Double).
    ///
    /// Examples: `"4,917,093"` → 4 917 093; `"491.7093万"` → 4 917 093; `"-5"` → −5; `"1e9"` → `nil`.
    public static func value(_ text: some StringProtocol) -> Double? {
        var body = Substring(normalized(text)).trimmed
        if body.hasSuffix("元") { body = body.dropLast().trimmed }
        var factor = 1.0
        if body.hasSuffix("万") {
            factor = 1e4
            body = body.dropLast().trimmed
        } else if body.hasSuffix("亿") {
            factor = 1e8
            body = body.dropLast().trimmed
        }
        var sign = 1.0
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        guard let digits = plainDigits(body), let number = Double(digits) else { return nil }
        let value = sign * number * factor
        return value.isFinite ? value : nil
    }

    /// A budget as a form field or an option gives it: an amount (``value(_:)``) from 0 to
    /// ``BudgetInput/maximumAmount``; `nil` otherwise. The layout and funding budgets read it so.
    public static func budget(_ text: some StringProtocol) -> Double? {
        guard let yuan = value(text), (0...BudgetInput.maximumAmount).contains(yuan) else { return nil }
        return yuan
    }

    /// `text` with the full-width forms of ASCII (U+FF01–U+FF5E: `０`–`９`, `：`, `，`, `；`,
    /// `．`, `＋`…) written as ASCII, and the ideographic space as a space — what an IME types
    /// when it is left in full-width mode.
    public static func normalized(_ text: some StringProtocol) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The digits of `number` without thousands separators, when it is `digits[.digits]` or
    /// grouped by threes (`4,917,093.5`); `nil` otherwise.
    private static func plainDigits(_ number: Substring) -> String? {
        let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty else { return nil }
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
        }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return groups.joined() + (parts.count == 2 ? "." + parts[1] : "")
    }
}

extension Character {
    /// `0`–`9` (not other scripts' digits, which `isNumber` accepts).
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (Foundation-free).
    var trimmed: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return Substring(self[start..<Swift.max(start, end)])
    }
}
