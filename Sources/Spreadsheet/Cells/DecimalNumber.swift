/// Numbers in CSV cells, read from and written as plain decimal text.
///
/// Reading works on the cell's bytes: the common forms (`812`, `-3`, `1234.56`) are
/// converted directly, which is exact (Clinger's fast path: an integer significand of at
/// most 2⁵³ divided by an exactly representable power of ten is one correctly rounded
/// operation). Anything else that looks numeric (`1e3`, 20 digits) goes to the standard
/// library's correctly rounded parser.
public enum DecimalNumber {
    /// An integer cell: a whole number, a number with a fraction, or no number at all.
    public enum Integer {
        case value(Int)
        case fraction
        case invalid
    }

    /// The powers of ten that are exact doubles (10⁰…10²²). Written out, so that the array
    /// is built at compile time and reading it needs no lazy-initialization check.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Reads a whole number; `12.0` counts as 12, since spreadsheet and pandas exports write
    /// counts of columns with gaps that way.
    ///
    /// The common form is read inline, being most of the cells of a large file.
    @inline(__always)
    public static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Integer {
        let (negative, start) = sign(bytes)
        // 18 digits cannot overflow an Int; longer or other forms take the general path.
        if bytes.count - start <= 18 {
            let (value, end) = digits(bytes, from: start)
            if end == bytes.count, end > start { return .value(negative ? -Int(value) : Int(value)) }
        }
        return generalInteger(bytes)
    }

    /// A whole number in any other form: through ``decimal(_:)``.
    @inline(never)
    private static func generalInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Integer {
        guard let number = decimal(bytes) else { return .invalid }
        guard number == number.rounded() else { return .fraction }
        guard let whole = Int(exactly: number) else { return .invalid }
        return .value(whole)
    }

    /// Reads a finite decimal number, or `nil` for anything else (including `inf`, `nan`
    /// and hexadecimal forms, which are never data).
    @inline(__always)
    public static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let (negative, start) = sign(bytes)
        let whole = digits(bytes, from: start)
        var significand = whole.value, end = whole.end, fractionDigits = 0
        if end < bytes.count, bytes[end] == UInt8(ascii: ".") {
            let fraction = digits(bytes, from: end + 1, continuing: significand)
            (significand, fractionDigits, end) = (fraction.value, fraction.end - end - 1, fraction.end)
        }
        // Exponents and stray characters.
        guard end == bytes.count else { return general(bytes) }
        let digitCount = whole.end - start + fractionDigits
        guard digitCount > 0 else { return nil }
        // At most 19 digits cannot have wrapped; beyond 2⁵³ or 10²² the division is inexact.
        guard digitCount <= 19, significand <= 1 << 53, fractionDigits <= 22 else { return general(bytes) }
        let magnitude = Double(significand) / powersOfTen[fractionDigits]
        return negative ? -magnitude : magnitude
    }

    /// Whether `bytes` start with a minus sign, and where the digits start.
    @inline(__always)
    private static func sign(_ bytes: UnsafeBufferPointer<UInt8>) -> (negative: Bool, start: Int) {
        guard let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") else { return (false, 0) }
        return (first == UInt8(ascii: "-"), 1)
    }

    /// The decimal digits from `start` on, appended to `value`, and where they end. The
    /// arithmetic wraps: callers reject runs too long to fit.
    @inline(__always)
    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, continuing value: UInt64 = 0) -> (value: UInt64, end: Int) {
        var value = value, i = start
        while i < bytes.count, case let digit = bytes[i] &- UInt8(ascii: "0"), digit < 10 {
            value = value &* 10 &+ UInt64(digit)
            i &+= 1
        }
        return (value, i)
    }

    /// The standard library's parser, for the rare forms the fast path leaves — after the
    /// thousands commas bureaus type (`1,350`, `30,000,000.5`) are taken out.
    @inline(never)
    private static func general(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        if let plain = ungrouped(bytes) { return plain.withUnsafeBufferPointer { decimal($0) } }
        let numeric = bytes.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        }
        guard numeric, let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// `bytes` without their thousands commas, when they are a number grouped by them: a sign,
    /// 1–3 digits, then groups of `,` and 3 digits, then an optional fraction (no comma). Any
    /// other comma (`1,5`, `12,34`, `1,000.000,1`) leaves the cell as it is, not a number.
    private static func ungrouped(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let comma = UInt8(ascii: ","), point = UInt8(ascii: ".")
        guard bytes.contains(comma) else { return nil }
        let start = sign(bytes).start
        let end = bytes[start...].firstIndex(of: point) ?? bytes.count
        guard !bytes[end...].contains(comma) else { return nil }
        let groups = bytes[start..<end].split(separator: comma, omittingEmptySubsequences: false)
        guard groups.count >= 2, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy { $0 &- UInt8(ascii: "0") < 10 } }) else { return nil }
        return Array(bytes[..<start]) + groups.joined() + Array(bytes[end...])
    }

    /// The shortest text that reads back as exactly `value`, in plain decimal notation:
    /// `12` rather than `12.0`, `0.00001` rather than `1e-05` (spreadsheets turn exponents
    /// into text or lose digits).
    /// A non-finite value is written as an empty cell (not reported), never `inf` or `nan`.
    public static func text(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        let shortest = value.description
        guard let e = shortest.firstIndex(of: "e") else {
            return shortest.hasSuffix(".0") ? String(shortest.dropLast(2)) : shortest
        }
        // Shift the decimal point of the shortest digits by the exponent.
        let exponent = Int(shortest[shortest.index(after: e)...])!
        var significand = shortest[..<e]
        let sign = significand.first == "-" ? "-" : ""
        if !sign.isEmpty { significand.removeFirst() }
        let integerDigits = significand.firstIndex(of: ".").map { significand.distance(from: significand.startIndex, to: $0) } ?? significand.count
        let digits = significand.filter { $0 != "." }
        let point = integerDigits + exponent
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) }
        return sign + digits.prefix(point) + "." + digits.dropFirst(point)
    }
}
