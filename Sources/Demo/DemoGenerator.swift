import Domain

/// Synthetic but realistic demo data: county-level divisions with their schools (`schools`
/// rows) and county facts (`facts` rows) for one school year, and the schools' teachers
/// (`teachers` rows, ``teachers(of:)``), drawn deterministically from a seed. `junheng demo`
/// writes them as CSV.
///
/// ```swift
/// let demo = DemoGenerator(seed: 1, counties: 3000).generate()
/// demo.schools.count   // 129 830 SchoolYear values (≈ 43 per county)
/// demo.facts.count     // 120 000: one per county and fact item of quality-2017
/// ```
///
/// The same seed, county count and year give the same values on every platform (see
/// ``SeededGenerator``). Each county draws from its own stream, so `counties: 10` is a prefix
/// of `counties: 3000` with the same seed.
///
/// ## Assumptions
///
/// **Counties.** 6-digit codes: a real province prefix (26 provinces within 100–122° E,
/// 22–42° N, weighted by their number of counties), prefecture 01–16, then 01–20 for a 区 and
/// 21–80 for a 县; unique. 30 % are districts (区). Names: two place syllables + 县/区. The
/// centre lies within ±1.8° (lon) and ±1.4° (lat) of the province's. Each county has a hidden
/// development level d (uniform; districts lean higher) and urban–rural balance b
/// (0.6·uniform + 0.4·d); figures reach their top at d ≥ 0.96. Gaps between town and country
/// shrink with b; g below is 0 for urban, 0.45 for town and 1 for rural schools.
///
/// **Layout.** 25–70 schools per county (normal, mean 43, sd 10.5). The county seat (城区)
/// has a 实验小学 and 第N小学 (县: 8–14 % of the schools, 区: 25–35 %), a 实验中学 and
/// 第N初级中学, a 九年一贯制 实验学校 in 40 % of counties, 0–2 完全中学 (45/40/15 %), a
/// 十二年一贯制 school in 20 % (60 % of them private) and a 特殊教育学校 in 55 %. 3–8 townships
/// (县: 55 % 镇 = town locality, 45 % 乡 = rural; 区: all 镇) each have a 中心小学 and a 初级中学
/// (65 %) or 九年一贯制学校 (35 %). The rest are village primaries (rural; in a 镇, 35 % are the
/// town's 第二、第三小学 instead) and 教学点 (35–60 % of the rest in a 县, 0–25 % in a 区), each
/// belonging to its township's 中心小学 or 九年一贯制学校. 12 % of the seat's primaries and
/// juniors after the first are private (民办). School codes: `2` + county code + a 3-digit
/// serial. Coordinates (6 decimals): seat schools within 0.045° of the centre, townships
/// 0.08–0.4° away (区: 0.05–0.2°), villages within 0.1° of their township; 2 % report none.
///
/// **Students.** Seat primaries 1,200–2,800 (triangular, mode 1,800; 1,200–2,000 in counties
/// that cap school size), private 600–1,500; seat juniors 1,000–2,400 (mode 1,500; capped
/// 1,000–2,000); 实验学校 900–1,500 + 600–1,000; 完全中学 600–1,600 junior + 900–2,400 senior;
/// 十二年一贯制 500–1,200 + 400–900 + 300–1,200; 中心小学 600–1,600 (镇) or 250–700 (乡);
/// township juniors 500–1,400 / 150–600; township 九年一贯制 400–900 + 300–700 / 150–450 +
/// 100–350; second town primaries 300–900; village primaries 60–400 and 教学点 10–120
/// (log-uniform: ≈ 65 % of 教学点 under 50, outside the 2017 resource part); special schools
/// 40–150 primary and 10–70 junior pupils with full stage figures (they are out of scope).
///
/// **Classes.** Class size: seat primary 45–54 and junior 48–56 (40–45 and 44–50 in counties
/// that cap classes), private 38–45/50, town 38–50 / 42–54 (capped 36–45 / 40–50), rural
/// township 26–40 / 30–46, villages 12–32, 教学点 6–20, special 8–12. Classes = ⌈students ÷
/// size⌉, at least 6 (primary) or 3 (junior) while there are 8 pupils per class; largest class
/// = average + 0–8, never above 45/50 where capped.
///
/// **Teachers (per stage).** Students per teacher: seat primary 20.5 − 5.5·d′ (d′ = min(1,
/// d/0.96); ±6 %), seat junior 15 − 3·d′, town 18.5 − 4·d′ / 14 − 2.5·d′, rural township
/// 12–15.5 / 9.5–12.5, villages and 教学点 8–13, private 17–22 (junior 12–16), special 3–5;
/// at least 1.2 teachers per primary class and 2.4 per junior class. Shares of the teachers:
/// qualified (高于规定学历) primary 93–99 %, junior (本科) 84–97 %, minus up to 12/15 points
/// × (1 − b)·g; backbone (县级以上骨干) 7–22 % (with d′) × max(0.1, 1 − 1.3(1 − b)·g) ×
/// log-normal noise σ = 0.25 + 0.5(1 − b), × (2 − b) in the flagship 实验 schools, × 0.35 in
/// private ones; PE/art 8–19 % × (1 − 0.5(1 − b)·g), σ = 0.10 + 0.15(1 − b), at least one PE/art
/// teacher per school of 3+ teachers in 30–90 % of counties (with b). (PE/art above the 5–12 %
/// first assumed: the 2017 threshold of 0.9 per 100 pupils at 1:19 needs 17 %.) In a few
/// developed, balanced counties (probability 0.45·(b·d′)³) teachers are deployed so that every
/// school has ⌈pupils/100⌉ backbone and ⌈0.9·pupils/100⌉ PE/art teachers. 中级职称 27–60 %.
///
/// **Teacher records** (``teachers(of:)``, from a stream of their own). Every school and
/// stage with students gets exactly its 专任教师数 of records, ids school code + 4-digit
/// serial. The qualified, backbone, PE/art and 中级职称 subsets are each drawn independently
/// as exactly the row's count (selection sampling), so every count of the row is met; the
/// rest follows from them. PE/art teachers teach 体育 45 %, 音乐 30 %, 美术 25 %; the others
/// 语文 and 数学 (and 英语 in junior) first, then by timetable share (primary 语文 34, 数学 27,
/// 英语 11, 科学 8, 道德与法治 8, 信息科技 5, 综合实践 4, 心理健康 3; junior 语文, 数学, 英语 15
/// each, 物理 8, 化学 6, 生物 7, 历史 7, 地理 7, 道德与法治 8, 信息科技 5, 心理健康 2).
/// Qualifications: primary qualified 专科 (15 % urban, 30 % town, 45 % rural) / 本科 / 研究生
/// (6 % urban, else 2 %), unqualified 中专 80 % / 高中及以下; junior qualified 本科 / 研究生 (12 %
/// urban, else 4 %), unqualified 专科 85 % / 中专. Titles: the 中级-or-above subset 中级 70 %,
/// 高级 29.5 %, 正高级 0.5 % (3 % of backbone teachers); the rest 初级, or 未评 (20 % of young
/// qualified non-backbone teachers). Backbone levels 县级 68 %, 市级 26 %, 省级 6 %. Ages
/// uniform 22–60 (women to 55) within what the title needs (中级 28+, 高级 38+, 正高级 45+,
/// 未评 to 27), backbone 28+, unqualified 35+. Women: 72 % primary, 58 % junior, 35 % of PE.
/// Years at school: career (age − 22) × u₁u₂; rural service: the years at a rural school plus
/// up to 60 % of earlier years; town (35 %) and urban (20 %) teachers some earlier years. One
/// principal per school: a teacher of 35+ with 中级 or higher, else the oldest. 2 % have an
/// exemption (pregnancy for 60 % of women up to 42, else illness 55 % or other).
///
/// **Facilities (whole school; combined schools sum their stages).** Per pupil at the seat:
/// teaching rooms 3.5–5.8 m² (primary) / 4.4–7.4 (junior), sports 3.8–9.8 / 5.2–13.3 m²,
/// equipment 1,500–4,000 / 1,900–4,800 yuan, all rising with d′; senior stage × 1.15 / 1.1 /
/// 1.2 of junior. Rural schools: teaching × (1 + (0.35 + 1.3(1 − b))·g), sports ×
/// (1 + (0.8 + 1.3(1 − b))·g), equipment × (1 + 0.1g − 0.3(1 − b)g); schools under 400 pupils
/// up to +35 % / +50 % / +20 %; per-school log-normal noise σ 0.06–0.20 growing with 1 − b;
/// private equipment + 15 %; special schools 15–30 m², 10–20 m², 5,000–12,000 yuan per pupil.
/// Multimedia rooms = classes × (0.9 + 0.4·d′) × (1 − 0.3(1 − b)·g) (senior classes of 50
/// pupils count too); computers 0.06–0.18 and books 20–38 per pupil (junior × 1.3, senior ×
/// 1.5); music and art rooms ⌈classes ÷ 12⌉ each (+1 in 20 % of schools), one short in 30 % of
/// schools of counties that miss that fact; 教学点 0 or 1.
///
/// **Funds.** One county quota per pupil for town and country: primary 650–850, junior
/// 850–1,100, senior 1,100–1,500 yuan (× 1–1.08 per school); schools under 100 pupils funded
/// as 100 (in 90–100 % of counties); special schools 6,000–9,000 yuan per pupil (4,200–5,900
/// in 0–15 % of counties). Training funds 5–8 % of public funds (3–5 % in 15 % of the schools
/// of the 0–15 % of counties that miss quality item 4).
///
/// **Places** (学位数, a stream of their own, see ``DemoCapacity``). 85 % of the public schools'
/// primary and junior stages (not special schools or 教学点) report classes × 45 (primary) or
/// 50 (junior) × 1.00–1.12, or × 0.85–0.98 for a fifth of them: schools with classes above
/// the standard, and a few others, are over capacity. The rest leave the column empty.
///
/// **Zones** (``zones(of:)``, a stream of their own per county). Around every public,
/// non-boarding school with coordinates and pupils of a stage (not special schools or
/// 教学点), 15–30 blocks (小区) within ≈ 2 km in the city, 10–22 within ≈ 2.8 km in towns and
/// 8–14 villages within ≈ 4.4 km in the country, uniform over the disc; ids county code +
/// 4-digit serial. Per stage, each block is zoned today to its nearest such school (85 %) or
/// the second nearest; a school's zone gets children summing to its pupils of the stage ×
/// 0.92–1.08, split by log-normal weights (σ 0.5). Migrant children: 0–30 % of a block's
/// children in the city, 0–15 % in towns, 0–5 % in villages; population 8–12 × its children.
/// Enrollment: the schools' year and the 3 before, every school and grade with pupils; in the
/// schools' year the grades sum to the row's pupils and classes, younger cohorts smaller by
/// the county's trend (−4 % to +2 % a year, ± 5 %), no grade's average class above the row's
/// largest class, which the biggest grade reaches; a school with fewer classes than grades
/// teaches its first grades only. Earlier years follow the cohorts back: grade g of year y is
/// grade g + 1 of year y + 1 ÷ a survival ratio of 0.97–1.02. Births (per county, `year − 12`
/// to `year − 1`): those six years before an enrollment year are its grade-1 pupils ÷ an entry
/// ratio of 0.90–1.05; the others follow the trend (± 3 %).
///
/// **County policies** (probabilities rise with d′): no school above 2,000 (一贯制 2,500) and no
/// class above 45/50 pupils: 70–100 %; music/art rooms for every 12 classes: 80–100 %; training
/// funds ≥ 5 %: 85–100 %.
///
/// **Facts** (one per county and item of the standard, in its order). Items that the school
/// rows decide agree with them: `gov_03_music_art_rooms`, `gov_04_school_size`,
/// `gov_05_class_size`, `gov_06_small_school_funding`, `gov_07_special_funding` (the special
/// school's yuan per pupil) and `quality_04_training_funds`. Of the other items, 0–3 fail by a
/// plausible margin (none in 50–70 % of counties, more often in less developed ones); 2.5 % of
/// counties have one veto item 是. Compared values: percentages in percent (95 for 95 %), a
/// passing value 2–50 % beyond the bound (at most 100 %), a failing one 2–20 % short, rounded
/// as written (0.1 %, whole yuan, 0.001). Evidence names a document, survey or report, e.g.
/// 安平县教育局〔2025〕12号文.
///
/// **Outcomes under quality-2017** (seed 1, 3,000 counties): about 21 % of counties pass the
/// balance part; the backbone-teacher CV fails most often (≈ 62 % of counties), then sports
/// area; ≈ 4 % have every school meeting 6 of 7; ≈ 2 % pass overall; ≈ 40 % meet every fact,
/// 29 % miss one, 19 % two.
public struct DemoGenerator: Sendable {
    /// The seed of every random draw.
    public let seed: UInt64
    /// How many county-level divisions to generate.
    public let counties: Int
    /// The school year (its start), e.g. 2025.
    public let year: Int
    /// The standard whose fact items are generated.
    public let standard: Standard

    /// A generator of `counties` counties for `year`, with facts for `standard`.
    /// - Precondition: `counties` ≥ 0.
    public init(seed: UInt64, counties: Int, year: Int = 2025, standard: Standard) {
        precondition(counties >= 0, "the number of counties cannot be negative")
        self.seed = seed
        self.counties = counties
        self.year = year
        self.standard = standard
    }

    /// A generator of `counties` counties for `year`, with facts for the built-in
    /// quality-2017 standard.
    /// - Precondition: `counties` ≥ 0.
    public init(seed: UInt64, counties: Int, year: Int = 2025) {
        // The built-in standards ship in Domain's bundle and are validated by its tests.
        self.init(seed: seed, counties: counties, year: year, standard: try! Standard.builtIn("quality-2017"))
    }

    /// The generated data: counties, their schools and their facts.
    public func generate() -> DemoData {
        let profiles = countyProfiles()
        var schools: [SchoolYear] = []
        schools.reserveCapacity(profiles.count * 45)
        var facts: [CountyFact] = []
        facts.reserveCapacity(profiles.count * standard.facts.count)
        for county in profiles {
            var countySchools = DemoCountyBuilder(county: county, year: year).schools()
            facts += DemoFactsBuilder(county: county, year: year, standard: standard).facts(for: countySchools)
            DemoCapacity.apply(to: &countySchools, county: county)
            DemoQuota.applyGraduates(to: &countySchools)
            DemoFunding.apply(to: &countySchools)
            schools += countySchools
        }
        return DemoData(counties: profiles, schools: schools, facts: facts)
    }

    /// The `schools` rows of every county, county by county. (Draws everything: call
    /// ``generate()`` once when both schools and facts are needed.)
    public func schools() -> [SchoolYear] {
        generate().schools
    }

    /// The `facts` rows: for each county, one per fact item of the standard, in its order.
    /// (Draws everything: call ``generate()`` once when both are needed.)
    public func facts() -> [CountyFact] {
        generate().facts
    }

    /// The `teachers` rows of `data` (what ``generate()`` returned): for every school and stage
    /// with students, exactly as many teachers as its row reports, whose 高于规定学历, 骨干,
    /// 体育艺术 and 中级及以上职称 counts are the row's, so that
    /// `TeacherCountDifference.between(data.schools, teachers)` is empty. County by county,
    /// school by school, primary before junior.
    ///
    /// Each county draws its teachers from a stream of its own (derived from the county's), so
    /// that schools and facts are the same with or without teachers, and the teachers of
    /// fewer counties are a prefix of those of more.
    public func teachers(of data: DemoData) -> [Teacher] {
        var byCounty: [String: [SchoolYear]] = [:]
        for school in data.schools { byCounty[school.countyCode, default: []].append(school) }
        var teachers: [Teacher] = []
        for county in data.counties {
            teachers += DemoTeachersBuilder(county: county, year: year).teachers(of: byCounty[county.code] ?? [])
        }
        return teachers
    }

    /// The `blocks`, `enrollment` and `births` rows that go with `data` (what ``generate()``
    /// returned), county by county; each county draws them from a stream of its own, so the
    /// schools, facts and teachers of a seed are the same with or without them, and the zones
    /// of fewer counties are a prefix of those of more (the enrollment rows per year).
    public func zones(of data: DemoData) -> DemoZones {
        var byCounty: [String: [SchoolYear]] = [:]
        for school in data.schools { byCounty[school.countyCode, default: []].append(school) }
        var blocks: [ResidentialBlock] = [], births: [BirthRecord] = []
        var enrollmentByYear: [Int: [EnrollmentRecord]] = [:]
        for county in data.counties {
            let zones = DemoZonesBuilder(county: county, year: year).zones(of: byCounty[county.code] ?? [])
            blocks += zones.blocks
            births += zones.births
            for record in zones.enrollment { enrollmentByYear[record.year, default: []].append(record) }
        }
        let enrollment = enrollmentByYear.keys.sorted().flatMap { enrollmentByYear[$0]! }
        return DemoZones(blocks: blocks, enrollment: enrollment, births: births)
    }

    /// The `quota` rows that go with `data` (what ``generate()`` returned): each county's quality
    /// high schools' plans for its graduates (``DemoQuota``), county by county.
    public func quotas(of data: DemoData) -> [HighSchoolQuota] {
        var byCounty: [String: [SchoolYear]] = [:]
        for school in data.schools { byCounty[school.countyCode, default: []].append(school) }
        return data.counties.flatMap { DemoQuota.quotas(county: $0, year: year, schools: byCounty[$0.code] ?? []) }
    }

    /// The counties, drawn one after another from the master stream.
    func countyProfiles() -> [DemoCounty] {
        var rng = SeededGenerator(seed: seed)
        var usedCodes = Set<String>()
        var usedNames = Set<String>()
        var result: [DemoCounty] = []
        result.reserveCapacity(counties)
        for _ in 0..<counties {
            let province = DemoNames.provinces[rng.weightedIndex(DemoNames.provinceWeights)]
            let kind: DemoCounty.Kind = rng.chance(0.3) ? .district : .county
            let code = Self.uniqueCode(province: province, kind: kind, used: &usedCodes, rng: &rng)
            var name = ""
            for attempt in 0..<20 {
                let first = rng.pick(DemoNames.placeSyllables)
                var second = rng.pick(DemoNames.placeSyllables)
                if second == first { second = rng.pick(DemoNames.placeSyllables) }
                name = first + second + (kind == .district ? "区" : "县")
                if usedNames.insert(name).inserted || attempt == 19 { break }
            }
            let longitude = min(max(province.longitude + rng.uniform(-1.8, 1.8), 100.6), 121.4)
            let latitude = min(max(province.latitude + rng.uniform(-1.4, 1.4), 22.6), 41.4)
            let u1 = rng.uniform()
            let u2 = rng.uniform()
            let development = kind == .district ? max(u1, u2) : u1
            let balance = min(max(0.6 * rng.uniform() + 0.4 * development + rng.normal(sd: 0.05), 0), 1)
            result.append(DemoCounty(
                code: code, name: name, provinceName: province.name, kind: kind,
                centre: Coordinate(longitude: longitude, latitude: latitude),
                development: development, balance: balance, streamSeed: rng.next()))
        }
        return result
    }

    /// A division code not used yet: random first, then the first free one of the province.
    private static func uniqueCode(
        province: DemoNames.Province, kind: DemoCounty.Kind, used: inout Set<String>,
        rng: inout SeededGenerator
    ) -> String {
        for _ in 0..<32 {
            let prefecture = rng.integer(in: 1...16)
            let last = kind == .district ? rng.integer(in: 1...20) : rng.integer(in: 21...80)
            let code = province.code + DemoNames.padded(prefecture, width: 2) + DemoNames.padded(last, width: 2)
            if used.insert(code).inserted { return code }
        }
        for candidate in DemoNames.provinces.map(\.code).drop(while: { $0 != province.code }) + DemoNames.provinces.map(\.code) {
            for prefecture in 1...99 {
                for last in 1...99 {
                    let code = candidate + DemoNames.padded(prefecture, width: 2) + DemoNames.padded(last, width: 2)
                    if used.insert(code).inserted { return code }
                }
            }
        }
        preconditionFailure("more counties than 6-digit division codes")
    }
}

/// What ``DemoGenerator/generate()`` returns.
public struct DemoData: Sendable {
    /// The counties, in generation order.
    public var counties: [DemoCounty]
    /// The `schools` rows, county by county.
    public var schools: [SchoolYear]
    /// The `facts` rows, county by county, in the standard's item order.
    public var facts: [CountyFact]
}
