import Domain
import Foundation

extension InMemoryStore: PlanAdoptionStore {
    public func adoptedPlans(county: String) -> [AdoptedPlan] {
        adopted.filter { $0.countyCode == county }.sorted { ($0.kind.rawValue, $0.year, $0.version) < ($1.kind.rawValue, $1.year, $1.version) }
    }

    public func adoptPlan(_ plan: AdoptedPlan, by account: Account) throws -> AdoptedPlan {
        var plan = try AdoptedPlan.checked(plan)
        plan.version = (adopted.filter { $0.countyCode == plan.countyCode && $0.kind == plan.kind && $0.year == plan.year }.map(\.version).max() ?? 0) + 1
        adopted.append(plan)
        append(plan.auditEntry(by: account))
        return plan
    }
}
