/// A1-style cell references: column letters (A = 0 … XFD = 16383, bijective base 26) and
/// 1-based row numbers, within the limits of the format.
public enum CellReference {
    /// Columns in a sheet: A … XFD.
    static let columnCount = 16_384
    /// Rows in a sheet.
    static let rowCount = 1_048_576

    /// The letters of a 0-based column, e.g. 27 → "AB". `column` must be non-negative.
    public static func letters(_ column: Int) -> String {
        var letters: [UInt8] = []
        var rest = column + 1
        while rest > 0 {
            rest -= 1
            letters.append(UInt8(ascii: "A") + UInt8(rest % 26))
            rest /= 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// The 0-based column of `letters` (upper or lower case), nil unless it is within A … XFD.
    static func column(_ letters: some StringProtocol) -> Int? {
        let bytes = Array(letters.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            guard let (column, end) = column(buffer, from: 0), end == buffer.count else { return nil }
            return column
        }
    }

    /// "AB12" for 1-based `row` and 0-based `column`.
    static func string(row: Int, column: Int) -> String {
        letters(column) + String(row)
    }

    /// The column letters starting at `start`: the 0-based column and the index after them;
    /// nil when there are none or they exceed XFD.
    static func column(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (column: Int, end: Int)? {
        var index = start
        var value = 0
        while index < bytes.count, index - start < 4 {
            let byte = bytes[index] & 0xDF // upper case
            guard byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z"), bytes[index] >= UInt8(ascii: "A") else { break }
            value = value * 26 + Int(byte - UInt8(ascii: "A")) + 1
            index += 1
        }
        guard index > start, value <= columnCount else { return nil }
        return (value - 1, index)
    }

    /// A cell reference such as `AB12` or `$AB$12` filling all of `bytes`: 0-based column and
    /// 1-based row, nil when malformed or outside the sheet.
    static func cell(_ bytes: UnsafeBufferPointer<UInt8>) -> (column: Int, row: Int)? {
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "$") { index += 1 }
        guard let (column, end) = column(bytes, from: index) else { return nil }
        index = end
        if index < bytes.count, bytes[index] == UInt8(ascii: "$") { index += 1 }
        guard let row = row(bytes, from: index) else { return nil }
        return (column, row)
    }

    /// The row number that fills `bytes` from `start` to the end, nil unless 1 … 1048576.
    static func row(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, bytes.count - start <= 7 else { return nil }
        var value = 0
        for index in start..<bytes.count {
            guard let digit = bytes[index].decimalValue else { return nil }
            value = value * 10 + Int(digit)
        }
        return (1...rowCount).contains(value) ? value : nil
    }

    /// Whether `text` is a cell ("B2") or a range ("B2:B10000") inside the sheet, with the
    /// first corner above and left of the second.
    static func isRange(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return false }
        var corners: [(column: Int, row: Int)] = []
        for part in parts {
            let bytes = Array(part.utf8)
            guard let corner = bytes.withUnsafeBufferPointer({ cell($0) }) else { return false }
            corners.append(corner)
        }
        return corners.count == 1 || (corners[0].column <= corners[1].column && corners[0].row <= corners[1].row)
    }
}
