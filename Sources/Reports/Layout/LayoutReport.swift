import Domain
import Planning

/// A county's school layout for one stage (布局调整方案) as a ``Report`` — one builder for every
/// medium: `junheng plan layout` renders it as terminal text, CSV of its assignments (one row per
/// block: `block_id,block_name,site_id,site_name,children,distance,today_site,today_distance`)
/// and a workbook.
///
/// What a planner reads: the plan's child-km against its lower bound; each site's class
/// (永久性保留 / 过渡性保留 / 撤并 / 新建) with the reason; the mergers with their receivers,
/// the distance they add and the places the receivers need, and the same for each 过渡性保留 school
/// were it merged; the communities short of the schools and classes the rules require; the years of
/// 先建后撤; every block's site.
public struct LayoutReport: Sendable {
    public let language: Language
    let rules: LayoutRules

    public init(rules: LayoutRules = .defaults, language: Language) {
        self.rules = rules
        self.language = language
    }

    /// The name of the workbook's first sheet.
    public var summaryName: String { Term.summary.name(in: language) }

    public func report(_ plan: LayoutPlan, map: ReportChart? = nil) -> Report {
        let l = language
        var sections = [sitesSection(plan)]
        if let map { sections.insert(ReportSection(id: "map", l.pick("布局图", "Layout map"), [.chart(map)]), at: 0) }
        if !plan.mergers.isEmpty { sections.append(mergersSection(plan.mergers, candidates: false)) }
        if !plan.mergerCandidates.isEmpty { sections.append(mergersSection(plan.mergerCandidates, candidates: true)) }
        if !plan.requirements.isEmpty { sections.append(requirementsSection(plan)) }
        sections.append(yearsSection(plan))
        sections.append(ReportSection(id: "assignments", l.pick("片区划入布点", "Blocks and their sites"), [.table(assignments(plan, detail: true))]))
        return Report(title: l.pick("\(plan.stage.chineseName)布局调整方案", "School layout, \(plan.stage.englishName)"),
                      headline: headline(plan), sections: sections)
    }

    /// The plan on a map (``ZoneMap``): every located block as a dot of its children in the
    /// zone of its site, and every open located site as a marker (closed and unused sites are
    /// in the tables).
    public func map(_ plan: LayoutPlan, tiles: String? = nil) -> ReportChart {
        let l = language
        let located = plan.sites.filter { $0.open && $0.location != nil }
        let index = Dictionary(located.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let blocks = plan.blocks.compactMap { block -> ZoneMap.Block? in
            guard let location = block.location else { return nil }
            return ZoneMap.Block(id: block.id, name: block.name, location: location, children: block.children,
                                 zone: block.site.flatMap { index[$0] })
        }
        let sites = located.map { ZoneMap.School(code: $0.id, name: "\($0.name)（\(statusName($0.status))）", location: $0.location!) }
        let options = ZoneMap.Options(
            title: l.pick("\(plan.stage.chineseName)布局图", "School layout, \(plan.stage.englishName)"), tileURLTemplate: tiles,
            schoolLabel: l.pick("开办布点", "Open site"), blockLabel: l.pick("居住片区（点的大小表示适龄儿童数）", "Residential block (dot area: children)"),
            unplacedLabel: l.pick("未能安置", "Not placed"))
        return .zones(ZoneMap(blocks: blocks, schools: sites, options: options))
    }

    private func headline(_ plan: LayoutPlan) -> [ReportFact] {
        let l = language
        let target: ReportFact = switch plan.target {
        case .open(let p): ReportFact(l.pick("开办布点数", "Sites open"), .count(p))
        case .budget(let b): ReportFact(l.pick("建设预算（新建与扩班）", "Budget (building and classes)"), .money(b, inTenThousands: true))
        }
        let optimality = switch plan.optimality {
        case .optimal: l.pick("最优（已证明）", "optimal (proven)")
        case .bounded: l.pick("有界（差距见上）", "bounded (gap above)")
        case .feasible: l.pick("可行（学位不足，无下界）", "feasible (places short, no bound)")
        }
        var priced: [ReportFact] = []
        if let price = plan.pricePerChildKm {
            priced = [
                ReportFact(l.pick("每人·公里折算（元）", "Yuan per child-km"), .decimal(price, places: 2)),
                ReportFact(l.pick("加权目标（人·公里 +（新建 + 扩班费用）÷ 折算）", "Weighted objective (child-km + (building + classes) ÷ price)"),
                           .decimal(plan.weightedObjective, places: 1)),
            ]
        }
        return [
            ReportFact(l.pick("学段", "Stage"), .term(plan.stage.name(in: l), key: plan.stage.rawValue)),
            target,
            ReportFact(l.pick("适龄儿童", "Children"), .count(plan.children)),
            ReportFact(l.pick("未能安置", "Unplaced"), .count(plan.unplaced)),
            ReportFact(l.pick("总路程（人·公里）", "Child-km"), .decimal(plan.objective, places: 1)),
        ] + priced + [
            ReportFact(l.pick("下界", "Lower bound"), .decimal(plan.lowerBound, places: 1)),
            ReportFact(l.pick("与最优的差距", "Gap"), .percent(plan.gap)),
            ReportFact(l.pick("最优性", "Optimality"), .term(optimality, key: plan.optimality.rawValue)),
            ReportFact(l.pick("新建费用", "Building"), .money(plan.buildCost, inTenThousands: true)),
            ReportFact(l.pick("扩班费用", "Added classes"), .money(plan.expansionCost, inTenThousands: true)),
        ]
    }

    /// Site ids joined in the language's list style, or empty.
    private func idList(_ ids: [String]) -> ReportCell {
        ids.isEmpty ? .empty : .text(ids.joined(separator: language.pick("、", ", ")))
    }

    /// The name of a site's class.
    func statusName(_ status: LayoutSiteStatus) -> String {
        let l = language
        return switch status {
        case .permanent: l.pick("永久性保留", "keep permanently")
        case .transitional: l.pick("过渡性保留", "keep for a transition")
        case .merged: l.pick("撤并", "merge")
        case .built: l.pick("新建", "build")
        case .unused: l.pick("不选用", "not used")
        }
    }

    /// Why a site is in its class, in a sentence.
    func reason(_ site: LayoutPlannedSite, in plan: LayoutPlan) -> String {
        let l = language
        let threshold = rules.mergerThreshold(plan.stage)
        switch site.status {
        case .permanent:
            return site.keep ? l.pick("必须保留", "kept by rule")
                : l.pick("方案划入\(site.children)人，不低于撤并标准\(threshold)人", "\(site.children) children in the plan, at or above the merger threshold of \(threshold)")
        case .transitional:
            let below = l.pick("方案划入\(site.children)人，低于撤并标准\(threshold)人", "\(site.children) children in the plan, below the merger threshold of \(threshold)")
            guard let m = plan.mergerCandidates.first(where: { $0.site == site.id }) else { return below }
            let km = Decimals.grouped(m.addedChildKm, places: 1)
            return below + l.pick(
                "；若撤并：增加\(km)人·公里，接收方需增学位\(m.placesNeeded)个，\(m.beyondLimit)人超出服务半径，\(m.stranded)人无其他可达布点",
                "; if merged: \(km) child-km added, \(m.placesNeeded) places the receivers need, \(m.beyondLimit) children beyond the limit, \(m.stranded) with no other site")
        case .merged:
            return l.pick("附近布点就学路程更短或总路程更优，学生并入接收学校", "its children are nearer, in total, to the receiving sites")
        case .built:
            return l.pick("新建后划入\(site.children)人", "\(site.children) children once built")
        case .unused:
            return l.pick("方案未选用", "not chosen by the plan")
        }
    }

    private func sitesSection(_ plan: LayoutPlan) -> ReportSection {
        let l = language
        var table = ReportTable(name: l.pick("布点", "Sites"), columns: [
            ReportColumn("site_id", l.pick("布点编号", "Site")), ReportColumn("site_name", l.pick("名称", "Name")),
            ReportColumn("school_code", l.pick("学校标识码", "School code")), ReportColumn("status", l.pick("分类", "Class")),
            ReportColumn("children", l.pick("方案儿童", "Children")), ReportColumn("places", l.pick("现有学位", "Places today")),
            ReportColumn("classes_added", l.pick("需增班数", "Classes added")), ReportColumn("expansion_cost", l.pick("扩班费用", "Added classes cost")),
            ReportColumn("build_cost", l.pick("新建费用", "Building cost")),
            ReportColumn("above_largest_school", l.pick("超过规模上限（评估第4项）", "Above the largest size (item 4)")),
            ReportColumn("reason", l.pick("理由", "Reason")),
        ], frozenColumns: 2)
        for site in plan.sites {
            table.rows.append([
                .code(site.id), .text(site.name), site.schoolCode.map { .code($0) } ?? .empty,
                .term(statusName(site.status), key: site.status.rawValue), .count(site.children),
                site.places.map { .count($0) } ?? .text(l.pick("不限", "unlimited")), .count(site.classesAdded),
                .money(site.expansionCost, inTenThousands: true), site.existing ? .empty : .money(site.buildCost, inTenThousands: true),
                .verdict(site.aboveLargestSchool ? l.pick("超过", "above") : l.pick("否", "no"), key: site.aboveLargestSchool ? "above" : "within",
                         passes: !site.aboveLargestSchool),
                .text(reason(site, in: plan)),
            ])
        }
        return ReportSection(id: "sites", l.pick("布点分类（永久性保留、过渡性保留、撤并、新建）", "Sites and their class"), [.table(table)])
    }

    /// The plan's mergers, or what merging each 过渡性保留 school would do (`candidates`).
    private func mergersSection(_ mergers: [LayoutMerger], candidates: Bool) -> ReportSection {
        let l = language
        var table = ReportTable(name: candidates ? l.pick("撤并测算", "If merged") : l.pick("撤并", "Mergers"), columns: [
            ReportColumn("site_id", candidates ? l.pick("过渡性保留布点", "Transitional site") : l.pick("撤并布点", "Closing site")),
            ReportColumn("year", candidates ? l.pick("最早可撤并年份", "Earliest year") : l.pick("撤并年份（方案第几年）", "Year of the plan")),
            ReportColumn("children", l.pick("涉及儿童", "Children")), ReportColumn("receivers", l.pick("接收布点（人数）", "Receivers (children)")),
            ReportColumn("added_child_km", l.pick("增加路程（人·公里）", "Added child-km")),
            ReportColumn("places_needed", l.pick("接收方需增学位", "Places receivers need")),
            ReportColumn("beyond_limit", l.pick("超出服务半径的儿童", "Children beyond the limit")),
            ReportColumn("stranded", l.pick("无其他可达布点的儿童", "Children with no other site")),
        ])
        for m in mergers {
            table.rows.append([
                .code(m.site), .count(m.year), .count(m.children),
                .text(m.receivers.map { "\($0.site)（\($0.children)）" }.joined(separator: l.pick("、", ", "))),
                .decimal(m.addedChildKm, places: 1), .count(m.placesNeeded),
                .judged(Double(m.beyondLimit), places: 0, passes: m.beyondLimit == 0),
                .judged(Double(m.stranded), places: 0, passes: m.stranded == 0),
            ])
        }
        if candidates {
            return ReportSection(id: "merger_candidates", l.pick("撤并测算（过渡性保留学校若撤并）", "If the transitional schools were merged"), [.table(table)])
        }
        return ReportSection(id: "mergers", l.pick("撤并与接收（先建后撤）", "Mergers and receivers (build first, then close)"), [.table(table)])
    }

    /// The community-size rules' requirements and where the network falls short (001 §3).
    private func requirementsSection(_ plan: LayoutPlan) -> ReportSection {
        let l = language
        let unlimited = ReportCell.text(l.pick("不限", "unlimited"))
        var table = ReportTable(name: l.pick("社区配建", "Community rules"), columns: [
            ReportColumn("block_id", l.pick("社区（片区）编号", "Community (block)")), ReportColumn("block_name", l.pick("名称", "Name")),
            ReportColumn("population", l.pick("常住人口", "Residents")), ReportColumn("children", l.pick("适龄儿童", "Children")),
            ReportColumn("schools_required", l.pick("应设学校", "Schools required")),
            ReportColumn("classes_each", l.pick("每校班数", "Classes each")),
            ReportColumn("classes_needed", l.pick("需要班数", "Classes needed")),
            ReportColumn("sites_today", l.pick("现有学校", "Schools today")), ReportColumn("classes_today", l.pick("现有班数", "Classes today")),
            ReportColumn("schools_short_today", l.pick("现缺学校", "Schools short today")),
            ReportColumn("classes_short_today", l.pick("现缺班数", "Classes short today")),
            ReportColumn("outside_rule_today", l.pick("现班数不合规模的学校", "Schools outside the size today")),
            ReportColumn("sites_planned", l.pick("方案学校", "Schools in the plan")), ReportColumn("classes_planned", l.pick("方案班数", "Classes in the plan")),
            ReportColumn("schools_short_planned", l.pick("方案仍缺学校", "Schools short in the plan")),
            ReportColumn("classes_short_planned", l.pick("方案仍缺班数", "Classes short in the plan")),
            ReportColumn("outside_rule_planned", l.pick("方案班数不合规模的学校", "Schools outside the size in the plan")),
            ReportColumn("blocks", l.pick("所含片区", "Blocks")),
        ], frozenColumns: 2)
        for r in plan.requirements {
            let each = r.rule.classesMax.map { "\(r.rule.classesMin)–\($0)" } ?? l.pick("\(r.rule.classesMin)以上", "\(r.rule.classesMin) or more")
            table.rows.append([
                .code(r.block), .text(r.name), .count(r.population), .count(r.children), .count(r.schoolsRequired), .text(each),
                .count(r.classesNeeded),
                idList(r.today.sites), r.today.classes.map { .count($0) } ?? unlimited,
                .judged(Double(r.today.schoolsShort), places: 0, passes: r.today.schoolsShort == 0),
                .judged(Double(r.today.classesShort), places: 0, passes: r.today.classesShort == 0), idList(r.today.outsideRule),
                idList(r.planned.sites), r.planned.classes.map { .count($0) } ?? unlimited,
                .judged(Double(r.planned.schoolsShort), places: 0, passes: r.planned.schoolsShort == 0),
                .judged(Double(r.planned.classesShort), places: 0, passes: r.planned.classesShort == 0), idList(r.planned.outsideRule),
                idList(r.blocks),
            ])
        }
        var blocks: [ReportBlock] = [.table(table)]
        if plan.requirements.contains(where: { !$0.forecast.isEmpty }) {
            var later = ReportTable(name: l.pick("社区班数预测", "Community needs ahead"), columns: [
                ReportColumn("block_id", l.pick("社区（片区）编号", "Community (block)")), ReportColumn("block_name", l.pick("名称", "Name")),
                ReportColumn("year", l.pick("年份", "Year")), ReportColumn("children", l.pick("预测适龄儿童", "Children forecast")),
                ReportColumn("classes_needed", l.pick("需要班数", "Classes needed")),
                ReportColumn("classes_planned", l.pick("方案班数", "Classes in the plan")),
                ReportColumn("classes_short", l.pick("方案缺班数", "Classes short")),
            ], frozenColumns: 2)
            for r in plan.requirements {
                for f in r.forecast {
                    later.rows.append([
                        .code(r.block), .text(r.name), .count(f.year), .count(f.children), .count(f.classesNeeded),
                        r.planned.classes.map { .count($0) } ?? unlimited,
                        .judged(Double(f.classesShort), places: 0, passes: f.classesShort == 0),
                    ])
                }
            }
            blocks.append(.table(later))
        }
        return ReportSection(id: "requirements", l.pick("社区配建要求与缺口（布点属于最近的片区）", "Community rules: what each community needs and lacks (a site belongs to its nearest block)"),
                             blocks)
    }

    private func yearsSection(_ plan: LayoutPlan) -> ReportSection {
        let l = language
        var table = ReportTable(name: l.pick("实施步骤", "Sequence"), columns: [
            ReportColumn("year", l.pick("年份", "Year")), ReportColumn("opened", l.pick("启用新建布点", "Sites opened")),
            ReportColumn("grown", l.pick("完成扩班", "Classes added at")), ReportColumn("closed", l.pick("撤并", "Closed")),
            ReportColumn("placed", l.pick("有学位的儿童", "Children placed")), ReportColumn("children", l.pick("适龄儿童", "Children")),
            ReportColumn("above_capacity", l.pick("超出学位的布点", "Sites above places")),
        ])
        for y in plan.years {
            table.rows.append([.count(y.year), idList(y.opened), idList(y.grown), idList(y.closed),
                               .judged(Double(y.placed), places: 0, passes: y.placed == y.children), .count(y.children), idList(y.aboveCapacity)])
        }
        return ReportSection(id: "years", l.pick("实施步骤（第1年建设，第2年按方案就学）", "Sequence (year 1 builds, year 2 runs the plan)"), [.table(table)])
    }

    /// Every block and its site: the CSV of `--format csv`, and the report's detail table.
    public func assignments(_ plan: LayoutPlan, detail: Bool = false) -> ReportTable {
        let l = language
        let names = Dictionary(plan.sites.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var table = ReportTable(name: l.pick("片区划入布点", "Blocks and sites"), columns: [
            ReportColumn("block_id", l.pick("社区（片区）编号", "Community (block)")), ReportColumn("block_name", l.pick("名称", "Name")),
            ReportColumn("site_id", l.pick("布点编号", "Site")), ReportColumn("site_name", l.pick("布点名称", "Site name")),
            ReportColumn("children", l.pick("适龄儿童", "Children")), ReportColumn("distance", l.pick("距离（公里）", "km")),
            ReportColumn("today_site", l.pick("现就读布点", "Today's site")), ReportColumn("today_distance", l.pick("现距离（公里）", "Today's km")),
        ], isDetail: detail, frozenColumns: 2)
        for b in plan.blocks {
            table.rows.append([
                .code(b.id), .text(b.name), b.site.map { .code($0) } ?? .empty, b.site.flatMap { names[$0] }.map { .text($0) } ?? .empty,
                .count(b.children), .decimal(b.kilometres, places: 3), b.today.map { .code($0) } ?? .empty, .decimal(b.todayKilometres, places: 3),
            ])
        }
        return table
    }
}
