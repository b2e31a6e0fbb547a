import Domain
import Hummingbird
import Reports
import UseCases

/// The zones plan as a download (`GET /counties/:county/zones.xlsx|zones.csv?year=&stage=`,
/// or the rules form's `format` button): the workbook of ``ZoneReport`` (the report's tables,
/// every block's school among them), or the CSV of its assignments — the files
/// `junheng plan zones --out zones.xlsx` and `--format csv` write.
enum ZonesDownload {
    /// The download of `plan` in `format` (`xlsx` or `csv`), made on the pool for heavy work.
    static func response(_ zones: CountyZones, plan: ZoningPlan, format: String, language l: Language, heavy: HeavyWork) async throws -> Response {
        let reporter = ZoneReport(rules: zones.rules, language: l)
        let title = l.pick("\(zones.title)\(zones.year)年度\(zones.stage.chineseName)学区划分方案.\(format)",
                           "\(zones.title) \(zones.year) enrollment zones \(zones.stage.rawValue).\(format)")
        return try await Download.report(format: format, table: reporter.assignments(plan), summaryName: reporter.summaryName,
                                         ascii: filename(zones, format: format), name: title, language: l, heavy: heavy) {
            reporter.report(plan)
        }
    }

    /// `junheng-zones-341170-2025-primary.xlsx`.
    static func filename(_ zones: CountyZones, format: String) -> String {
        "junheng-zones-\(zones.countyCode)-\(zones.year)-\(zones.stage.rawValue).\(format)"
    }

    /// The page's link to a download of what it shows (under the default rules).
    static func href(county: String, year: Int, stage: Stage, format: String) -> String {
        "/counties/\(SiteAddress.segment(county))/zones.\(format)?year=\(year)&stage=\(stage.rawValue)"
    }
}
