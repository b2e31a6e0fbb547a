import Demo
import Domain
import Testing
@testable import Planning

/// Teachers shared within a school cluster this year (集团内互派) count toward the rotation
/// plan's quotas: the plan reports them, does not move them again, and the quotas — movers and
/// the backbone share of every mover — hold with them counted.
@Suite("Shared teachers in the rotation quota")
struct SharedTeachersQuotaTests {
    @Test(arguments: [RotationObjective.fewestMoves, .equalize])
    func sharedTeachersCountAsMovers(objective: RotationObjective) throws {
        var rules = RotationRules.defaults
        rules.objective = objective
        var checked = 0
        for (schools, teachers) in RotationPlannerTests.counties(seed: 5, count: 2) {
            let planner = RotationPlanner(rules: rules)
            let baseline = planner.plan(schools: schools, teachers: teachers, year: 2025)
            let eligible = teachers.filter { !$0.isPrincipal && rules.eligibility(of: $0, in: 2025).isEligible }
            guard baseline.requiredMovers > 1 else { continue }
            // Backbone teachers shared, as many as the quota asks for movers (or as there are):
            // they keep the backbone share of the movers while adding to them.
            let shared = Array(eligible.filter(\.isBackbone).prefix(baseline.requiredMovers))
            guard shared.count > 1 else { continue }
            let ids = Set(shared.map(\.id))
            checked += 1
            let plan = planner.plan(schools: schools, teachers: teachers, year: 2025, shared: ids)
            #expect(plan.sharedTeachers == shared.count)
            #expect(plan.sharedBackboneTeachers == shared.count(where: \.isBackbone))
            #expect(plan.eligible == baseline.eligible && plan.requiredMovers == baseline.requiredMovers)
            #expect(!plan.moves.contains { ids.contains($0.teacherID) }, "a shared teacher is not moved again")
            #expect(plan.meetsQuota == (plan.teacherMovers + plan.sharedTeachers >= plan.requiredMovers
                                        && plan.backboneMovers + plan.sharedBackboneTeachers >= plan.requiredBackboneMovers))
            // The quotas hold with the shared teachers counted, as they held without them; the
            // backbone share is of every mover, shared ones included.
            #expect(plan.meetsQuota || !baseline.meetsQuota)
            #expect(plan.requiredBackboneMovers == RotationPlanner.share(rules.minBackboneShareOfMovers,
                                                                         of: max(plan.teacherMovers + plan.sharedTeachers, plan.requiredMovers)))
        }
        #expect(checked > 0)
    }
}
