import Domain
import Planning
import Spreadsheet

extension PlanReport {
    /// The workbook of the report: what `junheng plan invest --out plan.xlsx` writes (through
    /// ``XLSXRenderer`` with ``summaryName``) and what the plan page downloads.
    public func workbook(_ plan: InvestmentPlan, schedule: BudgetSchedule? = nil) throws(XLSXError) -> [UInt8] {
        try XLSXRenderer(language: language, summaryName: summaryName).workbook(report(plan, schedule: schedule))
    }
}
