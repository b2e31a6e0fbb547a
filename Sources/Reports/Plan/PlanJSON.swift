import Domain
import Interchange
import Planning

/// `junheng plan invest --format json`: the plan for scripts, keys in English snake_case in
/// a fixed order, numbers unrounded, money in yuan.
///
/// ```json
/// {"standard": "quality-2017", "county_code": "130102", "county_name": "长安区", "year": 2025,
///  "before": {"verdict": "fail", "compliant_units": 12, "units": 30},
///  "after": {"verdict": "pass", "compliant_units": 30, "units": 30},
///  "cost": 1234500, "lower_bound": 1234500, "gap": 0, "optimality": "optimal",
///  "gaps": […], "exceptions": […], "items": […], "cv": […], "schedule": null}
/// ```
///
/// `before`/`after` judge the resource allocation part only (``ResourceCheck``); an item's
/// `year` is the budget year it is scheduled in (`null` without budgets or when no year can
/// afford it).
public struct PlanJSON: Sendable {
    /// The standard planned for.
    public let standard: Standard
    /// The language of the texts (reasons); keys and codes are always English.
    public let language: Language

    /// A writer for plans under `standard`.
    public init(standard: Standard, language: Language) {
        self.standard = standard
        self.language = language
    }

    /// The document of `plan`, with `schedule` when given.
    public func document(_ plan: InvestmentPlan, schedule: BudgetSchedule? = nil) -> JSONValue {
        let years = PlanWording.years(schedule), exceptions = PlanWording.exceptions(plan)
        return .object([
            ("standard", .string(plan.standard)),
            ("county_code", .string(plan.countyCode)),
            ("county_name", .string(plan.countyName)),
            ("year", .int(plan.year)),
            ("before", check(ResourceCheck(plan.before))),
            ("after", check(ResourceCheck(plan.after))),
            ("cost", .number(plan.cost)),
            ("lower_bound", .number(plan.lowerBound)),
            ("gap", .number(plan.gap)),
            ("optimality", .string(plan.optimality.rawValue)),
            ("gaps", .array(plan.gaps.map { gap($0, exceptions: exceptions) })),
            ("exceptions", .array(plan.exceptions.map { exception in
                .object([
                    ("school_code", .string(exception.schoolCode)),
                    ("stage", .string(exception.stage.rawValue)),
                    ("indicator", .string(standard.indicators[exception.indicator].key)),
                ])
            })),
            ("items", .array(plan.items.map { item($0, year: years[$0.id]) })),
            ("cv", .array(PlanWording.cvRows(plan).map(cv))),
            ("schedule", schedule.map(self.schedule) ?? .null),
        ])
    }

    func check(_ check: ResourceCheck) -> JSONValue {
        .object([
            ("verdict", .string(PlanWording.verdictKey(check))),
            ("compliant_units", .int(check.compliantUnits)),
            ("units", .int(check.units)),
        ])
    }

    func gap(_ gap: UnitGap, exceptions: Set<PlanWording.ExceptionKey>) -> JSONValue {
        .object([
            ("school_code", .string(gap.schoolCode)),
            ("school_name", .string(gap.schoolName)),
            ("stage", .string(gap.stage.rawValue)),
            ("indicator", .string(standard.indicators[gap.indicator].key)),
            ("resource", .string(gap.resource.rawValue)),
            ("value", .number(gap.value)),
            ("threshold", .number(gap.threshold)),
            ("floor", .number(gap.floor)),
            ("to_threshold", .number(gap.toThreshold)),
            ("to_floor", .number(gap.toFloor)),
            ("exception", .bool(exceptions.contains(PlanWording.ExceptionKey(gap)))),
        ])
    }

    func item(_ item: PlanItem, year: Int?) -> JSONValue {
        .object([
            ("id", .string(item.id)),
            ("school_code", .string(item.schoolCode)),
            ("school_name", .string(item.schoolName)),
            ("locality", .string(item.locality.rawValue)),
            ("resource", .string(item.resource.rawValue)),
            ("stage", .string(item.stage?.rawValue)),
            ("amount", .number(item.amount)),
            ("unit", .string(UnitCosts.unit(of: item.resource))),
            ("unit_cost", .number(item.unitCost)),
            ("cost", .number(item.cost)),
            ("reason", .string(item.reason.rawValue)),
            ("reason_text", .string(PlanWording.reason(item.reason, language, floor: standard.schoolRule?.floorRatio))),
            ("indicators", .array(item.indicators.map { .string(standard.indicators[$0].key) })),
            ("attainment", .number(item.attainment)),
            ("year", year.map(JSONValue.int) ?? .null),
        ])
    }

    func cv(_ row: PlanWording.CVRow) -> JSONValue {
        .object([
            ("stage", .string(row.stage.rawValue)),
            ("indicator", .string(standard.indicators[row.indicator].key)),
            ("before", .number(row.before?.cv)),
            ("after", .number(row.after?.cv)),
            ("limit", .number(row.limit)),
            ("pass_before", .bool(row.before?.pass)),
            ("pass_after", .bool(row.after?.pass)),
        ])
    }

    func schedule(_ schedule: BudgetSchedule) -> JSONValue {
        .object([
            ("years", .array(schedule.years.map { year in
                .object([
                    ("year", .int(year.year)),
                    ("budget", .number(year.budget)),
                    ("spent", .number(year.spent)),
                    ("item_count", .int(year.items.count)),
                    ("items", .array(year.items.map { .string($0.id) })),
                    ("compliant_units", .int(year.check.compliantUnits)),
                    ("units", .int(year.check.units)),
                    ("verdict", .string(PlanWording.verdictKey(year.check))),
                ])
            })),
            ("first_passing_year", schedule.firstPassingYear.map(JSONValue.int) ?? .null),
            ("unscheduled", .array(schedule.unscheduled.map { .string($0.id) })),
            ("shortfall", .number(schedule.shortfall)),
        ])
    }
}
