/// One per-item setting a county keeps beside its prices (``UnitCostPrice``): the step an item
/// is bought in (购置单位, ``UnitCosts/purchaseUnit(of:)``) or the most of it the county adds in
/// one year (每年限额, ``UnitCosts/yearlyCapacity(of:)``) — the `purchase_unit` and
/// `yearly_capacity` columns of a costs file, county-wide (an item is bought in one step and
/// limited once, whatever the school's 城乡类型).
///
/// ```swift
/// let settings = [PurchaseSetting(.teachingArea, .purchaseUnit, 10), PurchaseSetting(.backboneTeachers, .yearlyCapacity, 12)]
/// let costs = UnitCosts.defaults.setting(settings)
/// costs.purchaseUnit(of: .teachingArea)          // 10
/// costs.yearlyCapacity(of: .backboneTeachers)    // 12
/// ```
public struct PurchaseSetting: Sendable, Hashable {
    /// Which setting of an item; the raw value is the costs file's column and the audit
    /// trail's field prefix.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// 购置单位: above 0, at most ``UnitCosts/maximumPurchaseUnit``, whole for items bought whole.
        case purchaseUnit = "purchase_unit"
        /// 每年限额: 0 or more (0: none may be added), at most ``UnitCosts/maximumPurchaseUnit``,
        /// whole for whole resources.
        case yearlyCapacity = "yearly_capacity"

        /// 购置单位 or 每年限额.
        public var chineseName: String { self == .purchaseUnit ? "购置单位" : "每年限额" }
        /// "purchase unit" or "yearly capacity".
        public var englishName: String { self == .purchaseUnit ? "purchase unit" : "yearly capacity" }
    }

    /// The item.
    public var resource: Resource
    /// Which setting.
    public var kind: Kind
    /// In the item's unit (``Resource/unit``).
    public var amount: Double

    /// A setting of `resource`.
    public init(_ resource: Resource, _ kind: Kind, _ amount: Double) {
        self.resource = resource
        self.kind = kind
        self.amount = amount
    }

    /// Which setting this is: the item and the kind.
    public var key: Key { Key(resource: resource, kind: kind) }

    /// Whether the amount keeps the rules of a costs file (``violation``).
    public var isValid: Bool { violation == nil }

    /// What is wrong with the amount, by the costs file's rules; `nil` when it is fine.
    public var violation: Violation? { Self.violation(of: amount, kind, for: resource) }

    /// The costs file's rules for a setting (one place, so the file, the page and the store
    /// refuse alike): a purchase unit is above 0, at most ``UnitCosts/maximumPurchaseUnit``
    /// and whole for items bought whole (rooms, posts, computers, books); a yearly capacity is
    /// 0 or more, at most the same bound, and whole for whole resources. `resource` `nil`: the
    /// item is not known (yet), only the bounds are checked.
    public static func violation(of amount: Double, _ kind: Kind, for resource: Resource?) -> Violation? {
        switch kind {
        case .purchaseUnit:
            if !(amount > 0) { return .purchaseUnitNotPositive }
            if amount > UnitCosts.maximumPurchaseUnit || !amount.isFinite { return .purchaseUnitTooLarge(amount) }
            if let resource, resource.isWhole || resource == .books, amount != amount.rounded() {
                return .purchaseUnitNotWhole(amount, resource)
            }
        case .yearlyCapacity:
            if !(amount >= 0) { return .capacityNegative }
            if amount > UnitCosts.maximumPurchaseUnit || !amount.isFinite { return .capacityTooLarge(amount) }
            if let resource, resource.isWhole, amount != amount.rounded() { return .capacityNotWhole(amount, resource) }
        }
        return nil
    }

    /// Why an amount is not a setting, with the costs file's message.
    public enum Violation: Sendable, Hashable {
        /// A purchase unit of 0 or less.
        case purchaseUnitNotPositive
        /// A purchase unit above ``UnitCosts/maximumPurchaseUnit``.
        case purchaseUnitTooLarge(Double)
        /// A fractional purchase unit for an item bought whole.
        case purchaseUnitNotWhole(Double, Resource)
        /// A yearly capacity below 0.
        case capacityNegative
        /// A yearly capacity above ``UnitCosts/maximumPurchaseUnit``.
        case capacityTooLarge(Double)
        /// A fractional yearly capacity for an item added whole.
        case capacityNotWhole(Double, Resource)

        /// The message in `language`, the same in a costs file's problem and beside a field of
        /// the unit-cost page.
        public func message(in language: Language) -> String {
            let limit = Decimals.compact(UnitCosts.maximumPurchaseUnit)
            switch self {
            case .purchaseUnitNotPositive:
                return language.pick("购置单位须大于0", "the purchase unit must be more than 0")
            case let .purchaseUnitTooLarge(amount):
                return language.pick(
                    "购置单位\(Decimals.compact(amount))超过上限\(limit)", "the purchase unit \(Decimals.compact(amount)) is above the limit of \(limit)")
            case let .purchaseUnitNotWhole(amount, resource):
                return language.pick(
                    "\(resource.chineseName)按整数购置，购置单位不能是\(Decimals.compact(amount))",
                    "\(resource.rawValue) is bought whole; the purchase unit cannot be \(Decimals.compact(amount))")
            case .capacityNegative:
                return language.pick("每年限额不能小于0（留空为不限）", "the yearly capacity cannot be below 0 (leave it blank for no limit)")
            case let .capacityTooLarge(amount):
                return language.pick(
                    "每年限额\(Decimals.compact(amount))超过上限\(limit)", "the yearly capacity \(Decimals.compact(amount)) is above the limit of \(limit)")
            case let .capacityNotWhole(amount, resource):
                return language.pick(
                    "\(resource.chineseName)按整数增加，每年限额不能是\(Decimals.compact(amount))",
                    "\(resource.rawValue) is added whole; the yearly capacity cannot be \(Decimals.compact(amount))")
            }
        }
    }

    /// An item and a kind: what a county sets once.
    public struct Key: Sendable, Hashable, Comparable {
        public var resource: Resource
        public var kind: Kind

        public init(resource: Resource, kind: Kind) {
            self.resource = resource
            self.kind = kind
        }

        /// Every key, in the order pages and stores list them: by resource (case order), the
        /// purchase unit before the yearly capacity.
        public static let all: [Key] = Resource.allCases.flatMap { resource in Kind.allCases.map { Key(resource: resource, kind: $0) } }

        /// The order of ``all``.
        public static func < (a: Key, b: Key) -> Bool { a.rank < b.rank }

        private var rank: Int {
            (Resource.allCases.firstIndex(of: resource) ?? 0) * Kind.allCases.count + (Kind.allCases.firstIndex(of: kind) ?? 0)
        }
    }
}

extension UnitCosts {
    /// These costs with each of `settings` applied (``setPurchaseUnit(_:to:)``,
    /// ``setYearlyCapacity(_:to:)``); later settings of the same key win.
    public func setting(_ settings: [PurchaseSetting]) -> UnitCosts {
        var costs = self
        for setting in settings {
            switch setting.kind {
            case .purchaseUnit: costs.setPurchaseUnit(setting.resource, to: setting.amount)
            case .yearlyCapacity: costs.setYearlyCapacity(setting.resource, to: setting.amount)
            }
        }
        return costs
    }
}
