/// One price a county set for what a plan adds (单位成本): yuan per unit of a resource
/// (``Resource/unit``), for the whole county or for the schools of one 城乡类型 — a row of a
/// costs file, and a row of a county's stored prices.
///
/// ```swift
/// let prices = [UnitCostPrice(.teachingArea, yuan: 4_200), UnitCostPrice(.teachingArea, in: .rural, yuan: 3_800)]
/// let costs = UnitCosts.defaults.setting(prices)
/// costs.cost(of: .teachingArea, in: .rural)   // 3 800
/// costs.cost(of: .teachingArea, in: .urban)   // 4 200
/// ```
public struct UnitCostPrice: Sendable, Hashable {
    /// The most one unit may cost (10 亿元): more is a typo, not a price.
    public static let maximumYuan = 1e9

    /// What is priced.
    public var resource: Resource
    /// Where: `nil` for the whole county (the price of every locality without its own).
    public var locality: Locality?
    /// Yuan per unit, finite and in `0...maximumYuan`.
    public var yuan: Double

    /// A price of `resource`, county-wide or in `locality`.
    public init(_ resource: Resource, in locality: Locality? = nil, yuan: Double) {
        self.resource = resource
        self.locality = locality
        self.yuan = yuan
    }

    /// Which price this is: the resource and the locality, `nil` for county-wide.
    public var key: Key { Key(resource: resource, locality: locality) }

    /// Whether the value is a price: finite, not below 0, at most ``maximumYuan``.
    public var isValid: Bool { yuan.isFinite && (0...Self.maximumYuan).contains(yuan) }

    /// A resource and a locality (`nil`: county-wide): what a county prices once.
    public struct Key: Sendable, Hashable, Comparable {
        public var resource: Resource
        public var locality: Locality?

        public init(resource: Resource, locality: Locality?) {
            self.resource = resource
            self.locality = locality
        }

        /// Every key, in the order pages and stores list prices: by resource (case order),
        /// county-wide first, then 城区, 镇区, 乡村.
        public static let all: [Key] = Resource.allCases.flatMap { resource in
            ([nil] + Locality.allCases.map(Optional.some)).map { Key(resource: resource, locality: $0) }
        }

        /// The order of ``all``.
        public static func < (a: Key, b: Key) -> Bool { a.rank < b.rank }

        private var rank: Int {
            let resourceRank = Resource.allCases.firstIndex(of: resource) ?? 0
            let localityRank = locality.flatMap { Locality.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            return resourceRank * (Locality.allCases.count + 1) + localityRank
        }
    }
}

extension UnitCosts {
    /// These costs with each of `prices` set (county-wide or in its locality); later prices
    /// of the same key win.
    public func setting(_ prices: [UnitCostPrice]) -> UnitCosts {
        var costs = self
        for price in prices { costs.set(price.resource, to: price.yuan, in: price.locality) }
        return costs
    }
}
