import Domain
import Planning

/// Schools' public funds under the funding formula (生均公用经费核定) as a ``Report`` — one builder
/// for every medium: `junheng plan funding` renders it as terminal text, CSV of its schools (one
/// row per school: `county_code,school_code,school_name,school_type,locality,pupils,funded_pupils,base,rural_uplift,boarding,special_education,entitlement,allocated,shortfall,reported,difference`)
/// and a workbook; the web page shows the same.
///
/// What a bureau reads: the county's need against its budget and the shortfall, each school's
/// entitlement by part (the floor, boarders and special education named), what the budget gives
/// it, what it reports spending, and the evaluation items the funds and rooms decide.
public struct FundingReport: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    /// The name of the workbook's first sheet.
    public var summaryName: String { Term.summary.name(in: language) }

    public func report(_ funding: CountyFunding) -> Report {
        let l = language
        var sections: [ReportSection] = []
        if !funding.items.isEmpty {
            sections.append(ReportSection(id: "items", l.pick("评估项目（由学校数据计算）", "Evaluation items (computed from the school data)"), [.table(items(funding.items))]))
        }
        sections.append(ReportSection(id: "schools", l.pick("各校公用经费核定", "Each school's public funds"), [.table(schools(funding.allocation))]))
        sections.append(ReportSection(id: "sources", l.pick("经费标准依据", "Sources of the rates"), funding.allocation.rules.sources.map { ReportBlock.paragraph($0) }))
        return Report(title: l.pick("义务教育学校公用经费核定", "Public funds of the compulsory schools"), headline: headline(funding.allocation), sections: sections)
    }

    private func headline(_ a: FundingAllocation) -> [ReportFact] {
        let l = language, r = a.rules
        var facts = [
            ReportFact(l.pick("地区", "Region"), .term(r.region == .east ? l.pick("东部", "east") : l.pick("中西部", "centre and west"), key: r.region.rawValue)),
            ReportFact(l.pick("生均基准定额（小学/初中，元）", "Base per pupil (primary / junior, yuan)"),
                       .text("\(Decimals.grouped(r.rates.primary, places: 0)) / \(Decimals.grouped(r.rates.junior, places: 0))")),
            ReportFact(l.pick("学校数", "Schools"), .count(a.schools.count)),
            ReportFact(l.pick("按标准应核定", "Need under the formula"), .money(a.need, inTenThousands: true)),
            ReportFact(l.pick("其中优先保障（特殊教育与小规模学校）", "Protected (special education, small schools)"), .money(a.protected, inTenThousands: true)),
        ]
        if let budget = a.budget {
            facts += [
                ReportFact(l.pick("预算", "Budget"), .money(budget, inTenThousands: true)),
                ReportFact(l.pick("预算缺口", "Shortfall"), .judged(a.shortfall / 10_000, places: 2, passes: a.shortfall == 0)),
                ReportFact(l.pick("已分配", "Allocated"), .money(a.allocated, inTenThousands: true)),
            ]
        }
        let reported = a.schools.compactMap(\.reported)
        if reported.count == a.schools.count {
            facts.append(ReportFact(l.pick("学校填报公用经费合计", "Public funds the schools report"), .money(reported.reduce(0, +), inTenThousands: true)))
        }
        return facts
    }

    private func items(_ results: [FactResult]) -> ReportTable {
        let l = language
        var table = ReportTable(name: l.pick("评估项目", "Items"), columns: [
            ReportColumn("county_code", l.pick("县区代码", "County")), ReportColumn("item", l.pick("项目", "Item")),
            ReportColumn("name", l.pick("内容", "Rule")), ReportColumn("value", l.pick("计算值", "Value")),
            ReportColumn("status", l.pick("结果", "Result")), ReportColumn("evidence", l.pick("依据", "Evidence")),
        ])
        for result in results {
            guard let fact = result.fact else { continue }
            let value = ReportCell.factValue(fact.value, language: l)
            table.rows.append([
                .code(fact.countyCode), .code(result.rule.key), .text(result.rule.name(in: l)), value,
                .verdict(result.status.name(in: l), key: result.status.rawValue, passes: !result.status.fails), .text(fact.evidence ?? ""),
            ])
        }
        return table
    }

    /// Every school's funds — also the CSV of `junheng plan funding --format csv`.
    public func schools(_ a: FundingAllocation) -> ReportTable {
        let l = language
        var table = ReportTable(name: l.pick("各校经费", "Schools"), columns: [
            ReportColumn("county_code", l.pick("县区代码", "County")), ReportColumn("school_code", l.pick("学校标识码", "School code")),
            ReportColumn("school_name", l.pick("学校名称", "School")), ReportColumn("school_type", l.pick("办学类型", "Type")),
            ReportColumn("locality", l.pick("城乡类型", "Locality")), ReportColumn("pupils", l.pick("在校生", "Pupils")),
            ReportColumn("funded_pupils", l.pick("核定人数", "Funded pupils")), ReportColumn("base", l.pick("基准定额", "Base")),
            ReportColumn("rural_uplift", l.pick("农村倾斜", "Rural uplift")), ReportColumn("boarding", l.pick("寄宿生补助", "Boarders")),
            ReportColumn("special_education", l.pick("特殊教育", "Special education")), ReportColumn("entitlement", l.pick("应核定", "Entitlement")),
            ReportColumn("allocated", l.pick("预算分配", "Allocated")), ReportColumn("shortfall", l.pick("缺口", "Shortfall")),
            ReportColumn("reported", l.pick("填报公用经费", "Reported")), ReportColumn("difference", l.pick("填报与应核定之差", "Reported − entitlement")),
        ], frozenColumns: 3)
        for s in a.schools {
            let difference = s.reported.map { $0 - s.entitlement }
            table.rows.append([
                .code(s.countyCode), .link(s.schoolCode, to: .school(code: s.schoolCode)), .text(s.schoolName),
                .term(l.pick(s.type.chineseName, s.type.rawValue), key: s.type.rawValue), .term(s.locality.name(in: l), key: s.locality.rawValue),
                .count(s.pupils), s.atFloor ? .judged(Double(s.fundedPupils), places: 0, passes: nil) : .count(s.fundedPupils),
                .yuan(s.base), .yuan(s.ruralUplift), .yuan(s.boarding), .yuan(s.specialEducation), .yuan(s.entitlement),
                .yuan(s.allocated), .judged(s.shortfall, places: 0, passes: s.shortfall == 0),
                s.reported.map { .yuan($0) } ?? .empty, .judged(difference, places: 0, passes: difference.map { $0 >= -1e-6 }),
            ])
        }
        return table
    }
}
