/// Where a problem sits across a row: the name shown to the user and the order it sorts in.
struct ColumnRef: Sendable {
    /// The header as written, the key of an absent column, or empty for the whole row.
    let name: String
    /// The position in the file; absent columns sort after all present ones.
    let position: Int

    /// The whole row (encoding and syntax problems), sorted before its cells.
    static let wholeRow = ColumnRef(name: "", position: -1)
}
