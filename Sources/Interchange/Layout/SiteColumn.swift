import Domain

/// The columns of the `sites` file (布点): one row per existing school or candidate site of
/// the layout planner.
enum SiteColumn: Int, CaseIterable, Sendable, DataColumn {
    case siteId, siteName, longitude, latitude, schoolCode, capacityPrimary, capacityJunior
    case buildCost, expandCostPerClass, maxClasses, keep

    var key: String {
        switch self {
        case .siteId: "site_id"
        case .siteName: "site_name"
        case .longitude: "longitude"
        case .latitude: "latitude"
        case .schoolCode: "school_code"
        case .capacityPrimary: "capacity_primary"
        case .capacityJunior: "capacity_junior"
        case .buildCost: "build_cost"
        case .expandCostPerClass: "expand_cost_per_class"
        case .maxClasses: "max_classes"
        case .keep: "keep"
        }
    }

    var chineseHeader: String {
        switch self {
        case .siteId: "布点编号"
        case .siteName: "名称"
        case .longitude: "经度"
        case .latitude: "纬度"
        case .schoolCode: "学校标识码"
        case .capacityPrimary: "小学学位数"
        case .capacityJunior: "初中学位数"
        case .buildCost: "新建费用"
        case .expandCostPerClass: "每增一班费用"
        case .maxClasses: "最多班数"
        case .keep: "必须保留"
        }
    }

    /// Coordinates in the ranges of the `schools` file; money in yuan.
    var kind: ColumnKind {
        switch self {
        case .siteId, .schoolCode: .code
        case .siteName: .text
        case .longitude: SchoolColumn.longitude.kind
        case .latitude: SchoolColumn.latitude.kind
        case .capacityPrimary, .capacityJunior, .maxClasses: .count
        case .buildCost, .expandCostPerClass: .amount
        case .keep: .choice(.yesNo)
        }
    }

    /// Only the id; blank places are unlimited, a blank 必须保留 is 否.
    var isRequired: Bool { self == .siteId }

    /// 学位数 of `stage` (primary or junior).
    static func capacity(_ stage: Stage) -> SiteColumn { stage == .primary ? .capacityPrimary : .capacityJunior }
}
