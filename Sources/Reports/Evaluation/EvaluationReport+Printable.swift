import Domain
import Interchange

extension EvaluationReport {
    /// The printable evaluation report (督导评估报告) of `results` as one self-contained HTML
    /// document (`junheng report --out report.html`): a summary of every county, each county's
    /// code leading to its part, then each county on pages of its own (``printable(_:schools:)``).
    /// `schools` are the rows that were evaluated, for the map; `title` defaults to
    /// 县域义务教育均衡发展督导评估报告.
    public func printableDocument(_ results: [CountyResult], schools: [SchoolYear], title: String?) -> String {
        // A county's link leads to its part; the summary is part 0, so county i is part i + 1.
        var parts: [CountyKey: Int] = [:]
        for (index, result) in results.enumerated() {
            let key = CountyKey(code: result.countyCode, year: result.year)
            if parts[key] == nil { parts[key] = index + 1 }
        }
        let renderer = PrintableHTMLRenderer(language: language) { [parts] link in
            guard case let .county(code, year) = link, let part = parts[CountyKey(code: code, year: year)] else { return nil }
            return "#" + PrintableHTMLRenderer.anchor(ofPart: part)
        }
        return renderer.document(
            printable(results, schools: schools),
            title: title ?? language.pick("县域义务教育均衡发展督导评估报告", "County compulsory-education balance evaluation report"),
            subtitle: standardTitle)
    }

    /// The parts of the printable report: the summary (汇总), then one part per county in the
    /// order of `results`, whose rows among `schools` are mapped.
    public func printable(_ results: [CountyResult], schools: [SchoolYear]) -> [Report] {
        // One index of the rows by county and year, so each county finds its schools without
        // scanning the whole file: a province of thousands of counties stays linear.
        var rowsByCounty: [CountyKey: [Int]] = [:]
        for index in schools.indices {
            rowsByCounty[CountyKey(code: schools[index].countyCode, year: schools[index].year), default: []].append(index)
        }
        var parts = [summary(results)]
        parts.reserveCapacity(results.count + 1)
        for result in results {
            let rows = rowsByCounty[CountyKey(code: result.countyCode, year: result.year)] ?? []
            parts.append(printablePart(result, schools: rows.map { schools[$0] }))
        }
        return parts
    }

    /// 汇总: how many counties pass, fail or are incomplete, and a row per county with its
    /// verdict and how many of its reasons are failures and how many missing data; the county's
    /// code leads to its part (``ReportLink/county(code:year:)``).
    func summary(_ results: [CountyResult]) -> Report {
        let l = language
        let counts = Dictionary(grouping: results, by: \.verdict).mapValues(\.count)
        var table = ReportTable(name: Term.summary.name(in: l), columns: [
            ReportColumn(.countyCode, l), ReportColumn(.countyName, l), ReportColumn(.year, l),
            ReportColumn(.verdict, l), ReportColumn("failed", l.pick("未通过项", "Failed rules")),
            ReportColumn("missing", l.pick("数据不全项", "Missing data")),
        ])
        for result in results {
            let failed = result.findings.count(where: \.isFailure)
            table.append([
                .linked(.code(result.countyCode), to: .county(code: result.countyCode, year: result.year)),
                .text(result.countyName ?? Decimals.notComputable), .count(result.year), .verdict(of: result.verdict, in: l),
                .count(failed), .count(result.findings.count - failed),
            ])
        }
        let line = l.pick(
            "共\(results.count)个县区：通过 \(counts[.pass] ?? 0)，未通过 \(counts[.fail] ?? 0)，数据不全 \(counts[.incomplete] ?? 0)。",
            "\(results.count) counties: \(counts[.pass] ?? 0) pass, \(counts[.fail] ?? 0) fail, \(counts[.incomplete] ?? 0) incomplete.")
        return Report(title: Term.summary.name(in: l), sections: [ReportSection(id: "summary", nil, [.paragraph(line), .table(table)])])
    }

    /// One county's part: its verdict, reasons and county facts; per stage the 差异系数 as bars
    /// and as the table, where inequality sits by locality, each school against the
    /// thresholds (strip chart and table) and the school rule; the schools left out; the map.
    func printablePart(_ result: CountyResult, schools: [SchoolYear]) -> Report {
        let l = language
        let name = result.countyName.map { " \($0)" } ?? ""
        var verdict = verdictSection(result)
        if let facts = factsLine(result.facts) { verdict.blocks.append(.paragraph(facts)) }
        var sections = [verdict]
        for stage in result.stages {
            let units = result.units.filter { $0.unit.stage == stage.stage }
            var section = stageSection(stage, of: result, units: units, theilByLocality: true)
            if stage.unitCount > 0 {
                section.blocks.insert(.chart(.bars(cvChart(stage))), at: 0)
                if let strip = stripChart(stage, units: units) { section.blocks.append(.chart(.strip(strip))) }
                section.blocks += [.subheading(l.pick("各校指标值", "Each school's values")), .table(schoolsTable(units, stage: stage.stage, of: result))]
            }
            sections.append(section)
        }
        if let excluded = exclusionsLine(result.excluded) {
            var section = excludedSection(result.excluded)
            section.blocks.insert(.paragraph(excluded), at: 0)
            sections.append(section)
        }
        sections.append(mapSection(result, schools: schools))
        return Report(title: l.pick("\(result.countyCode)\(name) · \(result.year)年度", "\(result.countyCode)\(name) · \(result.year)"), sections: sections)
    }

    /// Every unit of a stage against the thresholds (``unitsTable(_:of:)``, unmet values failing),
    /// the thresholds heading the rows: the full listing a printed report carries. The school
    /// type and the stage are left out, for the width of an A4 page: the section is the stage's.
    func schoolsTable(_ units: [UnitResult], stage: Stage, of result: CountyResult) -> ReportTable {
        var table = unitsTable(units, of: result).removingColumns(["type", "stage"])
        table.name = Self.sheetPrefix(stage, of: result) + language.pick("各校指标值", "schools")
        table.isDetail = true
        let thresholds = Dictionary(uniqueKeysWithValues: standard.indicators.map { ($0.key, $0.threshold(for: stage)) })
        if thresholds.values.contains(where: { $0 != nil }) {
            table.rows.insert(table.columns.indices.map { index -> ReportCell in
                if index == 0 { return .text(Term.threshold.name(in: language)) }
                return thresholds[table.columns[index].key].map { .stated($0) } ?? .empty
            }, at: 0)
        }
        return table
    }
}
