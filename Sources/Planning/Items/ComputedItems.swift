import Domain

/// The county items of the 2017 method that Junheng computes from the data instead of taking
/// them as typed (the typed fact stays the fallback where the data do not decide):
/// - government item 4 (学校规模): from the school rows — every primary and junior school (and
///   完全中学's junior part) at most 2,000 students, every nine- or twelve-year school at most
///   2,500 in its compulsory stages; special schools are not counted;
/// - government item 5 (班额): every class at most 45 (primary) / 50 (junior) — the school
///   rows' 最大班额, or the enrollment file's largest class of the year for a school whose row
///   has none;
/// - government item 13 (就近划片入学比例): from the zones (``ZoneMeasures/urbanTownNearbyShare``)
///   — today's zones when every block names its school, else the plan;
/// - government item 14 (优质高中招生名额分配比例): from the high-school quota (指标到校) —
///   the places allocated to junior schools ÷ the quality high schools' plans, in percent; the
///   item also asks that the places lean towards rural junior schools, so when rural schools'
///   share of the places is below their share of the graduates the fact is `否` (not met),
///   with both shares in the evidence;
/// - government item 15 (随迁子女在公办学校就读比例): migrant children of the blocks zoned to a
///   public school ÷ all of them, both stages, from the same zones.
/// - government items 3, 6 and 7 and quality item 4 from the schools' rooms and funds under the
///   funding rules (``fromFunding(_:county:year:)``).
/// An item is computed only when every school (or block) it needs has the figure; its fact
/// says `computed`, and its evidence gives the figures and what they came from.
public struct ComputedItems: Sendable {
    /// The standard's item keys (only items the standard has are produced).
    public var keys: Set<String>
    public var rules: ZoningRules
    public var funding: FundingRules

    /// The keys produced, in the 2017 method.
    public static let schoolSize = "gov_04_school_size"
    public static let classSize = "gov_05_class_size"
    public static let nearbyPrimary = "gov_13_nearby_primary"
    public static let nearbyJunior = "gov_13_nearby_junior"
    public static let migrantShare = "gov_15_migrant_public_share"
    public static let quotaAllocation = "gov_14_quota_allocation"
    public static let musicArtRooms = "gov_03_music_art_rooms"
    public static let smallSchoolFunding = "gov_06_small_school_funding"
    public static let specialFunding = "gov_07_special_funding"
    public static let trainingFunds = "quality_04_training_funds"

    public init(standard: Standard, rules: ZoningRules = .defaults, funding: FundingRules = .defaults) {
        keys = Set(standard.facts.map(\.key))
        self.rules = rules
        self.funding = funding
    }

    /// Items 4 and 5 of `county` in `year` from its school rows and (optionally) the enrollment file.
    public func fromSchools(_ schools: [SchoolYear], county: String, year: Int, enrollment: [EnrollmentRecord] = []) -> [CountyFact] {
        let rows = schools.filter { $0.countyCode == county && $0.year == year && $0.type != .special }
        guard !rows.isEmpty else { return [] }
        var facts: [CountyFact] = []
        if keys.contains(Self.schoolSize), let fact = schoolSize(rows, county: county, year: year) { facts.append(fact) }
        if keys.contains(Self.classSize), let fact = classSize(rows, county: county, year: year, enrollment: enrollment) { facts.append(fact) }
        return facts
    }

    private func schoolSize(_ rows: [SchoolYear], county: String, year: Int) -> CountyFact? {
        var over: [String] = []
        for row in rows {
            let stages = row.type.stages.filter { $0 != .senior }
            guard !stages.isEmpty else { continue }
            let counts = stages.map { row.students(in: $0) }
            if counts.contains(where: { $0 == nil }) { return nil }
            let total = counts.reduce(0) { $0 + ($1 ?? 0) }
            let limit = row.type == .nineYear || row.type == .twelveYear ? rules.largestCombinedSchool : rules.largestSchool
            if total > limit { over.append("\(row.schoolName)（\(row.schoolCode)）\(total)人") }
        }
        let evidence = "由学校数据计算：\(rows.count)所学校" + (over.isEmpty ? "均不超过规模上限" : "，超过上限：" + Self.list(over))
        return CountyFact(year: year, countyCode: county, item: Self.schoolSize, value: over.isEmpty ? .yes : .no,
                          evidence: evidence, source: .computed)
    }

    private func classSize(_ rows: [SchoolYear], county: String, year: Int, enrollment: [EnrollmentRecord]) -> CountyFact? {
        var largestByFile: [String: [Stage: Int]] = [:]
        for r in enrollment where r.year == year {
            guard let largest = r.largestClass ?? (r.classes > 0 ? Int((Double(r.students) / Double(r.classes)).rounded(.up)) : nil) else { continue }
            let stage = EnrollmentRecord.stage(ofGrade: r.grade)
            largestByFile[r.schoolCode, default: [:]][stage] = max(largestByFile[r.schoolCode]?[stage] ?? 0, largest)
        }
        var over: [String] = []
        for row in rows {
            for stage in row.type.stages where stage != .senior {
                guard let record = row.record(for: stage), (record.students ?? 0) > 0 else { continue }
                guard let largest = record.largestClass ?? largestByFile[row.schoolCode]?[stage] else { return nil }
                let limit = stage == .primary ? 45 : 50
                if largest > limit { over.append("\(row.schoolName)（\(row.schoolCode)）\(stage.chineseName)\(largest)人") }
            }
        }
        let evidence = "由学校数据和分年级数据计算" + (over.isEmpty ? "：所有班级均不超过45/50人" : "，超过班额：" + Self.list(over))
        return CountyFact(year: year, countyCode: county, item: Self.classSize, value: over.isEmpty ? .yes : .no,
                          evidence: evidence, source: .computed)
    }

    /// Items 13 and 15 of `year` from the county's zone plans (one per stage).
    public func fromZones(_ plans: [ZoningPlan], year: Int) -> [CountyFact] {
        guard let county = plans.first?.countyCode else { return [] }
        var facts: [CountyFact] = []
        for plan in plans {
            let key = plan.stage == .primary ? Self.nearbyPrimary : Self.nearbyJunior
            let (measures, basis) = Self.inForce(plan)
            guard keys.contains(key), let share = measures.urbanTownNearbyShare else { continue }
            let urbanTown = [Locality.urban, .town].compactMap { measures.byLocality[$0] }
            let placed = urbanTown.reduce(0) { $0 + $1.placed }, nearby = urbanTown.reduce(0) { $0 + $1.nearby }
            facts.append(CountyFact(
                year: year, countyCode: county, item: key, value: .number(share * 100),
                evidence: "由片区数据计算（\(basis)）：城区和镇区\(plan.stage.chineseName)\(placed)人中就近入学\(nearby)人", source: .computed))
        }
        let migrants = plans.reduce(0) { $0 + Self.inForce($1).0.migrants }
        let placed = plans.reduce(0) { $0 + Self.inForce($1).0.migrantsPlaced }
        if keys.contains(Self.migrantShare), migrants > 0 {
            let basis = Set(plans.map { Self.inForce($0).1 }).sorted().joined(separator: "、")
            facts.append(CountyFact(
                year: year, countyCode: county, item: Self.migrantShare, value: .number(Double(placed) / Double(migrants) * 100),
                evidence: "由片区数据计算（\(basis)）：随迁子女\(migrants)人中在公办学校\(placed)人", source: .computed))
        }
        return facts
    }

    /// Items 3, 6 and 7 and quality item 4 of `county` in `year` from its school rows (special
    /// schools included) under the funding rules:
    /// - **item 3**: every primary, junior and combined school (教学点 and special schools aside)
    ///   with classes has ⌈classes ÷ 12⌉ music rooms and as many art rooms, each at least 96 m² /
    ///   90 m² (``Domain/Facilities/musicRoomArea``); computed when every such school reports the
    ///   rooms and their areas;
    /// - **item 6**: every small village primary or 教学点 (``FundingAllocation/floorApplies(to:)``,
    ///   fewer pupils than the floor) reports public funds of at least floor × the primary rate
    ///   (100 × 600 = 60,000 yuan in the centre and west); met when there is none; computed when
    ///   each has its funds;
    /// - **item 7**: the least public funds per pupil of the special schools (the figure the rule
    ///   compares with 6,000); computed when the county has special schools and each reports its funds;
    /// - **quality item 4**: every school with public funds spends at least 5 % of them on
    ///   training; computed when every school reports both.
    public func fromFunding(_ schools: [SchoolYear], county: String, year: Int) -> [CountyFact] {
        let rows = schools.filter { $0.countyCode == county && $0.year == year }
        guard !rows.isEmpty else { return [] }
        func fact(_ key: String, _ value: CountyFact.Value, _ evidence: String) -> CountyFact {
            CountyFact(year: year, countyCode: county, item: key, value: value, evidence: evidence, source: .computed)
        }
        func named(_ school: SchoolYear, _ detail: String) -> String { "\(school.schoolName)（\(school.schoolCode)）\(detail)" }
        func yuan(_ x: Double) -> String { Decimals.grouped(x, places: 0) }
        var facts: [CountyFact] = []
        let f = funding
        let regular = rows.filter { $0.type != .special && $0.type != .teachingPoint && !$0.type.stages.filter { $0 != .senior }.isEmpty }
        let withClasses = regular.filter { ($0.primary.classes ?? 0) + ($0.junior.classes ?? 0) > 0 }
        let measured = withClasses.allSatisfy { school in
            let f = school.facilities
            guard let music = f.musicRooms, let art = f.artRooms else { return false }
            return (music == 0 || f.musicRoomArea != nil) && (art == 0 || f.artRoomArea != nil)
        }
        if keys.contains(Self.musicArtRooms), !withClasses.isEmpty, measured {
            var short: [String] = []
            for school in withClasses {
                let classes = (school.primary.classes ?? 0) + (school.junior.classes ?? 0)
                let needed = (classes + f.classesPerRoom - 1) / f.classesPerRoom
                let music = school.facilities.musicRooms ?? 0, art = school.facilities.artRooms ?? 0
                var why: [String] = []
                if music < needed || art < needed { why.append("\(classes)个班，音乐\(music)间、美术\(art)间") }
                if music > 0, let area = school.facilities.musicRoomArea, area < f.musicRoomArea { why.append("音乐教室\(Decimals.grouped(area, places: 0))平方米") }
                if art > 0, let area = school.facilities.artRoomArea, area < f.artRoomArea { why.append("美术教室\(Decimals.grouped(area, places: 0))平方米") }
                if !why.isEmpty { short.append(named(school, why.joined(separator: "，"))) }
            }
            facts.append(fact(Self.musicArtRooms, short.isEmpty ? .yes : .no,
                              "由学校数据计算：\(withClasses.count)所学校每\(f.classesPerRoom)个班配音乐、美术专用教室各1间，每间不小于\(Decimals.grouped(f.musicRoomArea, places: 0))/\(Decimals.grouped(f.artRoomArea, places: 0))平方米"
                                  + (short.isEmpty ? "，均达到" : "；未达到：" + Self.list(short))))
        }
        let small = rows.filter { FundingAllocation.floorApplies(to: $0) && ($0.primary.students ?? 0) + ($0.junior.students ?? 0) < f.smallSchoolFloor }
        if keys.contains(Self.smallSchoolFunding), small.allSatisfy({ $0.publicFunds != nil }) {
            let least = Double(f.smallSchoolFloor) * f.rates.primary
            let under = small.filter { ($0.publicFunds ?? 0) < least - 1e-9 }
            let evidence = small.isEmpty
                ? "由学校数据计算：没有不足\(f.smallSchoolFloor)名学生的村小学和教学点"
                : "由学校数据计算：\(small.count)所不足\(f.smallSchoolFloor)名学生的村小学和教学点，公用经费应不低于\(yuan(least))元"
                    + (under.isEmpty ? "，均达到" : "；低于：" + Self.list(under.map { named($0, "\(yuan($0.publicFunds ?? 0))元") }))
            facts.append(fact(Self.smallSchoolFunding, under.isEmpty ? .yes : .no, evidence))
        }
        let special = rows.filter { $0.type == .special }
        if keys.contains(Self.specialFunding), !special.isEmpty, special.allSatisfy({ $0.publicFunds != nil }) {
            let perPupil = special.map { school -> (SchoolYear, Double) in
                let pupils = max(1, (school.primary.students ?? 0) + (school.junior.students ?? 0))
                return (school, (school.publicFunds ?? 0) / Double(pupils))
            }
            let least = perPupil.map(\.1).min() ?? 0
            facts.append(fact(Self.specialFunding, .number(least),
                              "由学校数据计算：\(special.count)所特殊教育学校生均公用经费" + perPupil.map { named($0.0, "\(yuan($0.1))元") }.joined(separator: "；")))
        }
        let funded = rows.filter { ($0.publicFunds ?? 0) > 0 }
        if keys.contains(Self.trainingFunds), !funded.isEmpty, funded.allSatisfy({ $0.trainingFunds != nil }) {
            let under = funded.filter { ($0.trainingFunds ?? 0) < f.trainingShare * ($0.publicFunds ?? 0) - 1e-9 }
            let share = Decimals.fixed(f.trainingShare * 100, places: 1)
            facts.append(fact(Self.trainingFunds, under.isEmpty ? .yes : .no,
                              "由学校数据计算：\(funded.count)所学校教师培训经费不低于公用经费的\(share)%"
                                  + (under.isEmpty ? "，均达到" : "；未达到：" + Self.list(under.map {
                                      named($0, "培训经费\(yuan($0.trainingFunds ?? 0))元，应不低于\(yuan(f.trainingShare * ($0.publicFunds ?? 0)))元")
                                  }))))
        }
        return facts
    }

    /// Item 14 of `county` in `year` from the quota allocations that cover it (its own, and
    /// those shared across every county); nil when none does.
    ///
    /// Worked example (tested): plans of 240 and 200 places at 50 % and 60 % allocate 120 + 120
    /// = 240 of 440, 54.5 %; rural schools with 25 % of the graduates get 30 % of the places,
    /// so the fact is 54.5 (met). Were their places 20 %, the fact would be 否.
    public func fromQuota(_ allocations: [QuotaAllocation], county: String, year: Int) -> CountyFact? {
        let covering = allocations.filter { $0.year == year && ($0.countyCode == nil || $0.countyCode == county) }
        guard keys.contains(Self.quotaAllocation), !covering.isEmpty else { return nil }
        let summary = QuotaAllocation.Summary(covering, county: county)
        let total = summary.totalPlaces, allocated = summary.allocatedPlaces, tilt = summary.tilt
        guard total > 0 else { return nil }
        let share = Double(allocated) / Double(total) * 100
        let highSchools = Set(covering.flatMap { $0.plans.map(\.quota.highSchool) }).count
        func percent(_ x: Double?) -> String { x.map { Decimals.fixed($0 * 100, places: 1) + "%" } ?? Decimals.notComputable }
        var evidence = "由指标到校分配计算：\(highSchools)所优质高中招生计划\(total)人，分配到初中学校\(allocated)人（\(Decimals.fixed(share, places: 1))%）；"
            + "农村初中毕业生占\(percent(tilt.shareOfGraduates))，获得名额\(percent(tilt.shareOfPlaces))"
        if !tilt.holds { evidence += "，未向农村初中倾斜" }
        return CountyFact(year: year, countyCode: county, item: Self.quotaAllocation, value: tilt.holds ? .number(share) : .no,
                          evidence: evidence, source: .computed)
    }

    /// The zones that decide the items: today's when the blocks name them, else the plan's.
    static func inForce(_ plan: ZoningPlan) -> (ZoneMeasures, String) {
        if let current = plan.current { return (current, "现行学区") }
        return (plan.planned, "学区划分方案")
    }

    private static func list(_ items: [String]) -> String {
        items.count <= 5 ? items.joined(separator: "；") : items.prefix(5).joined(separator: "；") + "等\(items.count)项"
    }
}
