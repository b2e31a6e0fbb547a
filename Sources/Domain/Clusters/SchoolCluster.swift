/// A group of a county's schools that share resources and teachers (001 §15: 按学区 … 联合办学、
/// 强校+弱校、教育联盟、强校托管): a school district (学区), an education group (教育集团) led by
/// its core school, or an alliance (教育联盟). A school belongs to at most one cluster of each kind.
public struct SchoolCluster: Sendable, Hashable, Identifiable {
    /// 学区 / 教育集团 / 教育联盟.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case district, group, alliance

        public var chineseName: String {
            switch self {
            case .district: "学区"
            case .group: "教育集团"
            case .alliance: "教育联盟"
            }
        }

        public var englishName: String {
            switch self {
            case .district: "school district"
            case .group: "education group"
            case .alliance: "alliance"
            }
        }
    }

    /// 县区代码
    public var countyCode: String
    /// The county's own code for it, e.g. `XQ01`.
    public var id: String
    public var name: String
    public var kind: Kind
    /// The core school (核心校, 龙头校), one of the members, if the cluster has one.
    public var coreSchool: String?
    /// The member schools' codes (学校标识码), the core school among them, in order.
    public var members: [String]

    public init(countyCode: String, id: String, name: String, kind: Kind, coreSchool: String?, members: [String]) {
        self.countyCode = countyCode
        self.id = id
        self.name = name
        self.kind = kind
        self.coreSchool = coreSchool
        self.members = members
    }

    /// Why `cluster` cannot join `others` of its county whose schools are `schools`, or `nil`:
    /// an id of letters, digits, `-` or `_`; a name; two members or more, each a school of the
    /// county, none twice; the core school a member; no member in another cluster of the same
    /// kind.
    public static func problem(of cluster: SchoolCluster, among others: [SchoolCluster], schools: Set<String>, language l: Language) -> String? {
        let id = cluster.id
        guard !id.isEmpty, id.count <= 32, id != "shared", id.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" }) else {
            return l.pick("编号只能用字母、数字、- 或 _（不超过 32 个）。", "The id takes letters, digits, - or _ (32 at most).")
        }
        guard !cluster.name.isEmpty, cluster.name.count <= 100 else { return l.pick("请填写名称（不超过 100 字）。", "Give a name (100 characters at most).") }
        guard cluster.members.count >= 2 else { return l.pick("至少需要两所成员学校。", "A cluster has two member schools or more.") }
        guard Set(cluster.members).count == cluster.members.count else { return l.pick("成员学校有重复。", "A member school is listed twice.") }
        if let unknown = cluster.members.first(where: { !schools.contains($0) }) {
            return l.pick("学校 \(unknown) 不是本县的学校。", "School \(unknown) is not a school of the county.")
        }
        if let core = cluster.coreSchool, !cluster.members.contains(core) {
            return l.pick("核心校 \(core) 须是成员学校。", "The core school \(core) must be a member.")
        }
        for other in others where other.kind == cluster.kind && other.id != cluster.id {
            if let shared = cluster.members.first(where: other.members.contains) {
                return l.pick("学校 \(shared) 已属于\(other.kind.chineseName)“\(other.name)”，一所学校只能属于一个\(cluster.kind.chineseName)。",
                              "School \(shared) is in the \(other.kind.englishName) '\(other.name)' already; a school is in one \(cluster.kind.englishName) at most.")
            }
        }
        return nil
    }
}
