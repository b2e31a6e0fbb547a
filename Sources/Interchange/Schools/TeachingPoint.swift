/// A 教学点 row, kept until all rows are read, because its parent may come later in the file.
struct TeachingPoint: Sendable {
    /// The row, header = 1.
    var row: Int
    /// 年度, if it read.
    let year: Int?
    /// Its own 学校标识码 (a school cannot be its own parent).
    let code: String?
    /// 县区代码, if it read.
    let county: String?
    /// 所属学校标识码, if given.
    let parent: String?
}
