/// What it costs to add one unit of a resource (单位成本), with the documented defaults and
/// any prices the bureau sets, county-wide or by 城区/镇区/乡村.
///
/// The defaults are planning estimates for a county without its own prices, not official
/// figures; a costs file (`item,unit,unit_cost[,locality]`) replaces any of them:
///
/// | item | unit | default (元) | basis |
/// |---|---|---|---|
/// | teaching_area 教学及辅助用房面积 | m² | 3 500 | a teaching building with fit-out |
/// | sports_area 体育运动场馆面积 | m² | 300 | a synthetic-surface sports ground |
/// | equipment_value 教学仪器设备值 | 元 | 1 | value for value |
/// | multimedia_rooms 网络多媒体教室 | 间 | 50 000 | fitting out one classroom |
/// | qualified/pe_art/senior_title teachers, teachers | 人·年 | 100 000 | a post's yearly salary (pay and contributions) |
/// | backbone_teachers 县级以上骨干教师 | 人 | 10 000 | training and designation of one teacher (培养认定) |
/// | computers 计算机 | 台 | 5 000 | |
/// | books 图书 | 册 | 30 | |
///
/// **Teachers (``PlanLever``).** A post's price is a salary, paid every year from the year it
/// is filled; a plan weighs it against one-off purchases at ``postYears`` years of salary
/// (default 5, a five-year plan period 五年规划). A backbone teacher is not hired but trained
/// and designated from the school's own teachers, once. Moving teachers is free and comes
/// first (the rotation plan's moves, when a teachers file is given).
///
/// **Yearly capacity (每年限额).** The most of an item the county can add in one year — the
/// teachers its training programme takes, the posts its staffing office (编办) grants — which
/// the schedule respects; none by default.
///
/// **Purchase units (购置单位).** A bureau buys in steps, not in fractions: whole m² of
/// floor, equipment in lots of 100 元, whole rooms, posts, computers and books. Every
/// addition of a plan is a multiple of the item's purchase unit (``purchaseUnit(of:)``);
/// the defaults are 1 m², 100 元 and 1 of every counted item, and a costs file may set
/// another (`purchase_unit`). Whole resources keep whole purchase units.
public struct UnitCosts: Sendable, Hashable {
    /// Yuan per unit, by resource, for every locality.
    public private(set) var base: [Resource: Double]
    /// Yuan per unit where a locality's price differs.
    public private(set) var byLocality: [Resource: [Locality: Double]]
    /// Purchase units that differ from ``defaultPurchaseUnit(of:)``.
    public private(set) var purchaseUnits: [Resource: Double] = [:]
    /// The most of an item added county-wide in one year (每年限额); absent: no limit.
    public private(set) var yearlyCapacities: [Resource: Double] = [:]
    /// The years of salary a new post weighs when the plan compares it with a one-off purchase
    /// (岗位折算年限); at least 1.
    public var postYears: Double = 5 {
        didSet { postYears = postYears.isFinite ? min(max(postYears, 1), Self.maximumPostYears) : 5 }
    }

    /// The longest comparison period accepted: a career (40 years).
    public static let maximumPostYears = 40.0

    /// The largest purchase unit accepted: a hundred million units of anything is far above
    /// any one school's addition, and keeps every rounded amount finite and exact in Double.
    public static let maximumPurchaseUnit = 1e8

    /// The defaults of the table above.
    public static let defaults = UnitCosts(base: [
        .teachingArea: 3_500, .sportsArea: 300, .equipmentValue: 1, .multimediaRooms: 50_000,
        .qualifiedTeachers: 100_000, .backboneTeachers: 10_000, .peArtTeachers: 100_000,
        .seniorTitleTeachers: 100_000, .teachers: 100_000, .computers: 5_000, .books: 30,
    ], byLocality: [:])

    public init(base: [Resource: Double], byLocality: [Resource: [Locality: Double]]) {
        self.base = base
        self.byLocality = byLocality
    }

    /// Sets the price of `resource`, everywhere or in one locality.
    public mutating func set(_ resource: Resource, to yuan: Double, in locality: Locality? = nil) {
        if let locality {
            byLocality[resource, default: [:]][locality] = yuan
        } else {
            base[resource] = yuan
        }
    }

    /// Yuan per unit of `resource` for a school in `locality`.
    public func cost(of resource: Resource, in locality: Locality) -> Double {
        byLocality[resource]?[locality] ?? base[resource] ?? 0
    }

    /// What one unit of `resource` weighs when the plan chooses between purchases: its price,
    /// or for a new post ``postYears`` years of its salary (``PlanLever/recurs``).
    public func weighedCost(of resource: Resource, in locality: Locality) -> Double {
        cost(of: resource, in: locality) * (PlanLever.bought(resource).recurs ? postYears : 1)
    }

    /// The most of `resource` the county adds in one year; `nil` for no limit.
    public func yearlyCapacity(of resource: Resource) -> Double? { yearlyCapacities[resource] }

    /// Sets the most of `resource` added in one year (`nil` for no limit); a negative or
    /// non-finite value is no limit, a whole resource's limit is rounded down.
    public mutating func setYearlyCapacity(_ resource: Resource, to amount: Double?) {
        guard let amount, amount.isFinite, amount >= 0 else { yearlyCapacities[resource] = nil; return }
        yearlyCapacities[resource] = resource.isWhole ? amount.rounded(.down) : amount
    }

    /// The step in which `resource` is bought (购置单位), in its own unit: every addition of a
    /// plan is a whole multiple of it.
    public func purchaseUnit(of resource: Resource) -> Double {
        purchaseUnits[resource] ?? Self.defaultPurchaseUnit(of: resource)
    }

    /// Sets the step in which `resource` is bought. `amount` must be above 0 and at most
    /// ``maximumPurchaseUnit`` (and whole for whole resources); the costs file checks that
    /// for its users, and a value outside is clamped here so that a plan stays finite.
    public mutating func setPurchaseUnit(_ resource: Resource, to amount: Double) {
        var unit = min(max(amount, Double.leastNormalMagnitude), Self.maximumPurchaseUnit)
        if resource.isWhole || resource == .books { unit = max(1, unit.rounded(.up)) }
        purchaseUnits[resource] = unit == Self.defaultPurchaseUnit(of: resource) ? nil : unit
    }

    /// The built-in purchase unit: 100 元 of equipment (the smallest lot a 采购 is priced in),
    /// 1 of everything else (1 m², one room, one post, one computer, one book).
    public static func defaultPurchaseUnit(of resource: Resource) -> Double {
        resource == .equipmentValue ? 100 : 1
    }
}
