import Domain

/// One block as a zoning places it: its children, its school (or none) and how far they go.
public struct ZonedBlock: Sendable, Hashable {
    /// 片区编号
    public var id: String
    /// 片区名称
    public var name: String
    /// 适龄儿童数 of the stage.
    public var children: Int
    /// 随迁子女数 of the stage (part of ``children``).
    public var migrants: Int
    /// The school the block is zoned to, or nil when it is unplaced.
    public var school: String?
    /// km to ``school``.
    public var kilometres: Double?
    /// The nearest zoned school and its km (nil when none is reachable).
    public var nearest: String?
    public var nearestKilometres: Double?
    /// 现划入学校 — the school the block is zoned to today, if the file says.
    public var current: String?
    /// Where the block is, when known.
    public var location: Coordinate?

    public init(id: String, name: String, children: Int, migrants: Int, school: String?, kilometres: Double?,
                nearest: String?, nearestKilometres: Double?, current: String?, location: Coordinate?) {
        self.id = id
        self.name = name
        self.children = children
        self.migrants = migrants
        self.school = school
        self.kilometres = kilometres
        self.nearest = nearest
        self.nearestKilometres = nearestKilometres
        self.current = current
        self.location = location
    }

    /// Whether the block is zoned to its nearest school (ties count).
    public var isAtNearest: Bool {
        guard let kilometres, let nearestKilometres, school != nil else { return false }
        return kilometres <= nearestKilometres
    }
}

/// What a zoning achieves (学区划分指标): who is placed, how near, how full each school is.
/// Computed the same way for today's zones and for a plan, so the two compare.
///
/// Worked example: blocks A (100 children, zoned to its nearest school X, 1.2 km) and B (50
/// children, zoned to X at 2.0 km though Y is at 1.5 km) give a nearest share of
/// 100 / 150 = 66.7 %; with a 3 km limit the within-limit share is 100 %.
public struct ZoneMeasures: Sendable, Hashable {
    /// Children of the stage in the blocks.
    public var children: Int
    /// Children zoned to a school.
    public var placed: Int
    /// 随迁子女 in the blocks, and those zoned to a (public) school.
    public var migrants: Int
    public var migrantsPlaced: Int
    /// Placed children zoned to their nearest school.
    public var atNearest: Int
    /// Placed children within the stage's distance limit.
    public var withinLimit: Int
    /// Placed children zoned away from the school they are zoned to today.
    public var moved: Int
    /// Σ children × km of the placed.
    public var childKilometres: Double
    /// Per 城乡类型 of the school: placed children and those counted 就近 under the rules.
    public var byLocality: [Locality: LocalityCount]
    /// Each zoned school's children against its places.
    public var schools: [SchoolLoad]
    /// Where places are short: unplaced children by the school nearest to them.
    public var shortages: [Shortage]

    /// Placed children and those counted 就近, at schools of one 城乡类型.
    public struct LocalityCount: Sendable, Hashable {
        public var placed: Int
        public var nearby: Int
    }

    /// A school's zoned children against its places.
    public struct SchoolLoad: Sendable, Hashable {
        public var code: String
        public var children: Int
        public var capacity: Int
        /// children ÷ capacity (nil when it has no places).
        public var utilisation: Double? { capacity > 0 ? Double(children) / Double(capacity) : nil }
        /// Children above the places (0 when within).
        public var overCapacity: Int { max(0, children - capacity) }
    }

    /// Unplaced children whose nearest school is `school` (nil: no school is reachable).
    public struct Shortage: Sendable, Hashable {
        public var school: String?
        public var children: Int
        public var blocks: Int
    }

    /// Children left unplaced.
    public var unplaced: Int { children - placed }

    /// 就近入学比例: placed children at their nearest school ÷ children (nil when none).
    public var nearestShare: Double? { children > 0 ? Double(atNearest) / Double(children) : nil }
    /// Placed children within the distance limit ÷ children.
    public var withinLimitShare: Double? { children > 0 ? Double(withinLimit) / Double(children) : nil }
    /// Migrant children zoned to a public school ÷ migrant children.
    public var migrantShare: Double? { migrants > 0 ? Double(migrantsPlaced) / Double(migrants) : nil }

    /// At schools of `locality`: the children counted 就近 ÷ those placed there.
    public func nearbyShare(at locality: Locality) -> Double? {
        guard let count = byLocality[locality], count.placed > 0 else { return nil }
        return Double(count.nearby) / Double(count.placed)
    }

    /// Government item 13's share: at 城区 and 镇区 schools, the children counted 就近 ÷ those placed there.
    public var urbanTownNearbyShare: Double? {
        let counts = [Locality.urban, .town].compactMap { byLocality[$0] }
        let placed = counts.reduce(0) { $0 + $1.placed }
        return placed > 0 ? Double(counts.reduce(0) { $0 + $1.nearby }) / Double(placed) : nil
    }

    /// The measures of `blocks` zoned among `schools` for `stage` under `rules`.
    public init(blocks: [ZonedBlock], schools: [ZonedSchool], stage: Stage, rules: ZoningRules) {
        let locality = Dictionary(schools.map { ($0.code, $0.locality) }, uniquingKeysWith: { a, _ in a })
        let limit = rules.distanceLimit[stage] ?? .infinity
        var load: [String: Int] = [:]
        var shortage: [String?: (children: Int, blocks: Int)] = [:]
        children = 0; placed = 0; migrants = 0; migrantsPlaced = 0; atNearest = 0; withinLimit = 0; moved = 0
        childKilometres = 0
        byLocality = [:]
        for block in blocks {
            children += block.children
            migrants += block.migrants
            guard let school = block.school else {
                if block.children > 0 {
                    shortage[block.nearest, default: (0, 0)].children += block.children
                    shortage[block.nearest, default: (0, 0)].blocks += 1
                }
                continue
            }
            placed += block.children
            migrantsPlaced += block.migrants
            load[school, default: 0] += block.children
            let km = block.kilometres ?? .infinity
            if km.isFinite { childKilometres += Double(block.children) * km }
            let near = block.isAtNearest
            let within = km <= limit
            if near { atNearest += block.children }
            if within { withinLimit += block.children }
            if let current = block.current, current != school { moved += block.children }
            if let l = locality[school] {
                let nearby = rules.nearbyRule == .nearest ? near : within
                byLocality[l, default: LocalityCount(placed: 0, nearby: 0)].placed += block.children
                if nearby { byLocality[l, default: LocalityCount(placed: 0, nearby: 0)].nearby += block.children }
            }
        }
        self.schools = schools.map { SchoolLoad(code: $0.code, children: load[$0.code] ?? 0, capacity: $0.capacity) }
        shortages = shortage.map { Shortage(school: $0.key, children: $0.value.children, blocks: $0.value.blocks) }
            .sorted { $0.children != $1.children ? $0.children > $1.children : ($0.school ?? "") < ($1.school ?? "") }
    }
}
