import Domain
import Interchange
import Spreadsheet
import Planning

/// `junheng plan invest --format csv`: one row per plan item, for scripts and spreadsheets —
/// English keys, numbers unrounded, money in yuan:
///
/// `county_code,data_year,school_code,school_name,locality,resource,stage,amount,unit,unit_cost,cost,reason,indicators,year`
///
/// `stage` is empty for a school's facilities; `indicators` lists the indicator keys the
/// item serves, separated by `;`; `year` is the budget year the item is scheduled in, empty
/// without budgets or when no year can afford it.
public struct PlanCSV: Sendable {
    /// The header row's keys.
    public static let columns = [
        "county_code", "data_year", "school_code", "school_name", "locality", "resource", "stage", "amount", "unit",
        "unit_cost", "cost", "reason", "indicators", "year",
    ]

    /// The standard planned for (for the indicator keys).
    public let standard: Standard

    /// A writer for plans under `standard`.
    public init(standard: Standard) {
        self.standard = standard
    }

    /// The whole file as UTF-8: the header and one record per item (CRLF line ends).
    public func document(_ plan: InvestmentPlan, schedule: BudgetSchedule? = nil) -> [UInt8] {
        let years = PlanWording.years(schedule)
        var writer = CSVWriter()
        for column in Self.columns { writer.cell(column) }
        writer.endRecord()
        for item in plan.items {
            let cells: [String?] = [
                plan.countyCode, String(plan.year), item.schoolCode, item.schoolName, item.locality.rawValue,
                item.resource.rawValue, item.stage?.rawValue, DecimalNumber.text(item.amount), UnitCosts.unit(of: item.resource),
                DecimalNumber.text(item.unitCost), DecimalNumber.text(item.cost), item.reason.rawValue,
                item.indicators.map { standard.indicators[$0].key }.joined(separator: ";"), years[item.id].map(String.init),
            ]
            for cell in cells { writer.cell(cell) }
            writer.endRecord()
        }
        return writer.bytes
    }
}
