import Domain
import Interchange
import Planning

/// The investment plan as one JSON document — `junheng plan invest --format json` and
/// `GET /api/counties/{county}/plan` — keys in English snake_case in a fixed order, numbers
/// unrounded (`nil`, written `null`, when not finite), money in yuan.
///
/// ```json
/// {"standard": "quality-2017", "county_code": "130102", "county_name": "长安区", "year": 2025,
///  "before": {"verdict": "fail", "compliant_units": 12, "units": 30},
///  "after": {"verdict": "pass", "compliant_units": 30, "units": 30},
///  "cost": 1234500, "yearly_cost": 200000, "post_years": 5, "weighed_cost": 2234500,
///  "lower_bound": 2234500, "gap": 0, "optimality": "optimal", "rotation": null,
///  "gaps": […], "exceptions": […], "items": […], "cv": […], "schedule": null}
/// ```
///
/// `before`/`after` judge the resource allocation part only (``ResourceCheck``); an item's
/// `year` is the budget year it is scheduled in (`null` without budgets or when no year can
/// afford it). `cost` is what the plan costs once; the new posts' salaries, paid every year,
/// are `yearly_cost`; the planner minimises `weighed_cost` = cost + post_years × yearly_cost,
/// which `lower_bound` and `gap` refer to. `rotation` sums up the rotation plan whose moves
/// are the first teacher lever (`null` without a teachers file).
public struct InvestmentPlanDocument: Codable, Sendable, Equatable {
    /// The standard's key.
    public var standard: String
    public var countyCode: String
    public var countyName: String?
    /// The data's year.
    public var year: Int
    public var before: Check
    public var after: Check
    /// Σ item cost: what the plan costs once.
    public var cost: Double?
    /// Σ item yearly cost: the new posts' salaries, every year.
    public var yearlyCost: Double?
    /// Years of salary a post weighs against a one-off purchase.
    public var postYears: Double?
    /// cost + post_years × yearly_cost: what the planner minimises.
    public var weighedCost: Double?
    /// No plan weighs less.
    public var lowerBound: Double?
    /// (weighed cost − lower bound) / weighed cost.
    public var gap: Double?
    /// `optimal` or `bounded`.
    public var optimality: String
    /// The rotation lever's plan in figures; `nil` without teachers.
    public var rotation: Rotation?
    /// Every indicator of every unit below its threshold before the plan.
    public var gaps: [Gap]
    /// The indicators the plan leaves between the floor and the threshold (余项).
    public var exceptions: [Exception]
    public var items: [Item]
    /// Each indicator's CV of each stage, before and after.
    public var cv: [CV]
    /// The plan over yearly budgets; `nil` without budgets.
    public var schedule: Schedule?

    enum CodingKeys: String, CodingKey {
        case standard, countyCode = "county_code", countyName = "county_name", year, before, after, cost
        case yearlyCost = "yearly_cost", postYears = "post_years", weighedCost = "weighed_cost"
        case lowerBound = "lower_bound", gap, optimality, rotation, gaps, exceptions, items, cv, schedule
    }

    /// The document of `plan` under `standard`, with `schedule` when given; texts (reasons)
    /// in `language`, keys and codes always English.
    public init(_ plan: InvestmentPlan, schedule: BudgetSchedule? = nil, standard: Standard, language: Language) {
        let years = PlanWording.years(schedule), exceptions = PlanWording.exceptions(plan)
        let keys = standard.indicators.map(\.key)
        self.standard = plan.standard
        countyCode = plan.countyCode
        countyName = plan.countyName
        year = plan.year
        before = Check(ResourceCheck(plan.before))
        after = Check(ResourceCheck(plan.after))
        cost = plan.cost.finite
        yearlyCost = plan.yearlyCost.finite
        postYears = plan.postYears.finite
        weighedCost = plan.weighedCost.finite
        rotation = plan.rotation.map(Rotation.init)
        lowerBound = plan.lowerBound.finite
        gap = plan.gap.finite
        optimality = plan.optimality.rawValue
        gaps = plan.gaps.map { Gap($0, keys: keys, exception: exceptions.contains(PlanWording.ExceptionKey($0)), closedBy: plan.levers(closing: $0)) }
        self.exceptions = plan.exceptions.map { Exception($0, keys: keys) }
        let reasonFloor = standard.schoolRule?.floorRatio
        items = plan.items.map { Item($0, year: years[$0.id], keys: keys, reasonText: PlanWording.reason($0.reason, language, floor: reasonFloor)) }
        cv = PlanWording.cvRows(plan).map { CV($0, keys: keys) }
        self.schedule = schedule.map(Schedule.init)
    }
}

extension InvestmentPlanDocument {
    /// The rotation plan behind the rotation lever (交流轮岗), in figures.
    public struct Rotation: Codable, Sendable, Equatable {
        /// Teachers moved, and the number the rules require.
        public var movers: Int
        public var requiredMovers: Int
        /// Backbone teachers moved, and the number the rules require.
        public var backboneMovers: Int
        public var requiredBackboneMovers: Int
        /// Km travelled by the moved teachers, when the schools have coordinates.
        public var kilometres: Double?

        enum CodingKeys: String, CodingKey {
            case movers, requiredMovers = "required_movers", backboneMovers = "backbone_movers"
            case requiredBackboneMovers = "required_backbone_movers", kilometres
        }

        init(_ plan: RotationPlan) {
            movers = plan.teacherMovers
            requiredMovers = plan.requiredMovers
            backboneMovers = plan.backboneMovers
            requiredBackboneMovers = plan.requiredBackboneMovers
            kilometres = plan.kilometres.finite
        }
    }
}
