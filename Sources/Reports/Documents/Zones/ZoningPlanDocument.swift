import Domain
import Planning

/// The zones of one county and stage (学区划分方案) as one JSON document — `junheng plan zones
/// --format json` and the zones API — keys in English snake_case in a fixed order, numbers
/// unrounded (`null` when absent or not finite), shares as fractions, distances in km.
///
/// ```json
/// {"county_code": "430102", "stage": "primary", "objective": 51570.5, "weighted_objective": 51570.5,
///  "lower_bound": 51570.5, "gap": 0, "optimality": "optimal", "relaxation_cost": 51570.5,
///  "relaxation_placed": 41993, "candidates": {"nearest": null, "added": 0, "verified": true},
///  "children": 41993, "placed": 41993, "nearest_share": 0.91, "within_limit_share": 0.99,
///  "migrant_share": 1, "urban_town_nearby_share": 0.93,
///  "assignments": [{"block_id": "B1", "school_code": "S1", "children": 120, "distance": 1.2, …}],
///  "unplaced": [{"block_id": "B7", "children": 40, "nearest_school": "S2"}],
///  "shortages": […], "schools": […], "current": {…} | null, "islands": []}
/// ```
///
/// `objective` is Σ children × km; `weighted_objective` adds the move weight per child zoned
/// away from today's school, and is what `lower_bound` and `gap` are about.
public struct ZoningPlanDocument: Codable, Sendable, Equatable {
    public var countyCode: String
    public var stage: String
    public var objective: Double?
    public var weightedObjective: Double?
    public var lowerBound: Double?
    public var gap: Double?
    /// `optimal` or `feasible`.
    public var optimality: String
    public var relaxationCost: Double?
    public var relaxationPlaced: Int
    public var candidates: Candidates
    public var children: Int
    public var placed: Int
    public var nearestShare: Double?
    public var withinLimitShare: Double?
    public var migrantShare: Double?
    public var urbanTownNearbyShare: Double?
    public var moved: Int
    public var assignments: [Assignment]
    public var unplaced: [Unplaced]
    public var shortages: [Shortage]
    public var schools: [School]
    /// Today's zones' measures, when every block names its school.
    public var current: Measures?
    /// Blocks cut off from their zone (飞地).
    public var islands: [String]

    enum CodingKeys: String, CodingKey {
        case countyCode = "county_code", stage, objective, weightedObjective = "weighted_objective"
        case lowerBound = "lower_bound", gap, optimality, relaxationCost = "relaxation_cost"
        case relaxationPlaced = "relaxation_placed", candidates, children, placed
        case nearestShare = "nearest_share", withinLimitShare = "within_limit_share", migrantShare = "migrant_share"
        case urbanTownNearbyShare = "urban_town_nearby_share", moved, assignments, unplaced, shortages, schools, current, islands
    }

    /// How the candidate schools were chosen.
    public struct Candidates: Codable, Sendable, Equatable {
        /// `null`: every reachable school; k: the k nearest (plus listed pairs and today's school).
        public var nearest: Int?
        /// Pairs added by the reduced-cost check.
        public var added: Int
        /// The relaxation is proven optimal on the full network.
        public var verified: Bool
    }

    /// A block zoned to a school.
    public struct Assignment: Codable, Sendable, Equatable {
        public var blockId: String
        public var blockName: String
        public var schoolCode: String
        public var children: Int
        public var migrants: Int
        /// km to the school.
        public var distance: Double?
        public var nearestSchool: String?
        public var nearestDistance: Double?
        public var currentSchool: String?

        enum CodingKeys: String, CodingKey {
            case blockId = "block_id", blockName = "block_name", schoolCode = "school_code", children, migrants, distance
            case nearestSchool = "nearest_school", nearestDistance = "nearest_distance", currentSchool = "current_school"
        }
    }

    /// A block with children and no school.
    public struct Unplaced: Codable, Sendable, Equatable {
        public var blockId: String
        public var children: Int
        public var migrants: Int
        public var nearestSchool: String?

        enum CodingKeys: String, CodingKey {
            case blockId = "block_id", children, migrants, nearestSchool = "nearest_school"
        }
    }

    /// Unplaced children by the school nearest to them.
    public struct Shortage: Codable, Sendable, Equatable {
        public var schoolCode: String?
        public var children: Int
        public var blocks: Int

        enum CodingKeys: String, CodingKey {
            case schoolCode = "school_code", children, blocks
        }
    }

    /// A zoned school's children against its places, planned and today.
    public struct School: Codable, Sendable, Equatable {
        public var schoolCode: String
        public var schoolName: String
        public var locality: String
        public var capacity: Int
        public var capacityEstimated: Bool
        public var children: Int
        public var utilisation: Double?
        public var currentChildren: Int?
        public var currentOverCapacity: Int?

        enum CodingKeys: String, CodingKey {
            case schoolCode = "school_code", schoolName = "school_name", locality, capacity
            case capacityEstimated = "capacity_estimated", children, utilisation
            case currentChildren = "current_children", currentOverCapacity = "current_over_capacity"
        }
    }

    /// The measures of a zoning (today's).
    public struct Measures: Codable, Sendable, Equatable {
        public var children: Int
        public var placed: Int
        public var nearestShare: Double?
        public var withinLimitShare: Double?
        public var migrantShare: Double?
        public var urbanTownNearbyShare: Double?
        public var childKilometres: Double?
        public var overCapacity: Int

        enum CodingKeys: String, CodingKey {
            case children, placed, nearestShare = "nearest_share", withinLimitShare = "within_limit_share"
            case migrantShare = "migrant_share", urbanTownNearbyShare = "urban_town_nearby_share"
            case childKilometres = "child_kilometres", overCapacity = "over_capacity"
        }

        init(_ m: ZoneMeasures) {
            children = m.children
            placed = m.placed
            nearestShare = m.nearestShare?.finite
            withinLimitShare = m.withinLimitShare?.finite
            migrantShare = m.migrantShare?.finite
            urbanTownNearbyShare = m.urbanTownNearbyShare?.finite
            childKilometres = m.childKilometres.finite
            overCapacity = m.schools.reduce(0) { $0 + $1.overCapacity }
        }
    }

    public init(_ plan: ZoningPlan) {
        countyCode = plan.countyCode
        stage = plan.stage.rawValue
        objective = plan.objective.finite
        weightedObjective = plan.weightedObjective.finite
        lowerBound = plan.lowerBound.finite
        gap = plan.gap.finite
        optimality = plan.optimality.rawValue
        relaxationCost = plan.relaxationCost.finite
        relaxationPlaced = plan.relaxationPlaced
        candidates = Candidates(nearest: plan.candidates.nearest, added: plan.candidates.added, verified: plan.candidates.verified)
        let m = plan.planned
        children = m.children
        placed = m.placed
        nearestShare = m.nearestShare?.finite
        withinLimitShare = m.withinLimitShare?.finite
        migrantShare = m.migrantShare?.finite
        urbanTownNearbyShare = m.urbanTownNearbyShare?.finite
        moved = m.moved
        assignments = plan.blocks.compactMap { b in
            b.school.map {
                Assignment(blockId: b.id, blockName: b.name, schoolCode: $0, children: b.children, migrants: b.migrants,
                           distance: b.kilometres?.finite, nearestSchool: b.nearest, nearestDistance: b.nearestKilometres?.finite,
                           currentSchool: b.current)
            }
        }
        unplaced = plan.blocks.filter { $0.school == nil && $0.children > 0 }.map {
            Unplaced(blockId: $0.id, children: $0.children, migrants: $0.migrants, nearestSchool: $0.nearest)
        }
        shortages = m.shortages.map { Shortage(schoolCode: $0.school, children: $0.children, blocks: $0.blocks) }
        let today = Dictionary(plan.current?.schools.map { ($0.code, $0) } ?? [], uniquingKeysWith: { a, _ in a })
        schools = zip(plan.schools, m.schools).map { school, load in
            School(schoolCode: school.code, schoolName: school.name, locality: school.locality.rawValue, capacity: school.capacity,
                   capacityEstimated: school.capacityEstimated, children: load.children, utilisation: load.utilisation?.finite,
                   currentChildren: today[school.code]?.children, currentOverCapacity: today[school.code]?.overCapacity)
        }
        current = plan.current.map(Measures.init)
        islands = plan.islands
    }
}
