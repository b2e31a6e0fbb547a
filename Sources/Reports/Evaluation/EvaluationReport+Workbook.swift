import Domain
import Spreadsheet

extension EvaluationReport {
    /// The evaluation as the workbook a bureau sends to the province (评估结果表), one sheet
    /// per table of ``tables(_:)``: the summary (汇总) with each county's verdict and every
    /// reason, a row each; one sheet per stage with each indicator's county value, range, CV,
    /// limit and result; the per-school sheet (学校达标明细) with every value beside its
    /// threshold and failures highlighted; the schools left out; and the county-fact items
    /// when a facts file was given.
    ///
    /// Numbers are stored as numbers with their formats, so the province can recompute from
    /// the file; nothing is rounded in the stored value.
    public func workbook(_ results: [CountyResult]) throws(XLSXError) -> [UInt8] {
        try XLSXRenderer(language: language, summaryName: nil).workbook(tables(results))
    }

    /// Every county's figures gathered into province-wide tables, a row per county and item
    /// (any number of counties and years): each row carries its county and year, so a filter
    /// on any column keeps whole facts.
    public func tables(_ results: [CountyResult]) -> Report {
        var sections = [ReportSection(id: "summary", nil, [.table(verdictTable(results))])]
        sections += standard.stages.map { ReportSection(id: $0.rawValue, nil, [.table(stageTable($0, results))]) }
        sections.append(ReportSection(id: "schools", nil, [.table(schoolTable(results))]))
        sections.append(ReportSection(id: "excluded", nil, [.table(excludedTable(results))]))
        if results.contains(where: { !$0.facts.isEmpty }) {
            sections.append(ReportSection(id: "facts", nil, [.table(factsTable(results))]))
        }
        return Report(title: standard.name(in: language), sections: sections)
    }

    /// The county and year that begin every row.
    private func countyColumns(named: Bool) -> [ReportColumn] {
        let l = language
        return [ReportColumn(.countyCode, l)]
            + (named ? [ReportColumn(.countyName, l)] : [])
            + [ReportColumn(.year, l)]
    }

    private func countyCells(_ result: CountyResult, named: Bool) -> [ReportCell] {
        [.code(result.countyCode)] + (named ? [.text(result.countyName ?? "")] : []) + [.count(result.year)]
    }

    /// 汇总: each county's verdict and its reasons, one row per reason.
    private func verdictTable(_ results: [CountyResult]) -> ReportTable {
        let l = language
        var table = ReportTable(name: Term.summary.name(in: l), columns: countyColumns(named: true) + [
            ReportColumn(.verdict, l), ReportColumn("problems", l.pick("问题数", "Problems")),
            ReportColumn("number", l.pick("序号", "No.")), ReportColumn(.reason, l),
        ])
        for result in results {
            let county = countyCells(result, named: true) + [verdict(result.verdict), .count(result.findings.count)]
            if result.findings.isEmpty { table.append(county + [.empty, .empty]) }
            for (number, finding) in zip(1..., result.findings) {
                table.append(county + [.count(number), .text(finding.text(in: l, standard: standard))])
            }
        }
        return table
    }

    /// One stage: each indicator's threshold, county value, range, CV, limit and result, then
    /// the composite CV where the standard judges it.
    private func stageTable(_ stage: Stage, _ results: [CountyResult]) -> ReportTable {
        let l = language
        var table = ReportTable(name: stage.name(in: l), columns: countyColumns(named: true) + [
            ReportColumn(.indicator, l), ReportColumn(.threshold, l),
            ReportColumn(.countyValue, l), ReportColumn(.minimum, l), ReportColumn(.maximum, l), ReportColumn(.cv, l),
            ReportColumn(.limit, l), ReportColumn(.result, l),
            ReportColumn(.units, l),
        ])
        for result in results {
            guard let stageResult = result.stages.first(where: { $0.stage == stage }) else { continue }
            let county = countyCells(result, named: true)
            for indicator in stageResult.indicators {
                let definition = standard.indicators[indicator.index]
                table.append(county + [
                    .term(definition.name(in: l), key: definition.key), .decimal(definition.threshold(for: stage), places: 2),
                    .decimal(indicator.countyValue, places: 2), .decimal(indicator.min, places: 2), .decimal(indicator.max, places: 2),
                    .judged(indicator.cv, places: 3, passes: indicator.pass), .decimal(indicator.limit, places: 3),
                    outcome(indicator.pass, incomplete: !indicator.missingUnits.isEmpty), .count(stageResult.unitCount),
                ])
            }
            if standard.balance.judged == .composite {
                table.append(county + [
                    .term(Term.compositeCV.name(in: l), key: Term.compositeCV.key), .empty, .empty, .empty, .empty,
                    .judged(stageResult.compositeCV, places: 3, passes: stageResult.compositePass),
                    .decimal(stageResult.compositeLimit, places: 3),
                    outcome(stageResult.compositePass, incomplete: stageResult.compositeCV == nil), .count(stageResult.unitCount),
                ])
            }
        }
        return table
    }

    /// 学校达标明细: every unit's value of each indicator beside its threshold, the indicators
    /// met and the school rule; the school's code and name stay in view.
    private func schoolTable(_ results: [CountyResult]) -> ReportTable {
        let l = language
        var columns = countyColumns(named: false) + [
            ReportColumn(.stage, l), ReportColumn(.schoolCode, l),
            ReportColumn(.schoolName, l), ReportColumn(.locality, l),
            ReportColumn(.students, l),
        ]
        for indicator in standard.indicators {
            columns += [ReportColumn(indicator.key, indicator.name(in: l)), ReportColumn(indicator.key + "_threshold", Term.threshold.name(in: l))]
        }
        columns += [ReportColumn("met", l.pick("达标项数", "Met")), ReportColumn("passes", l.pick("学校达标", "School rule"))]
        var table = ReportTable(name: l.pick("学校达标明细", "Schools"), columns: columns, frozenColumns: 5)
        for result in results {
            for unit in result.units {
                var row = countyCells(result, named: false) + [
                    .term(unit.unit.stage.name(in: l), key: unit.unit.stage.rawValue), .code(unit.unit.schoolCode),
                    .text(unit.unit.schoolName), .term(unit.unit.locality.name(in: l), key: unit.unit.locality.rawValue),
                    .count(unit.unit.students),
                ]
                for index in standard.indicators.indices {
                    row.append(.judged(unit.values[index], places: 2, passes: unit.met[index] == false ? false : nil))
                    row.append(.decimal(standard.indicators[index].threshold(for: unit.unit.stage), places: 2))
                }
                row.append(.count(unit.met.count { $0 == true }))
                row.append(outcome(unit.passes, incomplete: unit.passes == nil && standard.schoolRule != nil))
                table.append(row)
            }
        }
        return table
    }

    /// 未纳入学校: the schools left out of the resource part, and why.
    private func excludedTable(_ results: [CountyResult]) -> ReportTable {
        let l = language
        var table = ReportTable(name: l.pick("未纳入学校", "Left out"), columns: countyColumns(named: false) + [
            ReportColumn(.schoolCode, l), ReportColumn(.schoolName, l),
            ReportColumn(.students, l), ReportColumn(.reason, l),
        ])
        for result in results {
            for exclusion in result.excluded {
                table.append(countyCells(result, named: false) + [
                    .code(exclusion.schoolCode), .text(exclusion.schoolName), .count(exclusion.students),
                    .term(exclusion.reason.text(in: l), key: exclusion.reason.key),
                ])
            }
        }
        return table
    }

    /// 县级指标: each county-fact item as recorded and judged, with its evidence.
    private func factsTable(_ results: [CountyResult]) -> ReportTable {
        let l = language
        var table = ReportTable(name: l.pick("县级指标", "County items"), columns: countyColumns(named: false) + [
            ReportColumn("item", l.pick("项目", "Item")), ReportColumn("name", l.pick("名称", "Name")),
            ReportColumn("value", l.pick("填报值", "Value")), ReportColumn(.result, l),
            ReportColumn("evidence", l.pick("佐证材料", "Evidence")),
            ReportColumn("source", l.pick("来源", "Source")),
        ])
        for result in results {
            for fact in result.facts {
                let value = ReportCell.factValue(fact.fact?.value, language: l)
                let status = ReportCell.verdict(fact.status.name(in: l), key: fact.status.rawValue, passes: fact.status.fails ? false : nil)
                table.append(countyCells(result, named: false) + [
                    .code(fact.rule.key), .text(fact.rule.name(in: l)), value, status, .text(fact.fact?.evidence ?? ""),
                    factSource(fact.fact?.source),
                ])
            }
        }
        return table
    }

    /// A county's verdict: 达标 highlighted as passing, 未达标 as failing.
    private func verdict(_ verdict: Verdict) -> ReportCell {
        .verdict(verdict.name(in: language), key: verdict.rawValue, passes: verdict == .incomplete ? nil : verdict == .pass)
    }

    /// 达标 / 未达标, 数据不全 where data was missing, else blank.
    private func outcome(_ pass: Bool?, incomplete: Bool) -> ReportCell {
        switch pass {
        case true?: .verdict(Term.pass.name(in: language), key: Term.pass.key, passes: nil)
        case false?: .verdict(Term.fail.name(in: language), key: Term.fail.key, passes: false)
        case nil: incomplete ? .verdict(Term.incomplete.name(in: language), key: Term.incomplete.key, passes: nil) : .empty
        }
    }
}
