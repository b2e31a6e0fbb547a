import Domain

/// A county's blocks and distances checked against the bounds the store keeps — the same
/// bounds the `blocks` and `distances` readers enforce, so only a caller that skipped them
/// meets a refusal — and indexed for the comparison with what is stored.
///
/// The bounds (the SQL tables' checks keep the per-row ones too): every block of `county`,
/// a non-empty id, unique; children, migrants and residents ≥ 0; migrants ≤ children in each
/// stage (a stage with no children recorded counts 0); counts only for primary and junior
/// (the stages the table keeps); coordinates finite, longitude within ±180°, latitude within
/// ±90°. Every distance from one of the blocks to a non-empty code, a finite number ≥ 0 of
/// km or minutes, each (block, destination) pair once.
public struct CheckedZoneData: Sendable {
    /// 县区代码
    public let county: String
    /// The blocks by id.
    public let blocks: [String: ResidentialBlock]
    /// The distances by pair.
    public let distances: [TravelDistance.Pair: TravelDistance.Measure]
    /// The distances in the caller's order (the order they are written in).
    public let distanceList: [TravelDistance]
    /// A fingerprint of the distances, whatever their order (``digest(of:)``).
    public let distanceDigest: Int64

    /// The stages a block's counts and current schools may name.
    static let stages: Set<Stage> = [.primary, .junior]

    /// Checks `blocks` and `distances` of `county`.
    ///
    /// - Throws: ``StoreError/isInvalid`` naming the first offending block or distance;
    ///   ``StoreError/isDuplicate`` for a block id or a pair given twice.
    public init(county: String, blocks: [ResidentialBlock], distances: [TravelDistance]) throws {
        var byID: [String: ResidentialBlock] = [:]
        byID.reserveCapacity(blocks.count)
        for block in blocks {
            try Self.check(block, county: county)
            guard byID.updateValue(block, forKey: block.id) == nil else {
                throw StoreError.duplicate("block \(block.id) of \(county)")
            }
        }
        var pairs: [TravelDistance.Pair: TravelDistance.Measure] = [:]
        pairs.reserveCapacity(distances.count)
        for distance in distances {
            guard byID[distance.from] != nil else {
                throw StoreError.invalid("distance from \(distance.from) to \(distance.to) in \(county): no such block")
            }
            guard !distance.to.isEmpty else { throw StoreError.invalid("distance from \(distance.from) in \(county): no destination") }
            guard distance.measure.value.isFinite, distance.measure.value >= 0 else {
                throw StoreError.invalid("distance from \(distance.from) to \(distance.to) in \(county): \(distance.measure.value)")
            }
            guard pairs.updateValue(distance.measure, forKey: distance.pair) == nil else {
                throw StoreError.duplicate("distance from \(distance.from) to \(distance.to) in \(county)")
            }
        }
        self.county = county
        self.blocks = byID
        self.distances = pairs
        self.distanceList = distances
        self.distanceDigest = Self.digest(of: distances)
    }

    /// A fingerprint of a county's distances that does not depend on their order: the sum
    /// (mod 2⁶⁴) of each distance's 64-bit FNV-1a hash over its block id, destination, kind
    /// and number. The SQL store keeps it beside the distances, so that a write can tell
    /// whether a million distances changed without reading them back; two different sets
    /// share a fingerprint with a chance of about 2⁻⁶⁴.
    public static func digest<Distances: Sequence>(of distances: Distances) -> Int64 where Distances.Element == TravelDistance {
        var sum: UInt64 = 0
        for distance in distances {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            for byte in distance.from.utf8 { mix(byte) }
            mix(0)
            for byte in distance.to.utf8 { mix(byte) }
            mix(0)
            let value: Double
            switch distance.measure {
            case .kilometres(let km): mix(1); value = km
            case .minutes(let minutes): mix(2); value = minutes
            }
            var bits = (value == 0 ? 0 : value).bitPattern   // −0 reads back as 0
            for _ in 0..<8 { mix(UInt8(truncatingIfNeeded: bits)); bits >>= 8 }
            sum &+= hash
        }
        return Int64(bitPattern: sum)
    }

    static func check(_ block: ResidentialBlock, county: String) throws {
        func refuse(_ why: String) -> StoreError { StoreError.invalid("block \(block.id) of \(county): \(why)") }
        guard block.countyCode == county else { throw refuse("belongs to county \(block.countyCode)") }
        guard !block.id.isEmpty else { throw refuse("no id") }
        for stage in Set(block.children.keys).union(block.migrants.keys).union(block.currentSchool.keys) where !stages.contains(stage) {
            throw refuse("\(stage.rawValue) is not a stage of compulsory education")
        }
        for (stage, count) in block.children where count < 0 { throw refuse("\(count) children in \(stage.rawValue)") }
        for (stage, count) in block.migrants {
            guard count >= 0, count <= block.children(stage) else {
                throw refuse("\(count) migrant children in \(stage.rawValue), \(block.children(stage)) children")
            }
        }
        if let population = block.population, population < 0 { throw refuse("population \(population)") }
        if block.community == "" { throw refuse("an empty community (nil: none)") }
        if let place = block.location {
            guard place.longitude.isFinite, place.latitude.isFinite, abs(place.longitude) <= 180, abs(place.latitude) <= 90 else {
                throw refuse("no place at (\(place.longitude), \(place.latitude))")
            }
        }
    }
}

extension TravelDistance {
    /// A (block, destination) pair: what a county has at most one distance for.
    public struct Pair: Sendable, Hashable, Comparable {
        /// The block id.
        public var from: String
        /// The school or site code.
        public var to: String

        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }

        public static func < (lhs: Pair, rhs: Pair) -> Bool {
            lhs.from != rhs.from ? lhs.from < rhs.from : lhs.to < rhs.to
        }
    }

    /// The distance's pair.
    public var pair: Pair { Pair(from: from, to: to) }
}

extension TravelDistance.Measure {
    /// The number, km or minutes.
    public var value: Double {
        switch self {
        case .kilometres(let km): km
        case .minutes(let minutes): minutes
        }
    }
}
