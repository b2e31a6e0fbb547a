import Domain
import Planning

/// The high-school places allocated to junior schools (优质高中招生名额分配到校) as a ``Report``
/// — one builder for every medium: `junheng plan quota` renders it as terminal text, CSV of its
/// places (one row per high school and junior school:
/// `high_school,year,county_code,school_code,school_name,rural,graduates,eligible,weight,quota,places,group`)
/// and a workbook; the web page shows the same.
///
/// What a bureau publishes and a supervisor checks: the share of the plans allocated (item 14,
/// ≥ 50 %), rural schools' share of the places against their share of the graduates (the tilt
/// the item asks for), each high school's plan, and each junior school's places.
public struct QuotaReport: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    /// The name of the workbook's first sheet.
    public var summaryName: String { Term.summary.name(in: language) }

    public func report(_ allocations: [QuotaAllocation], rules: QuotaRules) -> Report {
        let l = language
        return Report(title: l.pick("优质高中招生名额分配到校方案", "Quality high-school places allocated to junior schools"),
                      headline: headline(allocations, rules: rules),
                      sections: [
                          ReportSection(id: "high_schools", l.pick("各高中招生计划与分配", "Each high school's plan"), [.table(highSchools(allocations))]),
                          ReportSection(id: "schools", l.pick("各初中学校名额合计", "Each junior school's places"), [.table(schools(allocations))]),
                          ReportSection(id: "places", l.pick("分配明细（按高中、初中学校）", "Places by high school and junior school"), [.table(places(allocations))]),
                      ])
    }

    /// The county's (or city's) figures of item 14 over every allocation.
    private func headline(_ allocations: [QuotaAllocation], rules: QuotaRules) -> [ReportFact] {
        let l = language
        let summary = QuotaAllocation.Summary(allocations)
        let total = summary.totalPlaces, allocated = summary.allocatedPlaces, share = summary.allocatedShare, tilt = summary.tilt
        let shareMet = share.map { $0 >= 0.5 }
        var facts = [
            ReportFact(l.pick("分配方法", "Method"), .term(methodName(rules.method), key: rules.method.rawValue)),
            ReportFact(l.pick("优质高中", "High schools"), .count(Set(allocations.flatMap { $0.plans.map(\.quota.highSchool) }).count)),
            ReportFact(l.pick("招生计划数", "Places planned"), .count(total)),
            ReportFact(l.pick("分配到初中学校", "Allocated to junior schools"), .count(allocated)),
            ReportFact(l.pick("分配比例（%，评估第14项 ≥ 50）", "Share allocated (%, item 14 ≥ 50)"), .judged(share.map { $0 * 100 }, places: 1, passes: shareMet)),
            ReportFact(l.pick("农村初中毕业生占比", "Rural schools' share of graduates"), .percent(tilt.shareOfGraduates)),
            ReportFact(l.pick("农村初中名额占比", "Rural schools' share of places"), .percent(tilt.shareOfPlaces)),
            ReportFact(l.pick("向农村初中倾斜", "Tilted to rural schools"),
                       .verdict(tilt.holds ? l.pick("是", "yes") : l.pick("否", "no"), key: tilt.holds ? "yes" : "no", passes: tilt.holds)),
        ]
        if let seed = rules.lotterySeed { facts.append(ReportFact(l.pick("摇号种子", "Lottery seed"), .code(String(seed)))) }
        if rules.groupSmallSchools { facts.append(ReportFact(l.pick("小规模学校", "Small schools"), .text(l.pick("不足半个名额的学校联合分配", "grouped when under half a place")))) }
        return facts
    }

    /// The method's name (最大余额法 …).
    func methodName(_ method: ApportionmentMethod) -> String {
        let l = language
        return switch method {
        case .largestRemainder: l.pick("最大余额法", "largest remainder")
        case .sainteLague: l.pick("圣拉格法", "Sainte-Laguë")
        case .dHondt: l.pick("顿特法", "D'Hondt")
        case .huntingtonHill: l.pick("亨廷顿–希尔法", "Huntington–Hill")
        }
    }

    private func scope(_ allocation: QuotaAllocation) -> ReportCell {
        allocation.countyCode.map { .code($0) } ?? .text(language.pick("全市", "city-wide"))
    }

    private func highSchools(_ allocations: [QuotaAllocation]) -> ReportTable {
        let l = language
        var table = ReportTable(name: l.pick("高中", "High schools"), columns: [
            ReportColumn("high_school", l.pick("高中学校", "High school")), ReportColumn("year", l.pick("年度", "Year")),
            ReportColumn("county_code", l.pick("县区代码", "County")), ReportColumn("total_places", l.pick("招生计划数", "Places planned")),
            ReportColumn("allocated_share", l.pick("分配比例", "Share to allocate")), ReportColumn("allocated", l.pick("分配到校名额", "Allocated")),
            ReportColumn("min_per_school", l.pick("每校最少名额", "Minimum per school")), ReportColumn("rural_weight", l.pick("农村学校倾斜系数", "Rural weight")),
            ReportColumn("schools", l.pick("参与分配学校", "Junior schools")), ReportColumn("rural_places", l.pick("农村初中名额", "Rural schools' places")),
        ], frozenColumns: 1)
        for allocation in allocations {
            for plan in allocation.plans {
                table.rows.append([
                    .code(plan.quota.highSchool), .count(plan.quota.year), scope(allocation), .count(plan.quota.totalPlaces),
                    .judged(plan.quota.allocatedShare * 100, places: 1, passes: plan.quota.allocatedShare >= 0.5),
                    .count(plan.allocated), plan.quota.minimumPerSchool.map { .count($0) } ?? .empty,
                    plan.quota.ruralWeight.map { .stated($0) } ?? .empty, .count(plan.lines.count),
                    .count(plan.lines.reduce(0) { $0 + ($1.rural ? $1.places : 0) }),
                ])
            }
        }
        return table
    }

    /// One row per junior school: its places from every high school, against its graduates.
    private func schools(_ allocations: [QuotaAllocation]) -> ReportTable {
        let l = language
        var table = ReportTable(name: l.pick("初中学校", "Junior schools"), columns: [
            ReportColumn("year", l.pick("年度", "Year")), ReportColumn("county_code", l.pick("县区代码", "County")),
            ReportColumn("school_code", l.pick("学校标识码", "School code")), ReportColumn("school_name", l.pick("学校名称", "School")),
            ReportColumn("rural", l.pick("农村学校", "Rural")), ReportColumn("graduates", l.pick("应届毕业生数", "Graduates")),
            ReportColumn("eligible", l.pick("符合条件人数", "Eligible")), ReportColumn("share_of_graduates", l.pick("占毕业生比例", "Share of graduates")),
            ReportColumn("places", l.pick("名额合计", "Places")), ReportColumn("share_of_places", l.pick("占分配名额比例", "Share of places")),
        ], frozenColumns: 4)
        for allocation in allocations {
            let graduates = allocation.schools.reduce(0) { $0 + $1.graduates }, allocated = allocation.allocatedPlaces
            var places: [String: Int] = [:]
            for line in allocation.plans.lazy.flatMap(\.lines) { places[line.schoolCode, default: 0] += line.places }
            for school in allocation.schools {
                let got = places[school.schoolCode] ?? 0
                table.rows.append([
                    .count(allocation.year), .code(school.countyCode), .link(school.schoolCode, to: .school(code: school.schoolCode)),
                    .text(school.schoolName), ruralCell(school.rural), .count(school.graduates), .count(school.eligible),
                    .percent(graduates > 0 ? Double(school.graduates) / Double(graduates) : nil), .count(got),
                    .percent(allocated > 0 ? Double(got) / Double(allocated) : nil),
                ])
            }
        }
        return table
    }

    private func ruralCell(_ rural: Bool) -> ReportCell {
        .term(rural ? language.pick("是", "yes") : language.pick("否", "no"), key: rural ? "yes" : "no")
    }

    /// The published table: every high school's places to every junior school — also the CSV of
    /// `junheng plan quota --format csv`.
    public func places(_ allocations: [QuotaAllocation]) -> ReportTable {
        let l = language
        var table = ReportTable(name: l.pick("分配明细", "Places"), columns: [
            ReportColumn("high_school", l.pick("高中学校", "High school")), ReportColumn("year", l.pick("年度", "Year")),
            ReportColumn("county_code", l.pick("县区代码", "County")), ReportColumn("school_code", l.pick("学校标识码", "School code")),
            ReportColumn("school_name", l.pick("学校名称", "School")), ReportColumn("rural", l.pick("农村学校", "Rural")),
            ReportColumn("graduates", l.pick("应届毕业生数", "Graduates")), ReportColumn("eligible", l.pick("符合条件人数", "Eligible")),
            ReportColumn("weight", l.pick("计算权重", "Weight")), ReportColumn("quota", l.pick("按比例应得", "Exact share")),
            ReportColumn("places", l.pick("分配名额", "Places")), ReportColumn("group", l.pick("联合分配组", "Group")),
        ], frozenColumns: 5)
        for allocation in allocations {
            for plan in allocation.plans {
                for line in plan.lines {
                    table.rows.append([
                        .code(plan.quota.highSchool), .count(plan.quota.year), .code(line.countyCode), .code(line.schoolCode),
                        .text(line.schoolName), ruralCell(line.rural), .count(line.graduates), .count(line.eligible),
                        .decimal(line.weight, places: 3), .decimal(line.quota, places: 3), .count(line.places),
                        line.group.map { .text($0) } ?? .empty,
                    ])
                }
            }
        }
        return table
    }
}
