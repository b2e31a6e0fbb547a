/// The columns of the `facts` file (县级事实): one row per county, year and item.
enum FactColumn: Int, CaseIterable, Sendable, DataColumn {
    case year, countyCode, item, value, evidence

    var key: String {
        switch self {
        case .year: "year"
        case .countyCode: "county_code"
        case .item: "item"
        case .value: "value"
        case .evidence: "evidence"
        }
    }

    var chineseHeader: String {
        switch self {
        case .year: "年度"
        case .countyCode: "县区代码"
        case .item: "项目"
        case .value: "值"
        case .evidence: "佐证材料"
        }
    }

    /// The item and its value are text here: what a value may be depends on the item's rule.
    var kind: ColumnKind {
        switch self {
        case .year: .year
        case .countyCode: .countyCode
        case .item, .value, .evidence: .text
        }
    }

    var isRequired: Bool { self != .evidence }
}
