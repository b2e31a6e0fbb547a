import Domain

/// A row whose year and school code read: what the duplicate and parent checks need.
struct SeenSchool: Sendable {
    /// The row, header = 1.
    var row: Int
    /// 年度 and 学校标识码.
    let key: SchoolKey
    /// The key's ``SchoolIndex/hash(_:)``.
    let hash: UInt64
    /// 县区代码, if it read.
    let county: String?
    /// 办学类型, if it read.
    let type: SchoolType?

    init(row: Int, key: SchoolKey, county: String?, type: SchoolType?) {
        self.row = row
        self.key = key
        hash = SchoolIndex.hash(key)
        self.county = county
        self.type = type
    }
}
