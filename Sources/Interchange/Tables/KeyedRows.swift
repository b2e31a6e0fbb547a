/// The rows of a data file by the key that must stand once (a school's code, a county's fact,
/// a budget's year, a price's item and locality), in file order, so the check across rows
/// can name each repeat with the row that had the key first.
///
/// ```swift
/// var years = KeyedRows<Int>()
/// years.note(2025, row: 2); years.note(2026, row: 3); years.note(2025, row: 4)
/// years.repeats()   // [(row: 4, firstRow: 2)]
/// ```
struct KeyedRows<Key: Hashable & Sendable>: Sendable {
    private var seen: [(row: Int, key: Key)] = []

    mutating func reserve(_ rows: Int) {
        seen.reserveCapacity(seen.count + rows)
    }

    /// `key` stands in `row`.
    mutating func note(_ key: Key, row: Int) {
        seen.append((row, key))
    }

    /// The keys of the next part of the file, whose rows start after `rowOffset` rows.
    mutating func append(_ next: KeyedRows, rowOffset: Int) {
        seen += next.seen.map { ($0.row + rowOffset, $0.key) }
    }

    /// Each row whose key an earlier row had, with that earlier row, in file order.
    func repeats() -> [(row: Int, firstRow: Int)] {
        var firstRows: [Key: Int] = [:]
        firstRows.reserveCapacity(seen.count)
        var repeats: [(row: Int, firstRow: Int)] = []
        for (row, key) in seen {
            if let first = firstRows[key] {
                repeats.append((row, first))
            } else {
                firstRows[key] = row
            }
        }
        return repeats
    }
}
