/// Numbers in CSV cells, read from and written as plain decimal text.
///
/// Reading works on the cell's bytes: the common forms (`812`, `-3`, `1234.56`) are
/// converted directly, which is exact (Clinger's fast path: an integer significand of at
/// most 2⁵³ divided by an exactly representable power of ten is one correctly rounded
/// operation). Anything else that looks numeric (`1e3`, 20 digits) goes to the standard
/// library's correctly rounded parser.
enum DecimalNumber {
    /// An integer cell: a whole number, a number with a fraction, or no number at all.
    enum Integer {
        case value(Int)
        case fraction
        case invalid
    }

    /// The powers of ten that are exact doubles (10⁰…10²²).
    private static let powersOfTen: [Double] = (0...22).reduce(into: []) { powers, k in
        powers.append(k == 0 ? 1 : powers[k - 1] * 10)
    }

    /// Reads a whole number; `12.0` counts as 12, since spreadsheet and pandas exports write
    /// counts of columns with gaps that way.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Integer {
        var i = 0, negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            i = 1
        }
        // 18 digits cannot overflow an Int; longer or other forms take the general path.
        if bytes.count > i, bytes.count - i <= 18 {
            var value = 0
            while i < bytes.count, case let digit = bytes[i] &- UInt8(ascii: "0"), digit < 10 {
                value = value * 10 + Int(digit)
                i += 1
            }
            if i == bytes.count { return .value(negative ? -value : value) }
        }
        guard let number = decimal(bytes) else { return .invalid }
        guard number == number.rounded() else { return .fraction }
        guard let whole = Int(exactly: number) else { return .invalid }
        return .value(whole)
    }

    /// Reads a finite decimal number, or `nil` for anything else (including `inf`, `nan`
    /// and hexadecimal forms, which are never data).
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0, negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            i = 1
        }
        var significand: UInt64 = 0, digits = 0, fractionDigits = 0, point = false
        while i < bytes.count {
            let byte = bytes[i]
            if case let digit = byte &- UInt8(ascii: "0"), digit < 10 {
                guard digits < 19 else { return general(bytes) }
                significand = significand * 10 + UInt64(digit)
                digits += 1
                if point { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !point {
                point = true
            } else {
                return general(bytes)
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        guard significand <= 1 << 53, fractionDigits <= 22 else { return general(bytes) }
        let magnitude = Double(significand) / powersOfTen[fractionDigits]
        return negative ? -magnitude : magnitude
    }

    /// The standard library's parser, for the rare forms the fast path leaves.
    private static func general(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let numeric = bytes.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        }
        guard numeric, let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// The shortest text that reads back as exactly `value`, in plain decimal notation:
    /// `12` rather than `12.0`, `0.00001` rather than `1e-05` (spreadsheets turn exponents
    /// into text or lose digits).
    static func text(_ value: Double) -> String {
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
