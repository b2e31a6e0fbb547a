import Domain

/// Draws the teacher records (`teachers` rows) of one county's demo schools, so that the
/// records of each school and stage give exactly the counts its `schools` row reports (see
/// ``DemoGenerator`` for the assumptions).
///
/// The draws come from a stream of their own, derived from the county's, so that the schools
/// and facts of a seed stay what they were without teachers.
struct DemoTeachersBuilder {
    let county: DemoCounty
    /// The data year: ages and birth years count from it.
    let year: Int
    private var rng: SeededGenerator

    /// The number of the county's teacher stream ("teachers" in ASCII).
    static let stream: UInt64 = 0x7465_6163_6865_7273

    init(county: DemoCounty, year: Int) {
        self.county = county
        self.year = year
        rng = SeededGenerator(seed: county.streamSeed, stream: Self.stream)
    }

    /// The teachers of `schools` (the county's rows), school by school, primary before junior.
    func teachers(of schools: some Sequence<SchoolYear>) -> [Teacher] {
        var builder = self
        var result: [Teacher] = []
        for school in schools {
            result += builder.teachers(of: school)
        }
        return result
    }

    // MARK: - One school

    /// The teachers of each stage of `school` with students and teachers, one of them its
    /// principal. Ids are the school code and a 4-digit serial across its stages.
    private mutating func teachers(of school: SchoolYear) -> [Teacher] {
        var records: [Teacher] = []
        for stage in [Stage.primary, .junior] where school.type.canHave(stage) {
            guard let record = school.record(for: stage), (record.students ?? 0) > 0, let n = record.teachers, n > 0 else { continue }
            records += teachers(n, stage, record, of: school, firstSerial: records.count + 1)
        }
        guard !records.isEmpty else { return records }
        // The principal: a teacher of 35 or more with 中级 or a higher title, else the oldest.
        let seasoned = records.indices.filter { records[$0].hasSeniorTitle && year - records[$0].birthYear >= 35 }
        let principal = seasoned.isEmpty
            ? records.indices.min { records[$0].birthYear < records[$1].birthYear }!
            : rng.pick(seasoned)
        records[principal].isPrincipal = true
        return records
    }

    /// `n` teachers of `stage`: each reported subset (高于规定学历, 骨干, 体育艺术, 中级及以上
    /// 职称) drawn independently as exactly as many of them as `record` reports, and every
    /// other attribute drawn to fit.
    private mutating func teachers(
        _ n: Int, _ stage: Stage, _ record: StageRecord, of school: SchoolYear, firstSerial: Int
    ) -> [Teacher] {
        let peArt = subset(of: n, record.peArtTeachers, typically: 0.12)
        let qualified = subset(of: n, record.qualifiedTeachers, typically: 0.9)
        let backbone = subset(of: n, record.backboneTeachers, typically: 0.1)
        let seniorTitle = subset(of: n, record.seniorTitleTeachers, typically: 0.45)
        let core = Self.coreSubjects(stage)
        var teachers: [Teacher] = []
        teachers.reserveCapacity(n)
        var mainSubjects = 0
        for i in 0..<n {
            let subject: Subject
            if peArt[i] {
                subject = [Subject.physicalEducation, .music, .art][rng.weightedIndex([0.45, 0.3, 0.25])]
            } else {
                // The first teachers of a small school teach the core subjects.
                subject = mainSubjects < core.count ? core[mainSubjects] : mainSubject(stage)
                mainSubjects += 1
            }
            let gender: Gender = rng.chance(subject == .physicalEducation ? 0.35 : stage == .primary ? 0.72 : 0.58) ? .female : .male
            let title = title(senior: seniorTitle[i], backbone: backbone[i], qualified: qualified[i])
            let birthYear = birthYear(title: title, backbone: backbone[i], qualified: qualified[i], gender: gender)
            // Years since 22, within the reader's age rule (at most age − 18) and range (0–50).
            let career = min(max(0, year - birthYear - 22), 50)
            let atSchool = min(Int(Double(career + 1) * rng.uniform() * rng.uniform()), career)
            let rural = ruralService(atSchool: atSchool, career: career, locality: school.locality)
            var exemptions: Set<Exemption> = []
            if rng.chance(0.02) {
                exemptions.insert(gender == .female && year - birthYear <= 42 && rng.chance(0.6)
                    ? .pregnancy : rng.chance(0.55) ? .illness : .other)
            }
            teachers.append(Teacher(
                id: school.schoolCode + DemoNames.padded(firstSerial + i, width: 4), schoolCode: school.schoolCode,
                stage: stage, subject: subject, gender: gender, birthYear: birthYear,
                qualification: qualification(stage, qualified: qualified[i], locality: school.locality),
                title: title, backbone: backbone[i] ? level() : .none, yearsAtSchool: atSchool,
                ruralServiceYears: rural, exemptions: exemptions))
        }
        return teachers
    }

    /// Exactly `count` of `n` places chosen at random (selection sampling, Knuth's Algorithm
    /// S), as flags by place. A count above `n` cannot be met by `n` records: all `n` are
    /// chosen (the `schools` reader refuses such a row, and the demo never writes one). A
    /// blank count is drawn place by place with the `typically` share.
    private mutating func subset(of n: Int, _ count: Int?, typically share: Double) -> [Bool] {
        guard let count else { return (0..<n).map { _ in rng.chance(share) } }
        var left = min(max(count, 0), n)
        var flags = [Bool](repeating: false, count: n)
        for i in 0..<n where left > 0 {
            if Double(n - i) * rng.uniform() < Double(left) {
                flags[i] = true
                left -= 1
            }
        }
        return flags
    }

    /// The subjects the first non-PE/art teachers of a stage teach.
    private static func coreSubjects(_ stage: Stage) -> [Subject] {
        stage == .primary ? [.chinese, .mathematics] : [.chinese, .mathematics, .english]
    }

    /// A subject other than PE and art, in the proportions of a stage's timetable.
    private mutating func mainSubject(_ stage: Stage) -> Subject {
        if stage == .primary {
            let subjects: [Subject] = [.chinese, .mathematics, .english, .science, .morality, .informationTechnology,
                                       .comprehensivePractice, .other("心理健康")]
            return subjects[rng.weightedIndex([34, 27, 11, 8, 8, 5, 4, 3])]
        }
        let subjects: [Subject] = [.chinese, .mathematics, .english, .physics, .chemistry, .biology, .history, .geography,
                                   .morality, .informationTechnology, .other("心理健康")]
        return subjects[rng.weightedIndex([15, 15, 15, 8, 6, 7, 7, 7, 8, 5, 2])]
    }

    /// 中级, 高级 or 正高级 for the senior-title subset; 初级, or 未评 for some young teachers,
    /// otherwise.
    private mutating func title(senior: Bool, backbone: Bool, qualified: Bool) -> Title {
        if senior {
            let u = rng.uniform()
            return u < (backbone ? 0.03 : 0.005) ? .professor : u < 0.3 ? .senior : .intermediate
        }
        return !backbone && qualified && rng.chance(0.2) ? .none : .junior
    }

    /// A birth year for an age of 22–60 (women 22–55, their usual retirement age) that fits
    /// the title (中级 from 28, 高级 from 38, 正高级 from 45, 未评 up to 27), a backbone teacher
    /// (28 or more) and a teacher below the statutory qualification (35 or more, trained
    /// before the higher requirement). Kept within the reader's 1940–2010 in every data year.
    private mutating func birthYear(title: Title, backbone: Bool, qualified: Bool, gender: Gender) -> Int {
        var low = 22, high = gender == .female ? 55 : 60
        switch title {
        case .professor: low = 45
        case .senior: low = 38
        case .intermediate: low = 28
        case .none: high = 27
        case .junior: break
        }
        if backbone { low = max(low, 28) }
        if !qualified { low = max(low, 35) }
        let age = rng.integer(in: low...max(low, high))
        return min(max(year - age, Teacher.birthYears.lowerBound), Teacher.birthYears.upperBound)
    }

    /// Years taught in rural schools: the years at a rural school and often some before it;
    /// a town or urban teacher now and then served in the country before.
    private mutating func ruralService(atSchool: Int, career: Int, locality: Locality) -> Int {
        let before = career - atSchool
        switch locality {
        case .rural:
            return atSchool + min(Int(Double(before + 1) * 0.6 * rng.uniform()), before)
        case .town:
            return rng.chance(0.35) ? min(Int(Double(before + 1) * rng.uniform()), before) : 0
        case .urban:
            return rng.chance(0.2) ? min(Int(Double(before + 1) * rng.uniform()), before) : 0
        }
    }

    /// The highest qualification: at or above the stage's statutory level (primary 专科,
    /// junior 本科) for the qualified subset, below it otherwise; more 研究生 in town, more
    /// 专科 in the country.
    private mutating func qualification(_ stage: Stage, qualified: Bool, locality: Locality) -> Qualification {
        let urban = locality == .urban
        switch (stage, qualified) {
        case (.primary, true):
            let u = rng.uniform(), associate = locality == .rural ? 0.45 : urban ? 0.15 : 0.3
            return u < associate ? .associate : u < associate + (urban ? 0.06 : 0.02) ? .postgraduate : .bachelor
        case (.primary, false):
            return rng.chance(0.8) ? .vocational : .secondary
        case (_, true):
            return rng.chance(urban ? 0.12 : 0.04) ? .postgraduate : .bachelor
        case (_, false):
            return rng.chance(0.85) ? .associate : .vocational
        }
    }

    /// 县级, 市级 or 省级 for a backbone teacher.
    private mutating func level() -> BackboneLevel {
        [BackboneLevel.county, .city, .province][rng.weightedIndex([0.68, 0.26, 0.06])]
    }
}
