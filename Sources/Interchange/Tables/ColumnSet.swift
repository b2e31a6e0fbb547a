/// Columns as the bits of one integer, gone through in column order. The checks made on
/// every row use sets rather than arrays: a set is a plain value, and an array would have
/// its reference count updated by every core that goes through it.
struct ColumnSet<Column: DataColumn>: Sequence, IteratorProtocol, Sendable {
    private var bits: UInt64 = 0

    /// The empty set.
    init() {}

    init(_ columns: some Sequence<Column>) {
        for column in columns { insert(column) }
    }

    @inline(__always)
    func contains(_ column: Column) -> Bool {
        bits & 1 << column.rawValue != 0
    }

    @inline(__always)
    mutating func insert(_ column: Column) {
        precondition(column.rawValue < UInt64.bitWidth, "a column set holds 64 columns")
        bits |= 1 << column.rawValue
    }

    /// The columns of this set and of `other`.
    func intersection(_ other: ColumnSet) -> ColumnSet {
        var set = self
        set.bits &= other.bits
        return set
    }

    /// The columns of this set not in `other`.
    func subtracting(_ other: ColumnSet) -> ColumnSet {
        var set = self
        set.bits &= ~other.bits
        return set
    }

    /// The first column left, removing it.
    mutating func next() -> Column? {
        guard bits != 0 else { return nil }
        defer { bits &= bits - 1 }
        return Column(rawValue: bits.trailingZeroBitCount)
    }
}
