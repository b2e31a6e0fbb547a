import Domain

/// What ``DemoGenerator/zones(of:)`` returns: the rows of the `blocks`, `enrollment` and
/// `births` files that go with the demo schools.
public struct DemoZones: Sendable, Hashable {
    /// The `blocks` rows (居住片区), county by county.
    public var blocks: [ResidentialBlock]
    /// The `enrollment` rows (分年级在校生): by year, then county, school and grade.
    public var enrollment: [EnrollmentRecord]
    /// The `births` rows (出生人口): by county, then year.
    public var births: [BirthRecord]
}

/// Draws one county's residential blocks, enrollment history and births, consistent with its
/// demo schools, from a stream of its own (so the schools, facts and teachers of a seed stay
/// what they were). See ``DemoGenerator`` (*Zones*) for the assumptions.
struct DemoZonesBuilder {
    let county: DemoCounty
    /// The schools' year.
    let year: Int
    private var rng: SeededGenerator

    /// The number of the county's zones stream ("zones" in ASCII).
    static let stream: UInt64 = 0x7A6F_6E65_73
    /// How many years of enrollment the file has: the schools' year and the 3 before.
    static let enrollmentYears = 4
    /// Births are written from `year − 12` to `year − 1`.
    static let birthYears = 1...12

    init(county: DemoCounty, year: Int) {
        self.county = county
        self.year = year
        rng = SeededGenerator(seed: county.streamSeed, stream: Self.stream)
    }

    /// The county's blocks, enrollment and births for `schools` (the county's rows).
    func zones(of schools: [SchoolYear]) -> DemoZones {
        var builder = self
        // The yearly change of a cohort's size: births fall in most counties.
        let trend = builder.rng.uniform(-0.04, 0.02)
        let blocks = builder.blocks(schools)
        let enrollment = builder.enrollment(schools, trend: trend)
        let births = builder.births(enrollment, trend: trend)
        return DemoZones(blocks: blocks, enrollment: enrollment, births: births)
    }

    // MARK: - Blocks

    /// Whether `school` takes pupils of `stage` by zone (划片): public, not boarding, neither
    /// special nor a 教学点, located, with pupils of the stage.
    static func isZoned(_ school: SchoolYear, _ stage: Stage) -> Bool {
        school.ownership == .public && school.boarding != true && school.type != .special
            && school.type != .teachingPoint && school.coordinate != nil && (school.students(in: stage) ?? 0) > 0
    }

    /// The blocks around the zoned schools, each zoned per stage to the school nearest it
    /// (85 %) or the second nearest, with children summing, over a school's zone, to its
    /// pupils of the stage ± 8 %.
    private mutating func blocks(_ schools: [SchoolYear]) -> [ResidentialBlock] {
        var sites: [(location: Coordinate, locality: Locality)] = []
        for school in schools where Self.isZoned(school, .primary) || Self.isZoned(school, .junior) {
            let (count, spread): (Int, Double) = switch school.locality {
            case .urban: (rng.integer(in: 15...30), 0.018)
            case .town: (rng.integer(in: 10...22), 0.025)
            case .rural: (rng.integer(in: 8...14), 0.04)
            }
            for _ in 0..<count {
                // Uniform over the disc of radius `spread` degrees (2–4.5 km).
                let point = Self.move(school.coordinate!, turns: rng.uniform(), radius: spread * rng.uniform().squareRoot())
                sites.append((Coordinate(longitude: Self.rounded(point.longitude), latitude: Self.rounded(point.latitude)), school.locality))
            }
        }
        var children = [[Stage: Int]](repeating: [:], count: sites.count)
        var current = [[Stage: String]](repeating: [:], count: sites.count)
        let cosine = PortableMath.sinCos(turns: county.centre.latitude / 360).cos
        for stage in [Stage.primary, .junior] {
            let zoned = schools.filter { Self.isZoned($0, stage) }
            guard !zoned.isEmpty else { continue }
            var members = [[Int]](repeating: [], count: zoned.count)
            for (k, site) in sites.enumerated() {
                var first = (index: 0, distance: Double.infinity), second = (index: -1, distance: Double.infinity)
                for (s, school) in zoned.enumerated() {
                    let dx = (school.coordinate!.longitude - site.location.longitude) * cosine
                    let dy = school.coordinate!.latitude - site.location.latitude
                    let d = dx * dx + dy * dy
                    if d < first.distance {
                        second = first
                        first = (s, d)
                    } else if d < second.distance {
                        second = (s, d)
                    }
                }
                let chosen = second.index >= 0 && rng.chance(0.15) ? second.index : first.index
                members[chosen].append(k)
                current[k][stage] = zoned[chosen].schoolCode
            }
            for (s, zone) in members.enumerated() where !zone.isEmpty {
                let target = Double(zoned[s].students(in: stage) ?? 0) * rng.uniform(0.92, 1.08)
                let weights = zone.map { _ in rng.lognormal(median: 1, sigma: 0.5) }
                let total = weights.reduce(0, +)
                for (k, weight) in zip(zone, weights) {
                    children[k][stage] = Int((target * weight / total).rounded())
                }
            }
        }
        var blocks: [ResidentialBlock] = []
        blocks.reserveCapacity(sites.count)
        for (k, site) in sites.enumerated() {
            let migrantShare = switch site.locality {
            case .urban: rng.uniform(0, 0.3)
            case .town: rng.uniform(0, 0.15)
            case .rural: rng.uniform(0, 0.05)
            }
            let primary = children[k][.primary] ?? 0, junior = children[k][.junior] ?? 0
            blocks.append(ResidentialBlock(
                id: county.code + DemoNames.padded(k + 1, width: 4), name: blockName(site.locality), countyCode: county.code,
                location: site.location, children: [.primary: primary, .junior: junior],
                migrants: [.primary: Int(Double(primary) * migrantShare), .junior: Int(Double(junior) * migrantShare)],
                currentSchool: current[k], population: Int((Double(primary + junior) * rng.uniform(8, 12)).rounded())))
        }
        return blocks
    }

    /// A 小区 name in town, a village (村) in the country.
    private mutating func blockName(_ locality: Locality) -> String {
        if locality == .rural {
            return rng.pick(DemoNames.villageStems) + rng.pick(DemoNames.villageSuffixes)
        }
        return rng.pick(DemoNames.placeSyllables) + rng.pick(DemoNames.placeSyllables) + rng.pick(Self.estateSuffixes)
    }

    private static let estateSuffixes = ["小区", "花园", "苑", "家园", "新村", "华庭", "公寓", "名苑", "佳园", "嘉园"]

    // MARK: - Enrollment

    /// Each school's pupils, classes and largest class by grade for the schools' year and the
    /// three before (see ``grades(_:students:classes:largest:trend:)``), by year, then school
    /// and grade.
    private mutating func enrollment(_ schools: [SchoolYear], trend: Double) -> [EnrollmentRecord] {
        var byYear = [[EnrollmentRecord]](repeating: [], count: Self.enrollmentYears)
        for school in schools {
            for stage in [Stage.primary, .junior] {
                guard let record = school.record(for: stage), let students = record.students, students > 0,
                      let classes = record.classes, classes > 0 else { continue }
                let first = stage == .primary ? 1 : 7
                let history = grades(stage, students: students, classes: classes, largest: record.largestClass, trend: trend)
                for (back, rows) in history.enumerated() where year - back >= 1949 {
                    for (i, row) in rows.enumerated() where row.students > 0 {
                        byYear[back].append(EnrollmentRecord(
                            year: year - back, schoolCode: school.schoolCode, grade: first + i,
                            students: row.students, classes: row.classes, largestClass: row.largest))
                    }
                }
            }
        }
        return byYear.reversed().flatMap { $0 }
    }

    /// One stage's grades, the schools' year first, then each year before.
    ///
    /// In the schools' year the pupils are split over the grades (younger cohorts smaller by
    /// `trend` a year, ± 5 %), the classes given one by one to the grade with the largest
    /// average class, and pupils moved out of any grade whose average would exceed the
    /// school's largest class, so that the grades sum to the row's pupils and classes and no
    /// grade's classes exceed its largest class. A school with fewer classes than grades (a
    /// 教学点) has pupils in its first grades only. The largest class of each grade is its
    /// average + 0–3, and the school's in its biggest grade.
    ///
    /// Each earlier year's grade g is the next year's grade g + 1 ÷ a survival ratio of
    /// 0.97–1.02; its top grade the next year's ÷ (1 + trend) ± 3 %. Classes keep the
    /// grade's class size; the largest class is the average + 0–4.
    private mutating func grades(
        _ stage: Stage, students total: Int, classes: Int, largest: Int?, trend: Double
    ) -> [[GradeRow]] {
        let count = stage == .primary ? 6 : 3
        let active = min(count, classes, total)
        let limit = max(largest ?? 0, (total + classes - 1) / classes)
        // The schools' year.
        var weights: [Double] = [], factor = 1.0
        for _ in 0..<active {
            weights.append(factor * rng.lognormal(median: 1, sigma: 0.05))
            factor /= 1 + trend
        }
        var students = Self.split(total - active, weights).map { $0 + 1 }
        var gradeClasses = [Int](repeating: 1, count: active)
        for _ in active..<classes {
            var busiest = 0
            for g in 1..<active where Self.average(students[g], gradeClasses[g]) > Self.average(students[busiest], gradeClasses[busiest]) {
                busiest = g
            }
            gradeClasses[busiest] += 1
        }
        // Total pupils ≤ classes × limit, so the slack of the others absorbs any excess.
        for g in 0..<active where students[g] > gradeClasses[g] * limit {
            var excess = students[g] - gradeClasses[g] * limit
            students[g] -= excess
            for h in 0..<active where h != g && excess > 0 {
                let moved = min(excess, max(0, gradeClasses[h] * limit - students[h]))
                students[h] += moved
                excess -= moved
            }
        }
        let biggest = students.indices.max { students[$0] < students[$1] } ?? 0
        var current: [GradeRow] = (0..<active).map { g in
            let average = Self.average(students[g], gradeClasses[g])
            let largestClass = g == biggest ? min(limit, students[g]) : min(students[g], limit, average + rng.integer(in: 0...3))
            return GradeRow(students: students[g], classes: gradeClasses[g], largest: largest == nil ? nil : largestClass)
        }
        let empty = [GradeRow](repeating: GradeRow(students: 0, classes: 0, largest: nil), count: count - active)
        var history = [current + empty]
        let sizes = (0..<active).map { Double(students[$0]) / Double(gradeClasses[$0]) }
        for _ in 1..<Self.enrollmentYears {
            var earlier: [GradeRow] = []
            for g in 0..<active {
                let pupils = g + 1 < active
                    ? Int((Double(current[g + 1].students) / rng.uniform(0.97, 1.02)).rounded())
                    : Int((Double(current[g].students) / (1 + trend) * rng.lognormal(median: 1, sigma: 0.03)).rounded())
                guard pupils > 0 else {
                    earlier.append(GradeRow(students: 0, classes: 0, largest: nil))
                    continue
                }
                let gradeClasses = max(1, Int((Double(pupils) / sizes[g]).rounded()))
                let average = Self.average(pupils, gradeClasses)
                earlier.append(GradeRow(students: pupils, classes: gradeClasses, largest: largest == nil ? nil : min(pupils, average + rng.integer(in: 0...4))))
            }
            current = earlier
            history.append(current + empty)
        }
        return history
    }

    /// One grade of one school in one year.
    struct GradeRow {
        var students: Int
        var classes: Int
        var largest: Int?
    }

    /// ⌈students ÷ classes⌉.
    private static func average(_ students: Int, _ classes: Int) -> Int {
        (students + classes - 1) / classes
    }

    /// `total` split in proportion to `weights` by largest remainders: the parts sum to it.
    static func split(_ total: Int, _ weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        let shares = weights.map { Double(total) * $0 / sum }
        var parts = shares.map { Int($0) }
        let order = shares.indices.sorted { (shares[$0] - Double(parts[$0]), -$0) > (shares[$1] - Double(parts[$1]), -$1) }
        for k in 0..<(total - parts.reduce(0, +)) { parts[order[k % order.count]] += 1 }
        return parts
    }

    // MARK: - Births

    /// The county's births from `year − 12` to `year − 1`: those six years before an
    /// enrollment year are its grade-1 pupils ÷ an entry ratio of 0.9–1.05 (± 2 %); the others
    /// follow the cohorts' trend (± 3 %).
    private mutating func births(_ enrollment: [EnrollmentRecord], trend: Double) -> [BirthRecord] {
        var firstGrade: [Int: Int] = [:]
        for record in enrollment where record.grade == 1 { firstGrade[record.year, default: 0] += record.students }
        let entry = rng.uniform(0.9, 1.05)
        var known: [Int: Double] = [:]
        // In year order: a dictionary's order differs between runs, the draws must not.
        for intakeYear in firstGrade.keys.sorted() {
            known[intakeYear - 6] = Double(firstGrade[intakeYear]!) / entry * rng.lognormal(median: 1, sigma: 0.02)
        }
        guard let anchor = known.keys.min().map({ ($0, known[$0]!) }) else { return [] }
        var births: [BirthRecord] = []
        for back in Self.birthYears.reversed() where year - back >= 1949 {
            let y = year - back
            var value = known[y]
            if value == nil {
                var scaled = anchor.1
                if y > anchor.0 { for _ in anchor.0..<y { scaled *= 1 + trend } } else { for _ in y..<anchor.0 { scaled /= 1 + trend } }
                value = scaled * rng.lognormal(median: 1, sigma: 0.03)
            }
            births.append(BirthRecord(areaCode: county.code, year: y, births: max(0, Int(value!.rounded()))))
        }
        return births
    }

    // MARK: - Geometry

    private static func move(_ point: Coordinate, turns: Double, radius: Double) -> Coordinate {
        let (sine, cosine) = PortableMath.sinCos(turns: turns)
        return Coordinate(
            longitude: min(max(point.longitude + radius * cosine, -180), 180),
            latitude: min(max(point.latitude + radius * sine, -90), 90))
    }

    /// To 6 decimals (≈ 0.1 m), as the schools' coordinates are written.
    private static func rounded(_ value: Double) -> Double {
        (value * 1_000_000).rounded() / 1_000_000
    }
}
