import Domain
import Hummingbird
import UseCases

/// `GET /api/counties/{county}/plan?year=&budget=`: the county's remediation plan — summary
/// and items — and, with `budget` (`2026:5000000,2027:5000000`), its schedule. For whoever
/// may read the county's evaluation; money in yuan.
///
/// A plan that cannot be made answers 422 `invalid_data` with the reason (and each blank
/// value in `details`); a budget that cannot be read answers 400 `bad_request`.
struct PlanAPI: Sendable {
    let services: WebServices

    /// `?budget=`, besides the county and the year.
    static let parameters = [
        APIParameter(query: "budget", "Yearly budgets in yuan, `YEAR:AMOUNT` entries separated by commas (`2026:5000000,2027:5000000`; `500万` is accepted). Years may not precede the data's year; at most 30.",
                     rule: .text(1...2000)),
    ]

    /// The resource part's state (``ResourceCheck``).
    struct Check: Encodable {
        var passes: Bool
        var compliantUnits: Int
        var units: Int

        init(_ check: ResourceCheck) {
            passes = check.passes
            compliantUnits = check.compliantUnits
            units = check.units
        }

        enum CodingKeys: String, CodingKey {
            case passes, compliantUnits = "compliant_units", units
        }
    }

    /// One addition.
    struct Item: Encodable {
        var id: String
        var schoolCode: String
        var schoolName: String
        var locality: String
        var resource: String
        var resourceName: String
        var stage: String?
        var amount: Double
        var unit: String
        var unitCost: Double
        var cost: Double
        var reason: String
        var indicators: [String]

        enum CodingKeys: String, CodingKey {
            case id, schoolCode = "school_code", schoolName = "school_name", locality, resource
            case resourceName = "resource_name", stage, amount, unit, unitCost = "unit_cost", cost, reason, indicators
        }

        init(_ item: PlanItem, standard: Standard, language l: Language) {
            id = item.id
            schoolCode = item.schoolCode
            schoolName = item.schoolName
            locality = item.locality.rawValue
            resource = item.resource.rawValue
            resourceName = PlanText.resource(item.resource, language: l)
            stage = item.stage?.rawValue
            amount = item.amount
            unit = UnitCosts.unit(of: item.resource)
            unitCost = item.unitCost
            cost = item.cost
            reason = item.reason.rawValue
            indicators = item.indicators.map { standard.indicators[$0].key }
        }

        // `stage` is written as null for a school's facilities rather than left out.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(schoolCode, forKey: .schoolCode)
            try container.encode(schoolName, forKey: .schoolName)
            try container.encode(locality, forKey: .locality)
            try container.encode(resource, forKey: .resource)
            try container.encode(resourceName, forKey: .resourceName)
            try container.encode(stage, forKey: .stage)
            try container.encode(amount, forKey: .amount)
            try container.encode(unit, forKey: .unit)
            try container.encode(unitCost, forKey: .unitCost)
            try container.encode(cost, forKey: .cost)
            try container.encode(reason, forKey: .reason)
            try container.encode(indicators, forKey: .indicators)
        }
    }

    /// One year of the schedule.
    struct Year: Encodable {
        var year: Int
        var budget: Double
        var spent: Double
        var items: [String]
        var resource: Check
    }

    /// The schedule over the budgets.
    struct Schedule: Encodable {
        var years: [Year]
        var unscheduled: [String]
        var shortfall: Double
        var firstPassingYear: Int?

        enum CodingKeys: String, CodingKey {
            case years, unscheduled, shortfall, firstPassingYear = "first_passing_year"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(years, forKey: .years)
            try container.encode(unscheduled, forKey: .unscheduled)
            try container.encode(shortfall, forKey: .shortfall)
            try container.encode(firstPassingYear, forKey: .firstPassingYear)
        }
    }

    /// The answer.
    struct Plan: Encodable {
        var countyCode: String
        var countyName: String?
        var year: Int
        var standard: String
        var cost: Double
        var lowerBound: Double
        var gap: Double
        var optimality: String
        var before: Check
        var after: Check
        var items: [Item]
        var schedule: Schedule?

        enum CodingKeys: String, CodingKey {
            case countyCode = "county_code", countyName = "county_name", year, standard, cost
            case lowerBound = "lower_bound", gap, optimality, before, after, items, schedule
        }
    }

    @Sendable func plan(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let county = try context.countyParameter()
        try context.require(.readCounty(county))
        let l = context.language
        let chosen = try await services.countyYears.choose(county: county, year: try request.yearQuery())
        let budgets: [YearBudget]?
        do {
            budgets = try BudgetInput.parse(request.textQuery("budget"), dataYear: chosen.year)?.budgets
        } catch {
            throw WebError.badRequest(error.message(in: l))
        }
        let loaded = try await services.investment.plan(chosen, budgets: budgets, store: services.store, work: services.heavy)
        let plan: InvestmentPlan
        switch loaded.plan {
        case let .success(made): plan = made
        case let .failure(error):
            throw WebError.invalidData(error.message(in: l), details: error.missingValues.map { "\($0.schoolCode):\($0.column)" })
        }
        var schedule: Schedule?
        switch loaded.schedule {
        case let .success(done)?:
            schedule = Schedule(
                years: done.years.map { Year(year: $0.year, budget: $0.budget, spent: $0.spent, items: $0.items.map(\.id), resource: Check($0.check)) },
                unscheduled: done.unscheduled.map(\.id), shortfall: done.shortfall, firstPassingYear: done.firstPassingYear)
        case let .failure(error)?: throw WebError.badRequest(error.message(in: l))
        case nil: break
        }
        let standard = services.configuration.standard
        let answer = Plan(
            countyCode: plan.countyCode, countyName: plan.countyName ?? loaded.countyName, year: plan.year, standard: plan.standard,
            cost: plan.cost, lowerBound: plan.lowerBound, gap: plan.gap, optimality: plan.optimality.rawValue,
            before: Check(ResourceCheck(plan.before)), after: Check(ResourceCheck(plan.after)),
            items: plan.items.map { Item($0, standard: standard, language: l) }, schedule: schedule)
        return try APIResponse.json(answer, context: context)
    }
}
