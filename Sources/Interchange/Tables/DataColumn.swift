/// A column of one kind of data file: its English key, its official Chinese header and how
/// its cells are read. Cases are numbered from 0 in canonical order.
protocol DataColumn: RawRepresentable<Int>, CaseIterable, Sendable where AllCases == [Self] {
    /// The English key, e.g. `school_code`.
    var key: String { get }
    /// The official Chinese header, e.g. 学校标识码.
    var chineseHeader: String { get }
    /// How a cell of the column is read.
    var kind: ColumnKind { get }
    /// Whether every row must fill the column.
    var isRequired: Bool { get }
}

extension DataColumn {
    /// The header written in `style`: the Chinese header or the English key.
    func header(_ style: HeaderStyle) -> String {
        style == .chinese ? chineseHeader : key
    }
}
