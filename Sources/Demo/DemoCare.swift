import Domain

/// The children register (儿童登记) and junior cohorts (巩固率) of a county's demo schools, and
/// their head teachers (班主任) — drawn from a stream of the county's own, so every other file
/// of a seed stays what it was. Names are synthetic: a common surname and two given
/// characters drawn from word lists; phones are 199 numbers (a reserved-looking block);
/// addresses are the county's villages.
///
/// The register holds the children the care work is about, not every pupil: at each school,
/// left-behind children (留守: rural 9 %, town 4 %, urban 1 % of pupils; a third with both
/// parents away), migrant children (随迁: urban 6 %, town 3 %), disabled pupils in ordinary
/// classes (the row's 随班就读学生数), families in hardship (2 %) and orphans (0.2 %); a special
/// school's pupils; and per county a few disabled children taught at home or not enrolled
/// (about 1 in 25 of the disabled: the county's rate is near but not always above 95 %), and
/// migrant children out of school (1 %). Left-behind children are paired with their class's
/// head teacher in three of four schools — the others' children wait for this year's
/// pairing. Cohorts: three years ago's grade 7 = graduates + 1–3 % lost (drop-outs, net of
/// transfers), so retention is about 97–99 %.
struct DemoCare {
    static let stream: UInt64 = 0x6361_7265
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"]
    static let givenCharacters = ["子", "涵", "浩", "宇", "欣", "怡", "梓", "轩", "雨", "泽", "佳", "晨", "思", "博", "文", "静", "俊", "诗", "嘉", "一"]

    let county: DemoCounty
    let year: Int
    private var rng: SeededGenerator

    init(county: DemoCounty, year: Int) {
        self.county = county
        self.year = year
        rng = SeededGenerator(seed: county.streamSeed, stream: Self.stream)
    }

    /// The class ids of a school's stage: grade-class (`3-2`), as many per grade as the row's
    /// classes spread over the stage's grades.
    static func classes(of school: SchoolYear, stage: Stage) -> [String] {
        let grades = stage == .primary ? Array(1...6) : Array(7...9)
        let record = stage == .primary ? school.primary : school.junior
        guard let classes = record.classes, classes > 0 else { return [] }
        let perGrade = max(1, (classes + grades.count - 1) / grades.count)
        return grades.flatMap { grade in (1...perGrade).map { "\(grade)-\($0)" } }
    }

    /// `teachers` with head teachers set: at each school and stage, the first teachers (in
    /// file order) head the stage's classes in order, one class each.
    static func assigningHeadTeachers(_ teachers: [Teacher], schools: [SchoolYear]) -> [Teacher] {
        let bySchool = Dictionary(schools.map { ($0.schoolCode, $0) }, uniquingKeysWith: { a, _ in a })
        var next: [String: Int] = [:]
        return teachers.map { teacher in
            var teacher = teacher
            guard let school = bySchool[teacher.schoolCode] else { return teacher }
            let classes = classes(of: school, stage: teacher.stage)
            let key = "\(teacher.schoolCode) \(teacher.stage.rawValue)", index = next[key, default: 0]
            if index < classes.count { teacher.headOfClass = classes[index] }
            next[key] = index + 1
            return teacher
        }
    }

    /// The county's register of `year`.
    mutating func register(schools: [SchoolYear], teachers: [Teacher]) -> [Child] {
        var children: [Child] = []
        var serial = 0
        let heads = Dictionary(teachers.compactMap { t in t.headOfClass.map { ("\(t.schoolCode) \($0)", t.id) } }, uniquingKeysWith: { a, _ in a })
        func newChild(school: SchoolYear?, grade: Int?, classId: String?) -> Child {
            serial += 1
            let age = (grade ?? Int(rng.integer(in: 1...9))) + 5
            let born = CalendarDate(year: year - age - (rng.chance(0.33) ? 1 : 0), month: rng.integer(in: 1...12), day: rng.integer(in: 1...28))!
            let name = rng.pick(Self.surnames) + rng.pick(Self.givenCharacters) + rng.pick(Self.givenCharacters)
            return Child(id: "G\(county.code)\(born.text.replacingOccurrences(of: "-", with: ""))\(DemoNames.padded(serial, width: 4))",
                         name: name, gender: rng.chance(0.52) ? .male : .female, birthDate: born, countyCode: county.code, year: year,
                         schoolCode: school?.schoolCode, grade: grade, classId: classId, guardian: String(name.first!) + (rng.chance(0.5) ? "爷爷" : "奶奶"),
                         guardianPhone: "199" + DemoNames.padded(rng.integer(in: 0...99_999_999), width: 8),
                         address: county.name + DemoNames.numeral(rng.integer(in: 1...20)) + "村" + DemoNames.numeral(rng.integer(in: 1...12)) + "组")
        }
        for school in schools where school.year == year {
            let paired = rng.chance(0.75)
            for stage in school.type == .special ? [Stage.primary] : school.type.stages.filter({ $0 != .senior }) {
                let pupils = school.type == .special ? 0 : ((stage == .primary ? school.primary : school.junior).students ?? 0)
                let classes = Self.classes(of: school, stage: stage)
                guard pupils > 0, !classes.isEmpty else { continue }
                let share = (leftBehind: [Locality.rural: 0.09, .town: 0.04, .urban: 0.01][school.locality]!,
                             migrant: [Locality.rural: 0.0, .town: 0.03, .urban: 0.06][school.locality]!)
                let count = Int((Double(pupils) * (share.leftBehind + share.migrant + 0.022)).rounded())
                for _ in 0..<count {
                    let classId = rng.pick(classes)
                    let grade = Int(classId.split(separator: "-")[0])!
                    var child = newChild(school: school, grade: grade, classId: classId)
                    let draw = rng.uniform() * (share.leftBehind + share.migrant + 0.022)
                    if draw < share.leftBehind {
                        child.leftBehind = rng.chance(0.33) ? .bothParentsAway : .oneParentAway
                        if paired { child.partner = heads["\(school.schoolCode) \(classId)"] }
                    } else if draw < share.leftBehind + share.migrant {
                        child.migrant = true
                    } else {
                        child.poverty = true
                        child.orphan = rng.chance(0.1)
                    }
                    children.append(child)
                }
            }
            // 随班就读: the row's count, spread over its classes.
            let classes = Self.classes(of: school, stage: .primary) + Self.classes(of: school, stage: .junior)
            for _ in 0..<min(school.specialPupils ?? 0, 200) where !classes.isEmpty {
                let classId = rng.pick(classes)
                var child = newChild(school: school, grade: Int(classId.split(separator: "-")[0])!, classId: classId)
                child.disability = rng.pick([.intellectual, .physical, .hearing, .visual, .speech])
                child.placement = .regularClass
                children.append(child)
            }
            if school.type == .special {
                for _ in 0..<min(school.primary.students ?? 40, 200) {
                    var child = newChild(school: school, grade: rng.integer(in: 1...9), classId: nil)
                    child.disability = rng.pick([.intellectual, .hearing, .visual, .multiple])
                    child.placement = .specialSchool
                    children.append(child)
                }
            }
        }
        let disabled = children.filter { $0.disability != nil }.count
        for k in 0..<max(1, disabled / 25) {
            var child = newChild(school: nil, grade: nil, classId: nil)
            child.disability = rng.pick([.multiple, .intellectual, .physical])
            child.placement = k % 2 == 1 ? .notEnrolled : .homeTeaching
            children.append(child)
        }
        let migrants = children.filter(\.migrant).count
        for _ in 0..<(migrants / 100) {
            var child = newChild(school: nil, grade: nil, classId: nil)
            child.migrant = true
            children.append(child)
        }
        return children
    }

    /// A few dropout cases (控辍保学) of the county's register: 2–5 junior pupils, each found in
    /// the autumn term and visited one to three times; about half back at school.
    mutating func dropouts(of children: [Child]) -> [DropoutCase] {
        let juniors = children.filter { ($0.grade ?? 0) >= 7 && $0.schoolCode != nil }
        guard !juniors.isEmpty else { return [] }
        var picked: [Child] = []
        for _ in 0..<rng.integer(in: 2...5) {
            let child = rng.pick(juniors)
            if !picked.contains(where: { $0.id == child.id }) { picked.append(child) }
        }
        let visitors = ["班主任", "校长", "村委会干部", "镇教办"], outcomes = ["家长同意督促返校", "学生有厌学情绪，继续做工作", "已外出务工，联系家长", "承诺下周返校"]
        return picked.map { child in
            let opened = CalendarDate(year: year, month: 9, day: rng.integer(in: 5...25))!
            let visits = (0..<rng.integer(in: 1...3)).map { k in
                FollowUp(date: CalendarDate(year: year, month: 10 + k, day: rng.integer(in: 1...28))!, visitor: rng.pick(visitors), outcome: rng.pick(outcomes))
            }
            let back = rng.chance(0.5)
            return DropoutCase(childID: child.id, countyCode: county.code, schoolCode: child.schoolCode, status: back ? .returned : .persuading,
                               opened: opened, closed: back ? visits.last!.date : nil, reason: rng.pick(["厌学", "外出务工", "家庭困难"]), visits: visits)
        }
    }

    /// The county's junior cohorts graduating in `year`: the schools with graduates.
    mutating func cohorts(schools: [SchoolYear]) -> [CohortRecord] {
        schools.filter { $0.year == year && ($0.graduates ?? 0) > 0 }.map { school in
            let graduates = school.graduates!
            let transfersIn = rng.integer(in: 0...max(0, graduates / 50)), transfersOut = rng.integer(in: 0...max(0, graduates / 40))
            let lost = Int((Double(graduates) * rng.uniform(0.01, 0.03)).rounded())
            let deaths = rng.chance(0.05) ? 1 : 0
            return CohortRecord(countyCode: county.code, schoolCode: school.schoolCode, year: year,
                                entrants: graduates - transfersIn + transfersOut + lost + deaths, graduates: nil,
                                transfersIn: transfersIn, transfersOut: transfersOut, deaths: deaths)
        }
    }
}

extension DemoGenerator {
    /// The teachers of ``teachers(of:)`` with their classes' head teachers (班主任班级) set.
    public func teachersWithClasses(of data: DemoData) -> [Teacher] {
        DemoCare.assigningHeadTeachers(teachers(of: data), schools: data.schools)
    }

    /// The children register, cohorts and dropout ledger that go with `data` and `teachers`
    /// (``teachersWithClasses(of:)``), county by county (``DemoCare``).
    public func care(of data: DemoData, teachers: [Teacher]) -> (children: [Child], cohorts: [CohortRecord], dropouts: [DropoutCase]) {
        var schools: [String: [SchoolYear]] = [:], staff: [String: [Teacher]] = [:]
        for school in data.schools { schools[school.countyCode, default: []].append(school) }
        let county = Dictionary(data.schools.map { ($0.schoolCode, $0.countyCode) }, uniquingKeysWith: { a, _ in a })
        for teacher in teachers { staff[county[teacher.schoolCode] ?? "", default: []].append(teacher) }
        var children: [Child] = [], cohorts: [CohortRecord] = [], dropouts: [DropoutCase] = []
        for profile in data.counties {
            var builder = DemoCare(county: profile, year: year)
            let register = builder.register(schools: schools[profile.code] ?? [], teachers: staff[profile.code] ?? [])
            children += register
            cohorts += builder.cohorts(schools: schools[profile.code] ?? [])
            dropouts += builder.dropouts(of: register)
        }
        return (children, cohorts, dropouts)
    }
}
