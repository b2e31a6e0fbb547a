import Domain
import UseCases

/// The plan's additions, a page at a time: which school adds how much of what, at what
/// price, and why.
struct PlanItemTable {
    struct Row {
        var href: String
        var name: String
        var code: String
        var resource: String
        var stage: String
        var amount: String
        var unitCost: String
        var cost: String
        var reason: String
    }

    var heading: String
    var headers: [String]
    var rows: [Row]
    var total: String
    var totalLabel: String
    var empty: String?
    var pager: PlanPager

    init(plan: InvestmentPlan, query: PlanQuery, language l: Language) {
        heading = l.pick("投入项目", "Items of the plan")
        headers = l == .chinese
            ? ["学校", "投入内容", "学段", "数量", "单位成本", "金额", "原因"]
            : ["School", "Resource", "Stage", "Amount", "Unit cost", "Cost", "Reason"]
        let county = plan.countyCode, year = plan.year
        pager = PlanPager(count: plan.items.count, asked: query.itemsPage, noun: ("项", "items"), language: l) {
            query.onItemsPage($0).href(county: county, anchor: "items")
        }
        rows = plan.items[pager.range].map { item in
            Row(
                href: "/counties/\(county)/schools/\(item.schoolCode)?year=\(year)",
                name: item.schoolName, code: item.schoolCode,
                resource: PlanText.resource(item.resource, language: l),
                stage: item.stage?.name(in: l) ?? l.pick("全校", "whole school"),
                amount: PlanText.amount(item.amount, of: item.resource, language: l),
                unitCost: PlanText.unitCost(item.unitCost, of: item.resource, language: l),
                cost: PlanText.money(item.cost, language: l),
                reason: PlanText.reason(item.reason, language: l))
        }
        totalLabel = l.pick("合计", "Total")
        total = PlanText.money(plan.cost, language: l)
        empty = plan.items.isEmpty ? l.pick("无需新增投入。", "Nothing needs to be added.") : nil
    }
}
