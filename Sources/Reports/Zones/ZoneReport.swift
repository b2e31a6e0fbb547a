import Domain
import Planning
import Spreadsheet

/// The zones of one county and stage (学区划分方案) as a ``Report`` — one builder for every
/// medium: `junheng plan zones` renders it as terminal text, CSV of its assignments (one row per
/// block: `block_id,block_name,school_code,school_name,children,migrants,distance,
/// nearest_school,nearest_distance,current_school`), a workbook, and the web page.
///
/// What a planner reads: the plan's cost against its lower bound; today's zones against the
/// plan (就近入学比例, within the distance limit, government items 13 and 15, child-km, children
/// moved, places exceeded); each school's children against its places; where children are
/// unplaced and places short; every block's school.
public struct ZoneReport: Sendable {
    public let language: Language
    let rules: ZoningRules

    public init(rules: ZoningRules = .defaults, language: Language) {
        self.rules = rules
        self.language = language
    }

    /// The name of the workbook's first sheet.
    public var summaryName: String { Term.summary.name(in: language) }

    public func report(_ plan: ZoningPlan, map: ReportChart? = nil) -> Report {
        let l = language
        var sections = [measuresSection(plan), schoolsSection(plan)]
        if let map { sections.insert(ReportSection(id: "map", l.pick("学区图", "Zone map"), [.chart(map)]), at: 0) }
        if let unplaced = unplacedSection(plan) { sections.append(unplaced) }
        if !plan.islands.isEmpty {
            sections.append(ReportSection(id: "islands", l.pick("飞地", "Islands"), [.note(l.pick(
                "以下片区未能与本学区其他片区连片（学位不足所致）：", "These blocks could not be joined to the rest of their zone (places are short): ")
                + plan.islands.joined(separator: l.pick("、", ", ")))]))
        }
        sections.append(ReportSection(id: "assignments", l.pick("片区划入学校", "Blocks and their schools"), [.table(assignments(plan, detail: true))]))
        return Report(title: l.pick("\(plan.stage.chineseName)学区划分方案", "Enrollment zones, \(plan.stage.englishName)"),
                      headline: headline(plan), sections: sections)
    }

    /// The plan on a map (``ZoneMap``), for ``report(_:map:)``: every block with a location
    /// as a dot of its children, in the zone of its school — the index of that school among
    /// the plan's schools that have a location, so a zone is coloured only when its school is
    /// drawn; a block zoned to an unlocated school, or unplaced, is drawn as 未划片 — and every
    /// located school as a marker. Blocks and schools without a location are left out (the
    /// tables list them all).
    ///
    /// - Parameter tiles: a basemap's tile address template (`…/{z}/{x}/{y}.png`), or `nil`.
    public func map(_ plan: ZoningPlan, tiles: String? = nil) -> ReportChart {
        let l = language
        let located = plan.schools.filter { $0.location != nil }
        let index = Dictionary(located.enumerated().map { ($0.element.code, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let blocks = plan.blocks.compactMap { block -> ZoneMap.Block? in
            guard let location = block.location else { return nil }
            return ZoneMap.Block(id: block.id, name: block.name, location: location, children: block.children,
                                 zone: block.school.flatMap { index[$0] })
        }
        let schools = located.map { ZoneMap.School(code: $0.code, name: $0.name, location: $0.location!) }
        let options = ZoneMap.Options(
            title: l.pick("\(plan.stage.chineseName)学区图", "Enrollment zones, \(plan.stage.englishName)"), tileURLTemplate: tiles,
            schoolLabel: l.pick("学校", "School"), blockLabel: l.pick("居住片区（点的大小表示适龄儿童数）", "Residential block (dot area: children)"),
            unplacedLabel: l.pick("未划片", "Not zoned"))
        return .zones(ZoneMap(blocks: blocks, schools: schools, options: options))
    }

    private func headline(_ plan: ZoningPlan) -> [ReportFact] {
        let l = language
        let m = plan.planned
        return [
            ReportFact(l.pick("县区代码", "County"), .code(plan.countyCode)),
            ReportFact(l.pick("学段", "Stage"), .term(plan.stage.name(in: l), key: plan.stage.rawValue)),
            ReportFact(l.pick("适龄儿童", "Children"), .count(m.children)),
            ReportFact(l.pick("已划入学校", "Placed"), .count(m.placed)),
            ReportFact(l.pick("未能安置", "Unplaced"), .count(m.unplaced)),
            ReportFact(l.pick("总路程（人·公里）", "Child-km"), .decimal(plan.objective, places: 1)),
            ReportFact(l.pick("目标值（含调整权重）", "Objective (with move weight)"), .decimal(plan.weightedObjective, places: 1)),
            ReportFact(l.pick("下界", "Lower bound"), .decimal(plan.lowerBound, places: 1)),
            ReportFact(l.pick("与最优的差距", "Gap"), .percent(plan.gap)),
            ReportFact(l.pick("最优性", "Optimality"), .term(
                plan.optimality == .optimal ? l.pick("最优", "optimal") : l.pick("可行（差距见上）", "feasible (gap above)"), key: plan.optimality.rawValue)),
        ]
    }

    private func measuresSection(_ plan: ZoningPlan) -> ReportSection {
        let l = language
        var columns = [ReportColumn("measure", l.pick("指标", "Measure"))]
        if plan.current != nil { columns.append(ReportColumn("current", l.pick("现行学区", "Today"))) }
        columns.append(ReportColumn("planned", l.pick("划分方案", "Plan")))
        var table = ReportTable(name: l.pick("学区指标", "Zone measures"), columns: columns)
        let limit = rules.distanceLimit[plan.stage].map { DecimalNumber.text($0) } ?? "—"
        let rows: [(String, String, (ZoneMeasures) -> ReportCell)] = [
            ("children", l.pick("适龄儿童", "Children"), { .count($0.children) }),
            ("placed", l.pick("划入学校", "Placed"), { .count($0.placed) }),
            ("nearest_share", l.pick("就近入学比例（最近学校）", "Zoned to the nearest school"), { .percent($0.nearestShare) }),
            ("within_limit_share", l.pick("服务半径（\(limit)公里）内比例", "Within the limit (\(limit) km)"), { .percent($0.withinLimitShare) }),
            ("urban_nearby_share", l.pick("城区就近入学比例", "Nearby share, urban schools"), { .percent($0.nearbyShare(at: .urban)) }),
            ("town_nearby_share", l.pick("镇区就近入学比例", "Nearby share, town schools"), { .percent($0.nearbyShare(at: .town)) }),
            ("rural_nearby_share", l.pick("乡村就近入学比例", "Nearby share, rural schools"), { .percent($0.nearbyShare(at: .rural)) }),
            ("urban_town_nearby_share", l.pick("城区和镇区就近入学比例（评估第13项）", "Urban and town nearby share (item 13)"), { .percent($0.urbanTownNearbyShare) }),
            ("migrant_share", l.pick("随迁子女在公办学校比例（评估第15项）", "Migrant children in public schools (item 15)"), { .percent($0.migrantShare) }),
            ("child_kilometres", l.pick("总路程（人·公里）", "Child-km"), { .decimal($0.childKilometres, places: 1) }),
            ("moved", l.pick("调整学校的儿童", "Children moved from today's school"), { .count($0.moved) }),
            ("over_capacity", l.pick("超出学位", "Above places"), { .count($0.schools.reduce(0) { $0 + $1.overCapacity }) }),
        ]
        for (key, name, cell) in rows {
            var row: [ReportCell] = [.term(name, key: key)]
            if let current = plan.current { row.append(cell(current)) }
            row.append(cell(plan.planned))
            table.rows.append(row)
        }
        var blocks: [ReportBlock] = [.table(table)]
        if plan.current == nil {
            blocks.append(.note(l.pick("片区文件未给出现划入学校，只列出方案。", "The blocks file names no current schools: the plan alone is shown.")))
        }
        return ReportSection(id: "measures", l.pick("学区指标", "Zone measures"), blocks)
    }

    private func schoolsSection(_ plan: ZoningPlan) -> ReportSection {
        let l = language
        let today = Dictionary(plan.current?.schools.map { ($0.code, $0) } ?? [], uniquingKeysWith: { a, _ in a })
        var table = ReportTable(name: l.pick("学校学位", "School places"), columns: [
            ReportColumn("school_code", l.pick("学校标识码", "School code")), ReportColumn("school_name", l.pick("学校名称", "School")),
            ReportColumn("locality", l.pick("城乡类型", "Locality")), ReportColumn("capacity", l.pick("学位数", "Places")),
            ReportColumn("capacity_estimated", l.pick("学位数来源", "Places from")),
            ReportColumn("current_children", l.pick("现行学区儿童", "Today")), ReportColumn("current_over_capacity", l.pick("现超出学位", "Today above places")),
            ReportColumn("children", l.pick("方案儿童", "Plan")), ReportColumn("utilisation", l.pick("方案学位使用率", "Plan use of places")),
        ], frozenColumns: 2)
        for (school, load) in zip(plan.schools, plan.planned.schools) {
            let now = today[school.code]
            table.rows.append([
                .link(school.code, to: .school(code: school.code)), .text(school.name),
                .term(school.locality.name(in: l), key: school.locality.rawValue),
                .count(school.capacity),
                .term(school.capacityEstimated ? l.pick("班数×标准班额", "classes × standard size") : l.pick("学位数", "places column"),
                      key: school.capacityEstimated ? "estimated" : "given"),
                now.map { .count($0.children) } ?? .empty,
                now.map { .judged(Double($0.overCapacity), places: 0, passes: $0.overCapacity == 0) } ?? .empty,
                .count(load.children), .percent(load.utilisation),
            ])
        }
        return ReportSection(id: "schools", l.pick("各校学位", "Places by school"), [.table(table)])
    }

    private func unplacedSection(_ plan: ZoningPlan) -> ReportSection? {
        let l = language
        let shortages = plan.planned.shortages
        guard !shortages.isEmpty else { return nil }
        var table = ReportTable(name: l.pick("学位缺口", "Places short"), columns: [
            ReportColumn("school_code", l.pick("最近学校", "Nearest school")), ReportColumn("blocks", l.pick("片区数", "Blocks")),
            ReportColumn("children", l.pick("未安置儿童", "Unplaced children")),
        ])
        for s in shortages {
            table.rows.append([s.school.map { .code($0) } ?? .text(l.pick("（无可达学校）", "(no school reachable)")), .count(s.blocks), .count(s.children)])
        }
        return ReportSection(id: "unplaced", l.pick("未能安置的儿童", "Children without a place"), [
            .paragraph(l.pick("公办学位不足或超出服务半径，\(plan.planned.unplaced)名儿童未能划入学校；按最近学校汇总如下，即需增加学位之处。",
                              "\(plan.planned.unplaced) children could not be zoned to a public school with room (or within the limit); by their nearest school, where places must be added:")),
            .table(table),
        ])
    }

    /// Every block and its school: the CSV of `--format csv`, and the report's detail table.
    public func assignments(_ plan: ZoningPlan, detail: Bool = false) -> ReportTable {
        let l = language
        let names = Dictionary(plan.schools.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        var table = ReportTable(name: l.pick("片区划入学校", "Blocks and schools"), columns: [
            ReportColumn("block_id", l.pick("片区编号", "Block")), ReportColumn("block_name", l.pick("片区名称", "Block name")),
            ReportColumn("school_code", l.pick("划入学校标识码", "School code")), ReportColumn("school_name", l.pick("划入学校", "School")),
            ReportColumn("children", l.pick("适龄儿童", "Children")), ReportColumn("migrants", l.pick("随迁子女", "Migrant children")),
            ReportColumn("distance", l.pick("距离（公里）", "km")), ReportColumn("nearest_school", l.pick("最近学校", "Nearest school")),
            ReportColumn("nearest_distance", l.pick("最近距离（公里）", "Nearest km")), ReportColumn("current_school", l.pick("现划入学校", "Today's school")),
        ], isDetail: detail, frozenColumns: 2)
        for b in plan.blocks {
            table.rows.append([
                .code(b.id), .text(b.name), b.school.map { .code($0) } ?? .empty, b.school.flatMap { names[$0] }.map { .text($0) } ?? .empty,
                .count(b.children), .count(b.migrants), .decimal(b.kilometres, places: 3), b.nearest.map { .code($0) } ?? .empty,
                .decimal(b.nearestKilometres, places: 3), b.current.map { .code($0) } ?? .empty,
            ])
        }
        return table
    }
}
