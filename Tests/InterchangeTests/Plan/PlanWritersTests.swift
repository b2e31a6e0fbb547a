import Domain
import Foundation
@testable import Interchange
import Planning
import Reports
import Spreadsheet
import Testing

/// The plan's report (one builder, ``PlanReport``) on a demo county that fails the resource
/// part, through each renderer: the terminal text, CSV (a row per item, the documented
/// columns) and the workbook, read back by Junheng's reader and by openpyxl; and JSON (stable
/// keys, unrounded numbers).
@Suite struct PlanWritersTests {
    let standard: Standard
    let schools: [SchoolYear]
    let plan: InvestmentPlan
    let schedule: BudgetSchedule

    init() throws {
        let demo = try DemoPlan()
        (standard, schools, plan, schedule) = (demo.standard, demo.schools, demo.plan, demo.schedule)
    }

    @Test func theTableShowsTheVerdictsItemsCVsAndSchedule() {
        let text = TerminalRenderer(language: .chinese).text(PlanReport(standard: standard, language: .chinese).report(plan, schedule: schedule))
        let before = ResourceCheck(plan.before), after = ResourceCheck(plan.after)
        #expect(text.hasPrefix("资源配置达标投入方案 · 县域义务教育优质均衡发展督导评估办法\n"))
        #expect(text.contains("\n县区：\(plan.countyCode) \(plan.countyName ?? "")\n年度：2025\n评估标准：县域义务教育优质均衡发展督导评估办法 (quality-2017)\n"))
        #expect(text.contains("方案前资源配置：未达标（\(before.compliantUnits)/\(before.units) 个学校单位达标）\n方案后资源配置：达标（\(after.units)/\(after.units) 个学校单位达标）"))
        // The totals in 万元 (to the hundred yuan), the items' heading to the yuan.
        #expect(text.contains("一次性投入：\(Decimals.fixed(plan.cost / 10_000, places: 2)) 万元\n新增岗位年工资：\(Decimals.fixed(plan.yearlyCost / 10_000, places: 2)) 万元\n"))
        #expect(text.contains("比较口径下界：\(Decimals.fixed(plan.lowerBound / 10_000, places: 2)) 万元\n"))
        #expect(text.contains("一次性投入 \(Decimals.three(plan.cost)) 元，新增岗位每年 \(Decimals.three(plan.yearlyCost)) 元"))
        #expect(text.contains("差距（方案前）：\(plan.gaps.count) 处"))
        #expect(text.contains("投入方案：\(plan.items.count) 项"))
        #expect(text.contains("差异系数（方案前 → 方案后）"))
        #expect(text.contains("年度安排："))
        #expect(text.contains("未安排"))
        #expect(text.contains("预算缺口：\(schedule.unscheduled.count) 项未能安排，共 \(Decimals.three(schedule.shortfall)) 元"))
        // Every item is a line, with its cost at 3 decimals.
        for item in plan.items {
            #expect(text.contains(Decimals.three(item.cost)), "\(item.id)")
        }
        #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") })

        let english = TerminalRenderer(language: .english).text(PlanReport(standard: standard, language: .english).report(plan))
        #expect(english.contains("Resources before: fail ("))
        #expect(english.contains("Resources after: pass ("))
        #expect(!english.contains("Schedule:"))
    }

    @Test func jsonHasStableKeysAndUnroundedNumbers() throws {
        let text = try JSONValue(encoding: InvestmentPlanDocument(plan, schedule: schedule, standard: standard, language: .english)).serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        // Keys in their documented order.
        let topKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topKeys == [
            "standard", "county_code", "county_name", "year", "before", "after", "cost", "yearly_cost", "post_years",
            "weighed_cost", "lower_bound", "gap", "optimality", "rotation", "gaps", "exceptions", "items", "cv", "schedule",
        ])
        // Unrounded: each number is written in the shortest form that reads back exactly
        // (Foundation's JSON parser on Linux may be off in the last digit, so the text is checked).
        #expect(text.contains("\n  \"cost\": \(plan.cost),\n"))
        #expect(text.contains("\n  \"lower_bound\": \(plan.lowerBound),\n"))
        #expect(object["optimality"] as? String == plan.optimality.rawValue)
        let after = try #require(object["after"] as? [String: Any])
        #expect(after["verdict"] as? String == "pass")
        #expect((object["before"] as? [String: Any])?["verdict"] as? String == "fail")

        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.count == plan.items.count)
        let itemKeys: Set<String> = [
            "id", "school_code", "school_name", "locality", "resource", "stage", "amount", "unit", "unit_cost", "cost",
            "lever", "yearly_cost", "reason", "reason_text", "indicators", "attainment", "year",
        ]
        for (json, item) in zip(items, plan.items) {
            #expect(Set(json.keys) == itemKeys)
            #expect(json["id"] as? String == item.id)
            #expect(json["lever"] as? String == item.lever.rawValue)
            #expect(text.contains("\"cost\": \(item.cost),"))
            #expect(abs((json["amount"] as? Double ?? -1) - item.amount) <= 1e-9 * max(1, item.amount))
        }
        let scheduled = Set(schedule.years.flatMap(\.items).map(\.id))
        #expect(items.filter { $0["year"] is Int }.count == scheduled.count)

        let gaps = try #require(object["gaps"] as? [[String: Any]])
        #expect(gaps.count == plan.gaps.count)
        #expect(Set(gaps[0].keys) == [
            "school_code", "school_name", "stage", "indicator", "resource", "value", "threshold", "floor", "to_threshold",
            "to_floor", "exception", "closed_by",
        ])
        for (json, gap) in zip(gaps, plan.gaps) {
            #expect(json["closed_by"] as? [String] == plan.levers(closing: gap).map(\.rawValue))
        }
        let cv = try #require(object["cv"] as? [[String: Any]])
        #expect(cv.count == standard.stages.count * standard.indicators.count)
        #expect(cv.allSatisfy { $0["pass_after"] as? Bool == true })

        let plannedYears = try #require(object["schedule"] as? [String: Any])
        let years = try #require(plannedYears["years"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? Int } == [2026, 2027])
        #expect(years.allSatisfy { ($0["spent"] as? Double ?? .infinity) <= ($0["budget"] as? Double ?? 0) })
        #expect(text.contains("\"shortfall\": \(schedule.shortfall)\n"))

        let noBudget = try JSONValue(encoding: InvestmentPlanDocument(plan, standard: standard, language: .chinese)).serialized()
        #expect(noBudget.contains("\"schedule\": null"))
    }

    /// The documented columns of `junheng plan invest --format csv` (data-format.md).
    static let csvColumns = [
        "county_code", "data_year", "school_code", "school_name", "locality", "resource", "stage", "amount", "unit",
        "unit_cost", "cost", "reason", "indicators", "year", "lever", "yearly_cost",
    ]

    private func csv(_ schedule: BudgetSchedule?) -> String {
        String(decoding: CSVRenderer().document(PlanReport(standard: standard, language: .chinese).items(plan, schedule: schedule)), as: UTF8.self)
    }

    @Test func csvHasOneRowPerItem() {
        let text = csv(schedule)
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast()
        #expect(text.hasSuffix("\r\n"))
        #expect(lines.first.map(String.init) == Self.csvColumns.joined(separator: ","))
        #expect(lines.count == 1 + plan.items.count)
        let years = Dictionary(uniqueKeysWithValues: schedule.years.flatMap { year in year.items.map { ($0.id, year.year) } })
        for (line, item) in zip(lines.dropFirst(), plan.items) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(cells.count == Self.csvColumns.count)
            #expect(cells[0] == plan.countyCode && cells[1] == "2025" && cells[2] == item.schoolCode)
            #expect(cells[5] == item.resource.rawValue && cells[6] == (item.stage?.rawValue ?? ""))
            #expect(Double(cells[7]) == item.amount && Double(cells[10]) == item.cost)
            #expect(cells[11] == item.reason.rawValue)
            #expect(cells[13] == years[item.id].map(String.init) ?? "")
            #expect(cells[14] == item.lever.rawValue && Double(cells[15]) == item.yearlyCost)
        }
        // Without budgets the year column is there and empty.
        let noBudget = csv(nil)
        #expect(noBudget.split(separator: "\r\n").dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).dropLast(2).last == "" })
    }

    private func workbook(_ language: Language, _ schedule: BudgetSchedule?) throws -> [UInt8] {
        let builder = PlanReport(standard: standard, language: language)
        return try XLSXRenderer(language: language, summaryName: builder.summaryName).workbook(builder.report(plan, schedule: schedule))
    }

    @Test func theWorkbookReadsBack() throws {
        let book = try XLSXWorkbook(bytes: workbook(.chinese, schedule), file: "plan.xlsx")
        #expect(book.sheetNames == ["汇总", "差距", "措施", "方案", "差异系数", "年度安排"])
        #expect(try book.sheet(named: "差距").rows.count == 1 + plan.gaps.count)
        #expect(try book.sheet(named: "方案").rows.count == 1 + plan.items.count)
        #expect(try book.sheet(named: "年度安排").rows.count == 1 + schedule.years.count)
        #expect(try book.sheet(named: "差异系数").rows.count == 1 + standard.stages.count * standard.indicators.count)
        let english = try XLSXWorkbook(bytes: workbook(.english, nil), file: "plan.xlsx")
        #expect(english.sheetNames == ["Summary", "Gaps", "Levers", "Items", "CVs"])
    }

    @Test(.enabled(if: ExternalTool.python(with: "openpyxl"), "python3 with openpyxl is not installed"))
    func openpyxlSeesThePlanAsWritten() throws {
        let folder = try ExternalTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plan.xlsx")
        try Data(workbook(.chinese, schedule)).write(to: path)
        let output = try ExternalTool.python("""
            import sys, json, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            summary = {row[0]: row[1] for row in book["汇总"].iter_rows(values_only=True) if row and row[0]}
            items = book["方案"]
            cost = next(c for c in items[1] if c.value == "金额（元）").column
            print(json.dumps({
                "sheets": book.sheetnames,
                "total": repr(summary["一次性投入"]),
                "total_format": next(row[1].number_format for row in book["汇总"].iter_rows() if row[0].value == "一次性投入"),
                "county": summary["县区"],
                "after": summary["方案后资源配置"],
                "items": items.max_row - 1,
                "costs": [repr(items.cell(row=r, column=cost).value) for r in range(2, items.max_row + 1)],
                "cost_format": items.cell(row=2, column=cost).number_format,
                "years": [row[0] for row in book["年度安排"].iter_rows(min_row=2, values_only=True)],
            }, ensure_ascii=False))
            """, arguments: [path.path])
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(seen["sheets"] as? [String] == ["汇总", "差距", "措施", "方案", "差异系数", "年度安排"])
        // Python's repr is the shortest text that reads back exactly: the stored numbers are unrounded.
        #expect((seen["total"] as? String).flatMap(Double.init) == plan.cost / 10_000)
        #expect(seen["total_format"] as? String == "#,##0.00##\" 万元\"")
        #expect(seen["county"] as? String == plan.countyCode + " " + (plan.countyName ?? ""))
        #expect((seen["after"] as? String)?.hasPrefix("达标（") == true)
        #expect(seen["items"] as? Int == plan.items.count)
        #expect((seen["costs"] as? [String])?.map { Double($0) } == plan.items.map(\.cost))
        #expect(seen["cost_format"] as? String == "#,##0.000")
        #expect(seen["years"] as? [Int] == [2026, 2027])
    }
}
