import Domain

/// The county overview (县域概况) of one year: what the web page shows under its title, year
/// links and lock.
///
/// The figures are those of the terminal table, from the same pieces: the verdict and its
/// reasons, per stage the 差异系数 chart and table with the composite and the school rule, the
/// schools failing it. What only the page shows is built here: the trend over the years, one
/// page of the units table (``UnitListing``: filtered, sorted, paged) and the schools left
/// out. Every figure with rows behind it leads to them (``ReportCell/linked(_:to:)``).
///
/// ```swift
/// let listing = UnitListing(result, standard: standard, selection: UnitSelection(), page: 1, pageSize: 50)
/// let report = EvaluationReport(standard: standard, language: .chinese).overview(result, history: years, listing: listing)
/// let html = HTMLRenderer(language: .chinese, address: address).sections(report)
/// ```
extension EvaluationReport {
    /// The overview of `result`: sections `verdict`, `indicators`, `trend` (with two years or
    /// more in `history`, the county's evaluations ascending), `failing` (with a school rule),
    /// `items` (every county item, when the standard has them), `schools` (the page of
    /// `listing`) and `excluded` (when schools were left out).
    public func overview(_ result: CountyResult, history: [CountyResult], listing: UnitListing) -> Report {
        var sections = [verdictSection(result), indicatorsSection(result)]
        if history.count > 1 { sections.append(trendSection(history, shown: result.year)) }
        if let failing = failingSection(result) { sections.append(failing) }
        if let items = itemsSection(result) { sections.append(items) }
        sections.append(unitsSection(result, listing: listing))
        if !result.excluded.isEmpty { sections.append(excludedSection(result.excluded)) }
        return Report(title: overviewTitle(result), sections: sections)
    }

    /// 名称（代码） · 年度 县域概况.
    func overviewTitle(_ result: CountyResult) -> String {
        let county = result.countyName.map { "\($0)（\(result.countyCode)）" } ?? result.countyCode
        return language.pick("\(county) · \(result.year) 年度县域概况", "\(county) · \(result.year) county overview")
    }

    /// The verdict and the reasons for it.
    func verdictSection(_ result: CountyResult) -> ReportSection {
        let l = language
        let reasons = self.reasons(result)
        return ReportSection(id: "verdict", nil, [.facts([ReportFact(Term.verdict.name(in: l), .verdict(of: result.verdict, in: l))])]
            + (reasons.isEmpty ? [.paragraph(l.pick("各项要求均已达到。", "Every requirement is met."))] : reasons))
    }

    /// Per stage: its units and students, the 差异系数 as bars and as the table, the composite,
    /// and the school rule's result.
    func indicatorsSection(_ result: CountyResult) -> ReportSection {
        let l = language
        var section = ReportSection(id: "indicators", l.pick("资源配置：校际差异系数", "Resource allocation: inter-school CV"))
        for stage in result.stages {
            section.blocks.append(.subheading(stageHeading(stage)))
            guard stage.unitCount > 0 else { continue }
            section.blocks.append(.chart(.bars(cvChart(stage))))
            section.blocks.append(.table(indicatorsTable(stage, of: result)))
            if let composite = compositeLine(stage) { section.blocks.append(.note(composite)) }
            if let rule = schoolRuleLine(result.units.filter { $0.unit.stage == stage.stage }) {
                section.blocks.append(.paragraph(rule))
            }
        }
        return section
    }

    /// The county over its years: each year's verdict and each indicator's 差异系数 per stage,
    /// the other years leading to their overviews.
    func trendSection(_ history: [CountyResult], shown: Int) -> ReportSection {
        let l = language
        let columns: [(Stage, Int)] = standard.stages.flatMap { stage in standard.indicators.indices.map { (stage, $0) } }
        var table = ReportTable(name: l.pick("历年趋势", "Trend"), columns: [
            ReportColumn(.year, l), ReportColumn(.verdict, l),
        ] + columns.map { stage, index in
            let definition = standard.indicators[index]
            return ReportColumn("\(stage.rawValue)_\(definition.key)_cv", "\(stage.name(in: l)) · \(definition.name(in: l))")
        })
        for result in history {
            let year = ReportCell.count(result.year)
            table.append([
                result.year == shown ? year : .linked(year, to: .county(code: result.countyCode, year: result.year)),
                .verdict(of: result.verdict, in: l),
            ] + columns.map { stage, index in
                let indicator = result.stages.first { $0.stage == stage }?.indicators.first { $0.index == index }
                return .judged(indicator?.cv, places: 3, passes: indicator?.pass == false ? false : nil)
            })
        }
        return ReportSection(id: "trend", l.pick("历年趋势（差异系数）", "Trend over the years (CV)"), trendCharts(history) + [.table(table)])
    }

    /// With two years or more, each stage's 差异系数 year by year, a line per indicator against
    /// the stage's limit (when its indicators share one); a failing year is ringed in red.
    func trendCharts(_ history: [CountyResult]) -> [ReportBlock] {
        guard history.count > 1 else { return [] }
        let l = language
        return standard.stages.compactMap { stage -> ReportBlock? in
            let stages = history.map { result in result.stages.first { $0.stage == stage } }
            guard stages.contains(where: { $0.map { $0.unitCount > 0 } ?? false }) else { return nil }
            let series = standard.indicators.indices.map { index in
                let indicators = stages.map { $0?.indicators.first { $0.index == index } }
                return LineChart.Series(
                    label: standard.indicators[index].name(in: l), values: indicators.map { $0?.cv },
                    failing: indicators.map { $0?.pass == false })
            }
            let limits = Set(stages.compactMap { $0 }.flatMap { $0.indicators.compactMap(\.limit) })
            return .chart(.trend(LineChart(
                title: stage.name(in: l) + l.pick(" · 各指标校际差异系数", " · inter-school CV of each indicator"),
                periods: history.map { String($0.year) }, series: series,
                limit: limits.count == 1 ? limits.first : nil, limitLabel: Term.limit.name(in: l))))
        }
    }

    /// The units failing the school rule: how many per stage and in all, each count leading to
    /// them in the units table, then each stage's (``failingTable(_:stage:of:)``).
    /// `nil` when the standard has no school rule.
    func failingSection(_ result: CountyResult) -> ReportSection? {
        guard let rule = standard.schoolRule else { return nil }
        let l = language
        let floor = Decimals.compact(rule.floorRatio * 100)
        var section = ReportSection(id: "failing", l.pick(
            "未达到学校达标要求的学校（至少\(rule.minMet)项达标、余项不低于\(floor)%）",
            "Schools failing the school rule (at least \(rule.minMet) met, the rest ≥ \(floor)%)"))
        func count(_ failing: [UnitResult], stage: Stage?) -> ReportCell {
            .linked(.count(failing.count), to: .units(
                county: result.countyCode, year: result.year, UnitSelection(stage: stage, failingOnly: true)))
        }
        let failing = result.units.filter { $0.passes == false }
        var counts: [ReportFact] = []
        var tables: [ReportBlock] = []
        for stage in result.stages {
            let units = failing.filter { $0.unit.stage == stage.stage }
            counts.append(ReportFact(stage.stage.name(in: l), count(units, stage: stage.stage)))
            guard !units.isEmpty else { continue }
            tables += [.subheading(stage.stage.name(in: l)), .table(failingTable(units, stage: stage.stage, of: result))]
        }
        counts.append(ReportFact(l.pick("合计", "All"), count(failing, stage: nil)))
        section.blocks.append(.facts(counts))
        section.blocks += failing.isEmpty ? [.paragraph(l.pick("所有学校单位均达到学校达标要求。", "Every school unit meets the school rule."))] : tables
        return section
    }

    /// One page of the units table (``unitsTable(_:of:)``), or a note that nothing matches.
    func unitsSection(_ result: CountyResult, listing: UnitListing) -> ReportSection {
        let l = language
        var section = ReportSection(id: "schools", l.pick("各校指标值", "Schools and their values"), [.table(unitsTable(listing.units, of: result))])
        if listing.units.isEmpty { section.blocks.append(.note(l.pick("没有符合条件的学校单位。", "No school unit matches."))) }
        return section
    }

    /// One row per unit: the school (leading to its page), its code, type, locality, stage and
    /// students, each indicator's value (unmet ones failing), and how many indicators are met
    /// of those judged, passing or failing as the unit does the school rule. The columns' keys
    /// are what ``UnitSelection/sortedBy`` sorts by.
    func unitsTable(_ units: [UnitResult], of result: CountyResult) -> ReportTable {
        let l = language
        var table = ReportTable(name: l.pick("各校指标值", "Schools"), columns: [
            // "name" and "code" are the listing's sort keys (UnitSelection).
            ReportColumn("name", Term.schoolName.name(in: l)), ReportColumn("code", Term.schoolCode.name(in: l)),
            ReportColumn("type", l.pick("办学类型", "Type")), ReportColumn(.locality, l), ReportColumn(.stage, l), ReportColumn(.students, l),
        ] + standard.indicators.map { ReportColumn($0.key, $0.name(in: l) + l.pick("（\($0.unit)）", " (\($0.unit))")) }
            + [ReportColumn("met", l.pick("达标项数", "Indicators met"))])
        for unit in units {
            let school = unit.unit
            table.append([
                .link(school.schoolName, to: .school(code: school.schoolCode)), .code(school.schoolCode),
                .term(l.pick(school.type.chineseName, school.type.rawValue), key: school.type.rawValue),
                .term(school.locality.name(in: l), key: school.locality.rawValue),
                .term(school.stage.name(in: l), key: school.stage.rawValue), .count(school.students),
            ] + unit.values.indices.map { index in
                .judged(unit.values[index], places: 3, passes: unit.met[index] == false ? false : nil)
            } + [
                .verdict("\(unit.metCount)/\(unit.met.count { $0 != nil })", key: String(unit.metCount), passes: unit.passes),
            ])
        }
        return table
    }

    /// The schools left out of the resource part, each with its reason.
    func excludedSection(_ excluded: [Exclusion]) -> ReportSection {
        let l = language
        let table = ReportTable(name: l.pick("未纳入评估的学校", "Left out"), columns: [
            ReportColumn(.schoolName, l), ReportColumn(.schoolCode, l), ReportColumn(.students, l), ReportColumn(.reason, l),
        ], rows: excluded.map { exclusion in
            [.text(exclusion.schoolName), .code(exclusion.schoolCode), .count(exclusion.students),
             .term(exclusion.reason.text(in: l), key: exclusion.reason.key)]
        })
        return ReportSection(id: "excluded", l.pick("未纳入资源配置评估的学校", "Schools left out of the resource-allocation part"), [.table(table)])
    }
}

extension ReportCell {
    /// A county's verdict: passing, failing, or neither when data is missing.
    static func verdict(of verdict: Verdict, in language: Language) -> ReportCell {
        let passes: Bool? = switch verdict {
        case .pass: true
        case .fail: false
        case .incomplete: nil
        }
        return .verdict(verdict.name(in: language), key: verdict.rawValue, passes: passes)
    }
}
