/// Where a problem sits across a row: the name shown to the user and the order it sorts in.
struct ColumnRef: Sendable {
    /// The header as written, the key of an absent column, or empty for the whole row.
    let name: String
    /// The position in the file; absent columns sort after all present ones.
    let position: Int

    /// The cell at 0-based `position` of a row that has no header for it (an empty header,
    /// a cell beyond the header, a file without a header row): named by its 1-based number.
    static func numbered(_ position: Int) -> ColumnRef {
        ColumnRef(name: String(position + 1), position: position)
    }
}
