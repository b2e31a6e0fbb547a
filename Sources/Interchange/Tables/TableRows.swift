/// What a reader builds from the rows of one part of a file. A large file is read in parts
/// at once, one per processor core, each into its own copy of the reader's empty value;
/// the parts are then joined in file order.
protocol TableRows: Sendable {
    associatedtype Column: DataColumn
    /// What a valid row becomes, e.g. a ``SchoolYear``.
    associatedtype Value
    /// Makes room for about `rows` more rows.
    mutating func reserve(_ rows: Int)
    /// Reads the current row of `scan`, recording its problems there, and adds its value to
    /// `values` when it is valid.
    mutating func read(_ scan: inout TableScan<Column>, into values: inout RowValues<Value>)
    /// Appends the rows of the next part, whose row numbers count from `rowOffset`.
    mutating func append(_ next: Self, rowOffset: Int)
    /// Records the problems only all rows together show (a key twice, a 教学点 whose parent
    /// is not in the file).
    func checkAcrossRows(_ scan: inout TableScan<Column>)
}

/// One part's share of the array of values that the parts of a file fill at once: room, at
/// its own place in that array, for as many values as the part has records.
///
/// Each value is written once, where it stays: a province's schools file makes 70 MB of
/// ``SchoolYear`` values, and copying them into a joined array would cost more than
/// reading the file did (every page of a new array is a page fault).
struct RowValues<Value> {
    /// Where the part's values start.
    let start: UnsafeMutablePointer<Value>
    /// The most values the part can hold.
    let capacity: Int
    /// The number of values written.
    private(set) var count = 0

    init(start: UnsafeMutablePointer<Value>, capacity: Int) {
        self.start = start
        self.capacity = capacity
    }

    /// Adds `value` after the others.
    @inline(__always)
    mutating func append(_ value: consuming Value) {
        append(copying: value) { _ in }
    }

    /// Adds a copy of `value` after the others, changed in place by `change`.
    @inline(__always)
    mutating func append(copying value: Value, then change: (inout Value) -> Void) {
        precondition(count < capacity, "more rows than the part has records")
        (start + count).initialize(to: value)
        change(&start[count])
        count += 1
    }
}
