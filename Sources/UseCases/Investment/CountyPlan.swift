import Domain
import Storage

/// A county's year with its remediation plan (资源配置达标投入方案) as the plan page and the
/// API show it: the plan computed from the stored rows (never stored), and its schedule when
/// yearly budgets are given. Made by ``PlanInvestment/plan(_:budgets:store:work:)``.
///
/// A ``PlanningError`` (a blank value the plan needs, a standard it does not support) is part
/// of the answer, not a failure of the request: the page shows it as a message.
public struct CountyPlan: Sendable {
    /// The county and year planned.
    public var chosen: CountyYear
    /// The plan, or why it cannot be made.
    public var plan: Result<InvestmentPlan, PlanningError>
    /// The plan over the budgets; `nil` when no budget was given or there is no plan.
    public var schedule: Result<BudgetSchedule, PlanningError>?
    /// The prices the county set (``Storage/UnitCostStore``), which the plan used over the
    /// defaults; empty when it set none.
    public var ownPrices: [UnitCostPrice]
    /// The purchase units and yearly capacities the county set, which the plan and its
    /// schedule used; empty when it set none.
    public var ownSettings: [PurchaseSetting]

    /// Makes the value from its parts.
    public init(chosen: CountyYear, plan: Result<InvestmentPlan, PlanningError>, schedule: Result<BudgetSchedule, PlanningError>?,
                ownPrices: [UnitCostPrice] = [], ownSettings: [PurchaseSetting] = []) {
        self.chosen = chosen
        self.plan = plan
        self.schedule = schedule
        self.ownPrices = ownPrices
        self.ownSettings = ownSettings
    }

    /// 县区代码
    public var countyCode: String { chosen.code }
    /// 县区名称, when the data names it.
    public var countyName: String? { chosen.name }
    /// The year.
    public var year: Int { chosen.year }
    /// Every year the county has rows for, ascending.
    public var years: [Int] { chosen.years }

    /// The display name: 名称（代码）.
    public var title: String { countyName.map { "\($0)（\(countyCode)）" } ?? countyCode }
}
