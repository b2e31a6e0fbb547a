import Domain

/// The columns of a costs file (单位成本): one price per item, county-wide or for one 城乡类型,
/// and optionally the step the item is bought in (购置单位) and the most the county adds of it
/// in one year (每年限额).
enum CostColumn: Int, CaseIterable, Sendable, DataColumn {
    case item, unit, unitCost, locality, purchaseUnit, yearlyCapacity

    var key: String {
        switch self {
        case .item: "item"
        case .unit: "unit"
        case .unitCost: "unit_cost"
        case .locality: "locality"
        case .purchaseUnit: "purchase_unit"
        case .yearlyCapacity: "yearly_capacity"
        }
    }

    var chineseHeader: String {
        switch self {
        case .item: "项目"
        case .unit: "单位"
        case .unitCost: "单价"
        case .locality: "城乡类型"
        case .purchaseUnit: "购置单位"
        case .yearlyCapacity: "每年限额"
        }
    }

    /// The unit is text: which spellings are right depends on the item.
    var kind: ColumnKind {
        switch self {
        case .item: .choice(.resources)
        case .unit: .text
        case .unitCost: .amount
        case .locality: .choice(.locality)
        case .purchaseUnit, .yearlyCapacity: .amount
        }
    }

    /// A blank locality prices the item everywhere; a blank purchase unit keeps the item's
    /// default (``UnitCosts/defaultPurchaseUnit(of:)``); a blank yearly capacity is no limit.
    var isRequired: Bool { self == .item || self == .unit || self == .unitCost }
}

extension Choices {
    /// What a plan adds, by ``Resource`` case order: the Chinese name of
    /// ``Resource/chineseName`` or the raw value (`teaching_area`).
    static let resources = Choices(
        chinese: Resource.allCases.map(\.chineseName), english: Resource.allCases.map(\.rawValue))
}
