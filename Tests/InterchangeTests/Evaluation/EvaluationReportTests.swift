import Domain
import Reports
import Spreadsheet
import Testing

/// The evaluation as a report: what the builder puts where (typed cells, one section per
/// county and stage), and how each renderer shows the parts the evaluation added to the
/// model — numbered lists, subheadings, nested tables and stated values.
@Suite struct EvaluationReportTests {
    let standard = HTMLReportFixture.standard
    let results = HTMLReportFixture.results

    @Test func eachCountyAndStageIsASectionWithTypedCells() throws {
        let report = EvaluationReport(standard: standard, language: .chinese).report(results)
        #expect(report.title == "县域义务教育优质均衡发展督导评估办法（教督〔2017〕6号）")
        let counties = report.sections.filter { $0.heading?.hasPrefix("■ ") == true }
        #expect(counties.count == results.count)
        for (section, result) in zip(counties, results) {
            #expect(section.heading?.contains(result.countyCode) == true)
            let reasons = section.blocks.compactMap { block -> [String]? in
                if case let .numbered(items) = block { return items }
                return nil
            }
            #expect(reasons == (result.findings.isEmpty ? [] : [result.findings.map { $0.text(in: .chinese, standard: standard) }]))
        }
        let stage = try #require(results.first?.stages.first)
        let tables = report.tables.filter { $0.name.hasPrefix("\(results[0].countyCode) \(results[0].year) \(stage.stage.rawValue) ") }
        let indicators = try #require(tables.first)
        #expect(indicators.rows.count == stage.indicators.count)
        for (row, indicator) in zip(indicators.rows, stage.indicators) {
            #expect(row[1] == .stated(standard.indicators[indicator.index].threshold(for: stage.stage)))
            // The CV leads to the stage's schools sorted by the indicator.
            let key = standard.indicators[indicator.index].key
            #expect(row[5] == .linked(.judged(indicator.cv, places: 3, passes: indicator.pass), to: .units(
                county: results[0].countyCode, year: results[0].year, UnitSelection(stage: stage.stage, sortedBy: key))))
        }
        // The fixture has failing schools: their table is nested under the school-rule line.
        let failing = report.tables.filter(\.isNested)
        #expect(!failing.isEmpty)
        #expect(failing.allSatisfy { $0.columns.map(\.key) == ["school_name", "school_code", "locality", "students", "unmet"] })
        #expect(failing.map(\.rows.count).reduce(0, +) == results.flatMap(\.units).count { $0.passes == false })
    }

    @Test func noCountiesIsTheTitleAlone() {
        let report = EvaluationReport(standard: standard, language: .english).report([])
        #expect(TerminalRenderer(language: .english).text(report)
            == "Supervision and evaluation of high-quality balanced development of county compulsory education (教督〔2017〕6号)\n")
    }

    /// A report with every part the evaluation added.
    var sample: Report {
        var table = ReportTable(name: "Failing", columns: [ReportColumn("school", "School"), ReportColumn("threshold", "Threshold")], isNested: true)
        table.append([.text("A"), .stated(4.2)])
        table.append([.text("B"), .stated(nil)])
        return Report(title: "T", sections: [
            ReportSection(id: "county", "County", [.paragraph("Reasons:"), .numbered(["first", "second"])]),
            ReportSection(id: "stage", "Stage", [.subheading("School rule: 1/3 pass"), .table(table)]),
        ])
    }

    @Test func theTerminalNumbersItemsAndIndentsSubheadingsAndNestedTables() {
        #expect(TerminalRenderer(language: .english).text(sample) == """
            T

            County
            Reasons:
              1. first
              2. second

            Stage

              School rule: 1/3 pass
                School  Threshold
                ──────  ─────────
                A             4.2
                B               —

            """)
    }

    @Test func csvWritesStatedValuesUnrounded() {
        var table = ReportTable(name: "T", columns: [ReportColumn("threshold", "Threshold")])
        table.append([.stated(2000)])
        table.append([.stated(0.1234)])
        table.append([.stated(nil)])
        #expect(String(decoding: CSVRenderer().document(table), as: UTF8.self) == "threshold\r\n2000\r\n0.1234\r\n\r\n")
    }

    @Test func theWorkbookKeepsNumberedItemsSubheadingsAndStatedValues() throws {
        let sheets = XLSXRenderer(language: .english, summaryName: "Summary").sheets(sample)
        #expect(sheets.map(\.name) == ["Summary", "Failing"])
        let summary = sheets[0].rows.compactMap { $0.first?.value }
        #expect(summary.contains(.text("1. first")) && summary.contains(.text("2. second")))
        #expect(summary.contains(.text("School rule: 1/3 pass")))
        #expect(sheets[1].rows[1][1].value == .number(4.2))
        #expect(sheets[1].rows[2][1].value == .empty)
    }

    @Test func theEvaluationMakesAValidWorkbook() throws {
        for language in [Language.chinese, .english] {
            let report = EvaluationReport(standard: standard, language: language).report(results)
            let bytes = try XLSXRenderer(language: language, summaryName: "Summary").workbook(report)
            let book = try XLSXWorkbook(bytes: bytes, file: "evaluation.xlsx")
            #expect(book.sheetNames.count == 1 + report.tables.count)
        }
    }
}
