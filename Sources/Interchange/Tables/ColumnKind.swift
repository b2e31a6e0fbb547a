/// How the cells of a column are read and checked, whatever the file.
enum ColumnKind: Sendable {
    /// 年度: a whole number in 1949…2100.
    case year
    /// 县区代码: six digits, kept as text (codes may start with 0 in other schemes).
    case countyCode
    /// Free text, at most ``maximumTextLength`` characters.
    case text
    /// An identifier (学校标识码, 教师编号): text of at most ``maximumCodeLength`` characters,
    /// the most a web address of the application takes.
    case code
    /// A count: a whole number, not negative.
    case count
    /// An area or an amount of money: a decimal number, not negative.
    case amount
    /// Decimal degrees within a range (longitude or latitude).
    case degrees(ClosedRange<Double>)
    /// One of a closed set of values, written in Chinese or as the English key.
    case choice(Choices)

    /// The most characters a text cell may hold: more than any name or note needs.
    static let maximumTextLength = 2_000
    /// The most characters of an identifier.
    static let maximumCodeLength = 64
    /// The largest area or amount accepted (一万亿): far above any school's, and small
    /// enough that no sum, square or ratio of the statistics can overflow to infinity.
    static let maximumAmount = 1e12
}
