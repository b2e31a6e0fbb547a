/// Per school and stage, the counts the `schools` file reports that teacher records can give:
/// 专任教师, 高于规定学历, 县级以上骨干, 体育艺术, 中级及以上职称.
public struct TeacherCounts: Sendable, Hashable {
    public var teachers = 0
    public var qualified = 0
    public var backbone = 0
    public var peArt = 0
    public var seniorTitle = 0

    public init() {}

    /// Counts of `teachers`, by school code and stage.
    public static func of(_ teachers: [Teacher]) -> [String: [Stage: TeacherCounts]] {
        var counts: [String: [Stage: TeacherCounts]] = [:]
        for teacher in teachers {
            counts[teacher.schoolCode, default: [:]][teacher.stage, default: TeacherCounts()].add(teacher)
        }
        return counts
    }

    mutating func add(_ teacher: Teacher) {
        teachers += 1
        if teacher.isQualified { qualified += 1 }
        if teacher.isBackbone { backbone += 1 }
        if teacher.isPEArt { peArt += 1 }
        if teacher.hasSeniorTitle { seniorTitle += 1 }
    }
}

/// A count the teacher records give differently from the school row (教师信息与学校数据不一致).
public struct TeacherCountDifference: Sendable, Hashable {
    /// 学校标识码
    public var schoolCode: String
    /// The stage.
    public var stage: Stage
    /// The `schools` column, e.g. `backbone_primary`.
    public var column: SchoolField
    /// What the school row reports (`nil` when blank).
    public var reported: Int?
    /// What the teacher records count.
    public var counted: Int

    /// Every count of `teachers` that differs from `schools` (for schools with records in
    /// either), by school code, stage and column.
    public static func between(_ schools: [SchoolYear], _ teachers: [Teacher]) -> [TeacherCountDifference] {
        let counted = TeacherCounts.of(teachers)
        var differences: [TeacherCountDifference] = []
        for school in schools.sorted(by: { $0.schoolCode < $1.schoolCode }) {
            for stage in [Stage.primary, .junior] where school.type.canHave(stage) {
                guard let record = school.record(for: stage) else { continue }
                let counts = counted[school.schoolCode]?[stage] ?? TeacherCounts()
                guard (record.students ?? 0) > 0 || counts.teachers > 0 else { continue }
                let pairs: [(SchoolField, Int?, Int)] = stage == .primary
                    ? [(.teachersPrimary, record.teachers, counts.teachers), (.qualifiedPrimary, record.qualifiedTeachers, counts.qualified),
                       (.backbonePrimary, record.backboneTeachers, counts.backbone), (.peArtPrimary, record.peArtTeachers, counts.peArt),
                       (.seniorTitlePrimary, record.seniorTitleTeachers, counts.seniorTitle)]
                    : [(.teachersJunior, record.teachers, counts.teachers), (.qualifiedJunior, record.qualifiedTeachers, counts.qualified),
                       (.backboneJunior, record.backboneTeachers, counts.backbone), (.peArtJunior, record.peArtTeachers, counts.peArt),
                       (.seniorTitleJunior, record.seniorTitleTeachers, counts.seniorTitle)]
                for (column, reported, count) in pairs where reported != count {
                    differences.append(TeacherCountDifference(schoolCode: school.schoolCode, stage: stage, column: column, reported: reported, counted: count))
                }
            }
        }
        let known = Set(schools.map(\.schoolCode))
        for (code, stages) in counted where !known.contains(code) {
            for (stage, counts) in stages {
                differences.append(TeacherCountDifference(
                    schoolCode: code, stage: stage, column: stage == .junior ? .teachersJunior : .teachersPrimary,
                    reported: nil, counted: counts.teachers))
            }
        }
        return differences.sorted { ($0.schoolCode, $0.stage, $0.column.key) < ($1.schoolCode, $1.stage, $1.column.key) }
    }
}
