import Domain
import Planning

/// The teacher rotation plan (交流轮岗方案) as one JSON document — `junheng plan rotate
/// --format json`, and `POST /api/counties/{county}/rotate`, which adds the rules used and
/// the readers' warnings — keys in English snake_case in a fixed order, values as machine keys
/// (reasons, steps, stages, resources), numbers unrounded (`nil`, written `null`, when absent
/// or not finite), shares as fractions.
///
/// ```json
/// {"county_code": "130102", "county_name": "长安区", "year": 2025,
///  "eligible": 412, "movers": 42, "required_movers": 42, "backbone_movers": 9,
///  "required_backbone_movers": 9, "meets_quota": true,
///  "eligible_principals": 12, "required_principal_movers": 2, "principal_movers": 2,
///  "meets_principal_quota": true, "kilometres": 231.5,
///  "cvs": […], "objective": […], "title_structure": […], "moves": […], "schools": […],
///  "count_differences": […], "rural_service": {"candidates": …, "qualify_now": …,
///  "qualify_after": …, "entries": […]}}
/// ```
///
/// `movers` counts teachers, principals not included; a school's `below_staffing_need` is
/// `nil` when its need is unknown. `plan_objective` (`fewest_moves` or `equalize`), `cv_margin`,
/// `max_movers` and `extra_movers` (movers beyond `required_movers`, each explained by the
/// steps' `movers`, `cv_target` and `reached` in `objective`) were added by issue 15.
public struct RotationPlanDocument: Codable, Sendable, Equatable {
    /// 县区代码 of the rows; `nil` without rows.
    public var countyCode: String?
    /// 县区名称 of the rows, when they give one.
    public var countyName: String?
    /// The data's year; `nil` without rows.
    public var year: Int?
    /// Teachers eligible to rotate this year, principals not included.
    public var eligible: Int
    /// Teachers who move.
    public var movers: Int
    public var requiredMovers: Int
    public var backboneMovers: Int
    public var requiredBackboneMovers: Int
    /// Both teacher quotas hold.
    public var meetsQuota: Bool
    public var eligiblePrincipals: Int
    public var requiredPrincipalMovers: Int
    public var principalMovers: Int
    public var meetsPrincipalQuota: Bool
    /// Σ distance of the moves between schools with coordinates.
    public var kilometres: Double?
    /// The teacher indicators' CVs per stage, before and after.
    public var cvs: [CV]
    /// What each step of the model achieved.
    public var objective: [ObjectiveTerm]
    public var titleStructure: [TitleShares]
    public var moves: [Move]
    /// Each school's counts before and after, against its staffing need.
    public var schools: [School]
    /// The teacher counts that differ from the school rows.
    public var countDifferences: [CountDifference]
    public var ruralService: RuralService
    /// What the plan minimised: `fewest_moves` or `equalize` (`nil` in documents made before it was told).
    public var planObjective: String?
    /// The rules' relative CV margin.
    public var cvMargin: Double?
    /// The rules' ceiling on the balancing steps' movers, `nil` for none.
    public var maxMovers: Int?
    /// Teacher movers beyond the required number.
    public var extraMovers: Int?
    /// Teachers shared within school clusters this year (集团内互派), counted by the quotas, and
    /// the backbone teachers among them (`nil` in documents made before they were counted).
    public var sharedTeachers: Int?
    public var sharedBackboneTeachers: Int?

    enum CodingKeys: String, CodingKey {
        case countyCode = "county_code", countyName = "county_name", year, eligible, movers
        case requiredMovers = "required_movers", backboneMovers = "backbone_movers"
        case requiredBackboneMovers = "required_backbone_movers", meetsQuota = "meets_quota"
        case eligiblePrincipals = "eligible_principals", requiredPrincipalMovers = "required_principal_movers"
        case principalMovers = "principal_movers", meetsPrincipalQuota = "meets_principal_quota", kilometres, cvs
        case objective, titleStructure = "title_structure", moves, schools, countDifferences = "count_differences"
        case ruralService = "rural_service"
        case planObjective = "plan_objective", cvMargin = "cv_margin", maxMovers = "max_movers", extraMovers = "extra_movers"
        case sharedTeachers = "shared_teachers", sharedBackboneTeachers = "shared_backbone_teachers"
    }

    /// The document of `plan`, made for `schools` (one county's rows of one year, which name
    /// the county and the schools), with its rural-service record and the teacher counts
    /// that differ from the schools file.
    public init(_ plan: RotationPlan, ruralService: RuralServiceRecord, differences: [TeacherCountDifference], schools: [SchoolYear]) {
        let context = RotationWording.Context(schools)
        countyCode = context.countyCode
        countyName = context.countyName
        year = context.year
        eligible = plan.eligible
        movers = plan.teacherMovers
        requiredMovers = plan.requiredMovers
        backboneMovers = plan.backboneMovers
        requiredBackboneMovers = plan.requiredBackboneMovers
        meetsQuota = plan.meetsQuota
        sharedTeachers = plan.sharedTeachers
        sharedBackboneTeachers = plan.sharedBackboneTeachers
        eligiblePrincipals = plan.eligiblePrincipals
        requiredPrincipalMovers = plan.requiredPrincipalMovers
        principalMovers = plan.principalMovers
        meetsPrincipalQuota = plan.meetsPrincipalQuota
        kilometres = plan.kilometres.finite
        cvs = plan.changes.map(CV.init)
        objective = plan.objective.map(ObjectiveTerm.init)
        titleStructure = plan.titleStructure.map(TitleShares.init)
        moves = plan.moves.map { Move($0, context: context) }
        self.schools = plan.schools.map(School.init)
        countDifferences = differences.map { CountDifference($0, context: context) }
        self.ruralService = RuralService(ruralService, context: context)
        planObjective = plan.aim.rawValue
        cvMargin = plan.cvMargin
        maxMovers = plan.maxMovers
        extraMovers = plan.extraMovers
    }
}
