import Domain
import Hummingbird
import Reports
import UseCases

/// The investment plan as a download (`GET /counties/:county/plan.xlsx?year=&budget=`): the
/// workbook of ``PlanReport`` — the same one `junheng plan invest --out plan.xlsx` writes —
/// of the plan the page shows, at the county's unit costs, with the schedule over the same
/// budgets.
enum PlanWorkbook {
    /// The workbook of `loaded`'s plan (and schedule) as an attachment, written on the pool
    /// for heavy work.
    static func response(_ plan: InvestmentPlan, schedule: BudgetSchedule?, loaded: CountyPlan, standard: Standard,
                         language l: Language, heavy: HeavyWork) async throws -> Response {
        var named = plan
        // The rows name the county; a county without a name in its rows may still have one stored.
        named.countyName = plan.countyName ?? loaded.countyName
        let shown = named
        let bytes = try await heavy.run { try PlanReport(standard: standard, language: l).workbook(shown, schedule: schedule) }
        return Download.response(bytes, contentType: Download.xlsx,
                                 disposition: Download.disposition(ascii: filename(loaded), name: title(loaded, language: l)))
    }

    /// `junheng-plan-341170-2025.xlsx`.
    static func filename(_ loaded: CountyPlan) -> String {
        "junheng-plan-\(loaded.countyCode)-\(loaded.year).xlsx"
    }

    /// `某县（341170）2025年度资源配置达标投入方案.xlsx`, or in English
    /// `341170 2025 investment plan.xlsx` with the county's name first when known.
    static func title(_ loaded: CountyPlan, language l: Language) -> String {
        l.pick("\(loaded.title)\(loaded.year)年度资源配置达标投入方案.xlsx", "\(loaded.title) \(loaded.year) investment plan.xlsx")
    }

    /// The page's link to the workbook of what it shows: the same year and, when they were
    /// read, the same budgets.
    static func href(county: String, year: Int, budget: String?) -> String {
        "/counties/\(county)/plan.xlsx" + PageListing.query([("year", String(year)), ("budget", budget)])
    }
}
