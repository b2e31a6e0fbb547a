import Domain
import Planning

/// A county's school layout for one stage (布局调整方案) as one JSON document — `junheng plan
/// layout --format json` — keys in English snake_case in a fixed order, numbers unrounded
/// (`null` when absent or not finite), gaps as fractions, distances in km, money in yuan.
///
/// ```json
/// {"stage": "primary", "open": 40, "budget": null, "objective": 812345.6, "weighted_objective": 812345.6,
///  "price_per_child_km": null, "lower_bound": 811020.1,
///  "gap": 0.0016, "optimality": "bounded", "children": 181234, "placed": 181234,
///  "build_cost": 0, "expansion_cost": 0, "open_sites": ["S001", …],
///  "assignments": [{"block_id": "B0001", "site_id": "S017", "children": 120, "distance": 1.2,
///                   "today_site": null, "today_distance": null}],
///  "sites": [{"site_id": "S001", "status": "built", …}], "mergers": […], "merger_candidates": […],
///  "requirements": [{"block_id": "B0007", "population": 25000, "schools_required": 2, …}], "years": […]}
/// ```
///
/// `objective` is Σ children × km; `weighted_objective` adds the build costs of the sites opened
/// and the costs of the classes added ÷ `price_per_child_km` when the rules set a price (else it equals `objective`); `lower_bound`
/// bounds the weighted objective over every plan of the target that places as many children (`null` when places are short); `optimality` is `optimal` (proven),
/// `bounded` (within `gap`) or `feasible` (no bound claimed).
public struct LayoutPlanDocument: Codable, Sendable, Equatable {
    public var stage: String
    /// `--open N`, or null.
    public var open: Int?
    /// `--budget YUAN`, or null.
    public var budget: Double?
    public var objective: Double?
    /// objective + (新建费用 + 扩班费用) ÷ price_per_child_km (= objective without a price): what lower_bound and gap bound.
    public var weightedObjective: Double?
    public var pricePerChildKm: Double?
    public var lowerBound: Double?
    public var gap: Double?
    public var optimality: String
    public var children: Int
    public var placed: Int
    public var buildCost: Double?
    public var expansionCost: Double?
    public var openSites: [String]
    public var assignments: [Assignment]
    public var sites: [Site]
    public var mergers: [Merger]
    /// What merging each 过渡性保留 school would do (`year`: the earliest it could close).
    public var mergerCandidates: [Merger]
    /// The community-size rules' requirements and shortfalls.
    public var requirements: [Requirement]
    public var years: [Year]

    enum CodingKeys: String, CodingKey {
        case stage, open, budget, objective, weightedObjective = "weighted_objective", pricePerChildKm = "price_per_child_km"
        case lowerBound = "lower_bound", gap, optimality, children, placed
        case buildCost = "build_cost", expansionCost = "expansion_cost", openSites = "open_sites"
        case assignments, sites, mergers, mergerCandidates = "merger_candidates", requirements, years
    }

    /// A block and its site (`site_id` null: unplaced).
    public struct Assignment: Codable, Sendable, Equatable {
        public var blockId: String
        public var siteId: String?
        public var children: Int
        public var distance: Double?
        public var todaySite: String?
        public var todayDistance: Double?

        enum CodingKeys: String, CodingKey {
            case blockId = "block_id", siteId = "site_id", children, distance, todaySite = "today_site", todayDistance = "today_distance"
        }
    }

    /// A site, what the plan does with it and why.
    public struct Site: Codable, Sendable, Equatable {
        public var siteId: String
        public var siteName: String
        public var schoolCode: String?
        /// `permanent` 永久性保留, `transitional` 过渡性保留, `merged` 撤并, `built` 新建, `unused`.
        public var status: String
        public var open: Bool
        public var keep: Bool
        public var children: Int
        /// 学位数 today; null = unlimited.
        public var places: Int?
        public var classesAdded: Int
        public var expansionCost: Double?
        public var buildCost: Double?
        public var aboveLargestSchool: Bool

        enum CodingKeys: String, CodingKey {
            case siteId = "site_id", siteName = "site_name", schoolCode = "school_code", status, open, keep, children, places
            case classesAdded = "classes_added", expansionCost = "expansion_cost", buildCost = "build_cost"
            case aboveLargestSchool = "above_largest_school"
        }
    }

    /// A school the plan closes, its receivers and its year (先建后撤).
    public struct Merger: Codable, Sendable, Equatable {
        public var siteId: String
        public var year: Int
        public var children: Int
        public var receivers: [Receiver]
        public var addedChildKm: Double?
        public var placesNeeded: Int
        public var beyondLimit: Int
        /// Children with no other open site in reach.
        public var stranded: Int

        enum CodingKeys: String, CodingKey {
            case siteId = "site_id", year, children, receivers, addedChildKm = "added_child_km"
            case placesNeeded = "places_needed", beyondLimit = "beyond_limit", stranded
        }

        init(_ m: LayoutMerger) {
            siteId = m.site
            year = m.year
            children = m.children
            receivers = m.receivers.map { Receiver(siteId: $0.site, children: $0.children) }
            addedChildKm = m.addedChildKm.finite
            placesNeeded = m.placesNeeded
            beyondLimit = m.beyondLimit
            stranded = m.stranded
        }
    }

    /// A community a rule covers: what it needs, what it has today and in the plan.
    public struct Requirement: Codable, Sendable, Equatable {
        /// The community: its 所属社区, or the id of a block that is a community of its own.
        public var blockId: String
        /// The community's blocks.
        public var blocks: [String]
        public var population: Int
        public var children: Int
        public var schoolsRequired: Int
        public var classesMin: Int
        /// null: no upper end.
        public var classesMax: Int?
        public var classesNeeded: Int
        public var today: Provision
        public var planned: Provision
        /// The forecast years (empty without a forecast).
        public var forecast: [ForecastNeed]

        enum CodingKeys: String, CodingKey {
            case blockId = "block_id", blocks, population, children, schoolsRequired = "schools_required", classesMin = "classes_min"
            case classesMax = "classes_max", classesNeeded = "classes_needed", today, planned, forecast
        }
    }

    /// A community's need in a forecast year.
    public struct ForecastNeed: Codable, Sendable, Equatable {
        public var year: Int
        public var children: Int
        public var classesNeeded: Int
        public var classesShort: Int

        enum CodingKeys: String, CodingKey { case year, children, classesNeeded = "classes_needed", classesShort = "classes_short" }
    }

    /// A community's schools (site ids), classes (null: unlimited) and shortfall.
    public struct Provision: Codable, Sendable, Equatable {
        public var sites: [String]
        public var classes: Int?
        public var schoolsShort: Int
        public var classesShort: Int
        /// Sites whose classes lie outside the rule's range.
        public var outsideRule: [String]

        enum CodingKeys: String, CodingKey {
            case sites, classes, schoolsShort = "schools_short", classesShort = "classes_short", outsideRule = "outside_rule"
        }

        init(_ p: LayoutRequirement.Provision) {
            sites = p.sites
            classes = p.classes
            schoolsShort = p.schoolsShort
            classesShort = p.classesShort
            outsideRule = p.outsideRule
        }
    }

    public struct Receiver: Codable, Sendable, Equatable {
        public var siteId: String
        public var children: Int

        enum CodingKeys: String, CodingKey { case siteId = "site_id", children }
    }

    /// A year of the sequence.
    public struct Year: Codable, Sendable, Equatable {
        public var year: Int
        public var opened: [String]
        public var grown: [String]
        public var closed: [String]
        public var placed: Int
        public var children: Int
        public var aboveCapacity: [String]

        enum CodingKeys: String, CodingKey {
            case year, opened, grown, closed, placed, children, aboveCapacity = "above_capacity"
        }
    }

    public init(_ plan: LayoutPlan) {
        stage = plan.stage.rawValue
        switch plan.target {
        case .open(let p): open = p; budget = nil
        case .budget(let b): open = nil; budget = b.finite
        }
        objective = plan.objective.finite
        weightedObjective = plan.weightedObjective.finite
        pricePerChildKm = plan.pricePerChildKm?.finite
        lowerBound = plan.lowerBound?.finite
        gap = plan.gap?.finite
        optimality = plan.optimality.rawValue
        children = plan.children
        placed = plan.children - plan.unplaced
        buildCost = plan.buildCost.finite
        expansionCost = plan.expansionCost.finite
        openSites = plan.openSiteIds
        assignments = plan.blocks.map {
            Assignment(blockId: $0.id, siteId: $0.site, children: $0.children, distance: $0.kilometres?.finite,
                       todaySite: $0.today, todayDistance: $0.todayKilometres?.finite)
        }
        sites = plan.sites.map {
            Site(siteId: $0.id, siteName: $0.name, schoolCode: $0.schoolCode, status: $0.status.rawValue, open: $0.open, keep: $0.keep,
                 children: $0.children, places: $0.places, classesAdded: $0.classesAdded, expansionCost: $0.expansionCost?.finite,
                 buildCost: $0.buildCost.finite, aboveLargestSchool: $0.aboveLargestSchool)
        }
        mergers = plan.mergers.map(Merger.init)
        mergerCandidates = plan.mergerCandidates.map(Merger.init)
        requirements = plan.requirements.map {
            Requirement(blockId: $0.block, blocks: $0.blocks, population: $0.population, children: $0.children, schoolsRequired: $0.schoolsRequired,
                        classesMin: $0.rule.classesMin, classesMax: $0.rule.classesMax, classesNeeded: $0.classesNeeded,
                        today: Provision($0.today), planned: Provision($0.planned),
                        forecast: $0.forecast.map { ForecastNeed(year: $0.year, children: $0.children, classesNeeded: $0.classesNeeded, classesShort: $0.classesShort) })
        }
        years = plan.years.map {
            Year(year: $0.year, opened: $0.opened, grown: $0.grown, closed: $0.closed, placed: $0.placed,
                 children: $0.children, aboveCapacity: $0.aboveCapacity)
        }
    }
}
