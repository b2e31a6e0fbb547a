import Domain
import Reports
import Testing

/// The county overview and the province ranking as reports (the web pages' content): the
/// figures the terminal table shows, the links behind them, the listing of units, and how the
/// HTML renderer writes linked cells and sortable headers.
@Suite struct OverviewReportTests {
    let standard = HTMLReportFixture.standard
    /// A county with schools failing the school rule.
    let result = HTMLReportFixture.results.first { $0.units.contains { $0.passes == false } }!
    var builder: EvaluationReport { EvaluationReport(standard: standard, language: .chinese) }

    func listing(_ selection: UnitSelection = UnitSelection(), page: Int = 1) -> UnitListing {
        UnitListing(result, standard: standard, selection: selection, page: page, pageSize: 20)
    }

    func section(_ id: String, of report: Report) throws -> ReportSection {
        try #require(report.sections.first { $0.id == id })
    }

    @Test func theOverviewHasThePagesSectionsAndTheTerminalsIndicatorTables() throws {
        let report = builder.overview(result, history: [result, result], listing: listing())
        let items = result.facts.isEmpty ? [] : ["items"]
        #expect(Array(report.sections.map(\.id).prefix(4 + items.count + 1)) == ["verdict", "indicators", "trend", "failing"] + items + ["schools"])
        // Every county item is listed, met or not.
        if !result.facts.isEmpty {
            let table = try #require(try section("items", of: report).blocks.compactMap { block -> ReportTable? in if case let .table(t) = block { t } else { nil } }.first)
            #expect(table.rows.count == result.facts.count)
            #expect(table.rows.map { $0[2] } == result.facts.map { .text($0.rule.name) })
        }
        #expect(report.sections.map(\.id).contains("excluded") == !result.excluded.isEmpty)
        // The indicator tables are the terminal's, one per stage, each with its chart.
        let terminal = builder.report([result]).tables.filter { $0.name.hasSuffix(" 指标") }
        let indicators = try section("indicators", of: report)
        #expect(indicators.blocks.compactMap { block -> ReportTable? in if case let .table(t) = block { t } else { nil } } == terminal)
        #expect(indicators.blocks.count { block in if case .chart(.bars) = block { true } else { false } } == result.stages.count)
    }

    @Test func failingCountsLeadToTheFailingUnits() throws {
        let failing = try section("failing", of: builder.overview(result, history: [result], listing: listing()))
        guard case let .facts(counts) = failing.blocks.first else { Issue.record("no counts"); return }
        let all = result.units.count { $0.passes == false }
        #expect(all > 0, "the fixture has failing schools")
        #expect(counts.last?.value == .linked(.count(all), to: .units(
            county: result.countyCode, year: result.year, UnitSelection(failingOnly: true))))
        for (fact, stage) in zip(counts, result.stages) {
            let n = result.units.count { $0.passes == false && $0.unit.stage == stage.stage }
            #expect(fact.value == .linked(.count(n), to: .units(
                county: result.countyCode, year: result.year, UnitSelection(stage: stage.stage, failingOnly: true))))
        }
    }

    @Test func theTrendLinksEveryYearButTheOneShown() throws {
        var earlier = result
        earlier.year -= 1
        let trend = try section("trend", of: builder.overview(result, history: [earlier, result], listing: listing()))
        guard case let .table(table) = trend.blocks.last else { Issue.record("no table"); return }
        // A line chart per stage before the table: a line per indicator over both years.
        let charts = trend.blocks.compactMap { block -> LineChart? in
            if case let .chart(.trend(chart)) = block { chart } else { nil }
        }
        #expect(charts.count == result.stages.count { $0.unitCount > 0 })
        for chart in charts {
            #expect(chart.periods == [String(earlier.year), String(result.year)])
            #expect(chart.series.count == standard.indicators.count)
        }
        if let first = result.stages.first, let chart = charts.first {
            #expect(chart.series.map { $0.values.last ?? nil } == standard.indicators.indices.map { index in
                first.indicators.first { $0.index == index }?.cv
            })
        }
        #expect(table.rows.map(\.[0]) == [
            .linked(.count(earlier.year), to: .county(code: result.countyCode, year: earlier.year)), .count(result.year),
        ])
        #expect(table.columns.count == 2 + standard.stages.count * standard.indicators.count)
        // One year has no trend.
        #expect(!builder.overview(result, history: [result], listing: listing()).sections.contains { $0.id == "trend" })
    }

    @Test func theListingFiltersSortsAndPages() {
        // Highest first by students; ties in the evaluation's order.
        let byStudents = UnitSelection(sortedBy: "students", order: .descending).units(of: result, standard: standard)
        let expected = result.units.enumerated().sorted { a, b in
            a.element.unit.students != b.element.unit.students ? a.element.unit.students > b.element.unit.students : a.offset < b.offset
        }.map(\.element)
        #expect(byStudents == expected)
        // An indicator, lowest first: missing values last.
        let key = standard.indicators[0].key
        let values = UnitSelection(stage: .primary, sortedBy: key).units(of: result, standard: standard).map { $0.values[0] }
        #expect(values.compactMap { $0 } == values.compactMap { $0 }.sorted())
        #expect(values.drop(while: { $0 != nil }).allSatisfy { $0 == nil })
        // Only the failing units; an unknown column keeps the evaluation's order.
        #expect(UnitSelection(failingOnly: true, sortedBy: "nonsense").units(of: result, standard: standard)
            == result.units.filter { $0.passes == false })
        // Pages: the last one when asked past it.
        let pages = (result.units.count + 19) / 20
        let beyond = listing(page: 99)
        #expect(beyond.page == pages && beyond.pageCount == pages && beyond.matching == result.units.count)
        #expect(beyond.units == Array(result.units.dropFirst((pages - 1) * 20)))
    }

    @Test func theUnitsTableSortsByEveryColumnItHas() throws {
        let schools = try section("schools", of: builder.overview(result, history: [result], listing: listing()))
        guard case let .table(table) = schools.blocks.first else { Issue.record("no table"); return }
        #expect(table.rows.count == 20)
        for column in table.columns {
            let sorted = UnitSelection(sortedBy: column.key, order: .descending).units(of: result, standard: standard)
            #expect(sorted.map(\.unit.schoolCode) != result.units.map(\.unit.schoolCode), "\(column.key) sorts")
        }
    }

    @Test func theRankingSortsByItsColumnsAndLinksEachFigure() throws {
        let rows = ProvinceRanking.rank(results: HTMLReportFixture.results)
        let report = builder.ranking(rows, year: result.year, sortedBy: "schools", order: .descending)
        guard case let .table(table) = try section("counties", of: report).blocks.first else { Issue.record("no table"); return }
        let bySchools = rows.sorted { $0.schoolCount != $1.schoolCount ? $0.schoolCount > $1.schoolCount : $0.rank < $1.rank }
        #expect(table.rows.map(\.[0]) == bySchools.map { .count($0.rank) })
        for (cells, row) in zip(table.rows, bySchools) {
            #expect(cells[1] == .link(row.countyName.map { "\($0)（\(row.countyCode)）" } ?? row.countyCode,
                                      to: .county(code: row.countyCode, year: row.year)))
            #expect(cells[8] == .linked(.count(row.schoolCount), to: .units(county: row.countyCode, year: row.year, UnitSelection())))
        }
    }

    @Test func linkedCellsKeepTheirClassAndHeadersLinkWhereThePageSays() {
        var table = ReportTable(name: "T", columns: [ReportColumn("cv", "CV"), ReportColumn("name", "Name")])
        table.append([.linked(.judged(0.61, places: 3, passes: false), to: .county(code: "1", year: 2)), .text("a & b")])
        let renderer = HTMLRenderer(language: .english) { link in
            if case let .county(code, year) = link { "/c/\(code)?y=\(year)&x" } else { nil }
        }
        let html = renderer.table(table) { $0.key == "cv" ? ("/sort?by=cv", "▲") : nil }
        #expect(html.contains("<th><a href=\"/sort?by=cv\">CV</a>▲</th><th>Name</th>"))
        #expect(html.contains("<td class=\"num fail\"><a href=\"/c/1?y=2&amp;x\">0.610</a></td><td>a &amp; b</td>"))
        // Elsewhere the cell is its figure alone.
        #expect(TerminalRenderer(language: .english).text(Report(title: "T", sections: [ReportSection(id: "s", nil, [.table(table)])]))
            .contains("0.610"))
        #expect(String(decoding: CSVRenderer().document(table), as: UTF8.self) == "cv,name\r\n0.61,a & b\r\n")
    }
}
