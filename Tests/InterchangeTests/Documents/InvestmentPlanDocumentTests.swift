import Domain
import Foundation
import Planning
import Reports
import Testing

/// The investment plan's document: built once from the plan and its schedule, written, and
/// read back by `JSONDecoder` into the same document, whose values are the plan's.
@Suite struct InvestmentPlanDocumentTests {
    let standard: Standard
    let plan: InvestmentPlan
    let schedule: BudgetSchedule

    init() throws {
        let demo = try DemoPlan()
        (standard, plan, schedule) = (demo.standard, demo.plan, demo.schedule)
    }

    func decoded(_ document: InvestmentPlanDocument) throws -> (text: String, document: InvestmentPlanDocument) {
        let text = try JSONValue(encoding: document).serialized()
        return (text, try JSONDecoder().decode(InvestmentPlanDocument.self, from: Data(text.utf8)))
    }

    @Test func readsBackAsTheSameDocumentWithThePlansValues() throws {
        let document = InvestmentPlanDocument(plan, schedule: schedule, standard: standard, language: .chinese)
        let (_, back) = try decoded(document)
        #expect(back == document)
        #expect(back.countyCode == plan.countyCode && back.year == plan.year && back.standard == plan.standard)
        #expect(back.cost == plan.cost && back.lowerBound == plan.lowerBound && back.gap == plan.gap)
        #expect(back.optimality == plan.optimality.rawValue)
        #expect(back.before.verdict == "fail" && back.after.verdict == "pass")
        #expect(back.after.compliantUnits == ResourceCheck(plan.after).compliantUnits)
        #expect(back.gaps.count == plan.gaps.count && back.exceptions.count == plan.exceptions.count)
        #expect(back.items.map(\.id) == plan.items.map(\.id))
        for (item, planned) in zip(back.items, plan.items) {
            #expect(item.amount == planned.amount && item.cost == planned.cost && item.unitCost == planned.unitCost)
            #expect(item.stage == planned.stage?.rawValue && item.reason == planned.reason.rawValue)
            #expect(item.indicators == planned.indicators.map { standard.indicators[$0].key })
        }
        let scheduled = Dictionary(uniqueKeysWithValues: schedule.years.flatMap { year in year.items.map { ($0.id, year.year) } })
        #expect(back.items.map(\.year) == plan.items.map { scheduled[$0.id] })
        let written = try #require(back.schedule)
        #expect(written.years.map(\.year) == [2026, 2027])
        #expect(written.years.map(\.items) == schedule.years.map { $0.items.map(\.id) })
        #expect(written.unscheduled == schedule.unscheduled.map(\.id) && written.shortfall == schedule.shortfall)
        #expect(written.firstPassingYear == schedule.firstPassingYear)

        // Without budgets: no schedule, and no item has a year.
        let (text, unscheduled) = try decoded(InvestmentPlanDocument(plan, standard: standard, language: .english))
        #expect(text.hasSuffix("\"schedule\": null\n}"))
        #expect(unscheduled.schedule == nil && unscheduled.items.allSatisfy { $0.year == nil })
    }

    @Test func nonFiniteNumbersAreNull() throws {
        var broken = plan
        broken.lowerBound = .nan
        broken.items[0].amount = .infinity
        broken.items[0].attainment = -.infinity
        let document = InvestmentPlanDocument(broken, standard: standard, language: .chinese)
        let (text, back) = try decoded(document)
        #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "valid JSON")
        #expect(text.contains("\"lower_bound\": null"))
        #expect(back.lowerBound == nil && back.items[0].amount == nil && back.items[0].attainment == nil)
        #expect(back.cost == plan.cost)
        #expect(back == document)
    }
}
