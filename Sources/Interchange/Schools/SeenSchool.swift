import Domain

/// What the duplicate and parent checks need to remember of a school's first row.
struct SeenSchool {
    /// The row, header = 1.
    let row: Int
    /// 县区代码, if it read.
    let county: String?
    /// 办学类型, if it read.
    let type: SchoolType?
}
