/// A teacher a school cluster shares this year (集团内互派, 001 §15: 联合办学 … 教师互派): on the
/// staff of one member school, teaching at another. The rotation plan counts them as movers in
/// its quota check (交流比例) and does not move them again.
public struct SharedTeacher: Sendable, Hashable {
    /// 县区代码
    public var countyCode: String
    /// 年度
    public var year: Int
    /// 教师编号 (the teachers file's `teacher_id`).
    public var teacherID: String
    /// The cluster sharing them.
    public var clusterID: String
    /// The school whose staff they are on, and the school they teach at.
    public var homeSchool: String
    public var hostSchool: String

    public init(countyCode: String, year: Int, teacherID: String, clusterID: String, homeSchool: String, hostSchool: String) {
        self.countyCode = countyCode
        self.year = year
        self.teacherID = teacherID
        self.clusterID = clusterID
        self.homeSchool = homeSchool
        self.hostSchool = hostSchool
    }

    /// Why the record cannot stand among `clusters` of its county, or `nil`: a teacher id of
    /// 1–40 characters; the cluster defined; both schools members of it, and different.
    public func problem(among clusters: [SchoolCluster], language l: Language) -> String? {
        guard !teacherID.isEmpty, teacherID.count <= 40, !teacherID.contains(where: { $0.isNewline || $0 == "," }) else {
            return l.pick("请填写教师编号（不超过 40 个字符）。", "Give the teacher's id (40 characters at most).")
        }
        guard let cluster = clusters.first(where: { $0.id == clusterID }) else {
            return l.pick("本县没有编号为 \(clusterID) 的学区或集团。", "The county has no cluster \(clusterID).")
        }
        guard homeSchool != hostSchool else { return l.pick("派出学校与接收学校须不同。", "The home and host schools must differ.") }
        for school in [homeSchool, hostSchool] where !cluster.members.contains(school) {
            return l.pick("学校 \(school) 不是“\(cluster.name)”的成员。", "School \(school) is not a member of '\(cluster.name)'.")
        }
        return nil
    }
}
