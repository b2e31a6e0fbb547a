/// A place where a school stands or could stand (布点), as the layout planner sees it: an
/// existing school (its 学校标识码) or a candidate site, with its places per stage, what it
/// costs to build or to grow, and whether it must stay open (必须保留).
///
/// Site ids are their own namespace, apart from block ids: the distances file's `to` may name
/// a site. Money is in yuan.
public struct LayoutSite: Sendable, Hashable {
    /// 布点编号.
    public var id: String
    /// 名称.
    public var name: String
    /// Where the site is; nil when the distances file covers every pair.
    public var location: Coordinate?
    /// The school standing there (学校标识码); nil for a candidate site.
    public var schoolCode: String?
    /// 学位数 per stage; a stage absent is unlimited.
    public var capacity: [Stage: Int]
    /// 新建费用 (yuan), for a candidate.
    public var buildCost: Double?
    /// 每增一班费用 (yuan).
    public var expandCostPerClass: Double?
    /// 最多班数.
    public var maxClasses: Int?
    /// 必须保留: the site may not close.
    public var keep: Bool

    public init(id: String, name: String, location: Coordinate? = nil, schoolCode: String? = nil, capacity: [Stage: Int] = [:],
                buildCost: Double? = nil, expandCostPerClass: Double? = nil, maxClasses: Int? = nil, keep: Bool = false) {
        self.id = id
        self.name = name
        self.location = location
        self.schoolCode = schoolCode
        self.capacity = capacity
        self.buildCost = buildCost
        self.expandCostPerClass = expandCostPerClass
        self.maxClasses = maxClasses
        self.keep = keep
    }

    /// Whether a school stands there today.
    public var isExisting: Bool { schoolCode != nil }
}
