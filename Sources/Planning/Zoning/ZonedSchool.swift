import Domain

/// A school that takes children by zone (划片招生的学校) for one stage: public, not boarding,
/// not a special school, teaching the stage.
public struct ZonedSchool: Sendable, Hashable {
    /// 学校标识码
    public var code: String
    /// 学校名称
    public var name: String
    /// 城乡类型 — government item 13 counts 城区 and 镇区 schools.
    public var locality: Locality
    /// 学位数: the school's `capacity_*` column, or its classes × the standard class size.
    public var capacity: Int
    /// Whether ``capacity`` was estimated from the classes.
    public var capacityEstimated: Bool
    /// Where the school is, when known.
    public var location: Coordinate?
    /// Students of the stage the school reports.
    public var students: Int?

    public init(code: String, name: String, locality: Locality, capacity: Int, capacityEstimated: Bool,
                location: Coordinate?, students: Int?) {
        self.code = code
        self.name = name
        self.locality = locality
        self.capacity = capacity
        self.capacityEstimated = capacityEstimated
        self.location = location
        self.students = students
    }

    /// Whether `school` takes children of `stage` by zone.
    public static func isZoned(_ school: SchoolYear, stage: Stage) -> Bool {
        school.ownership == .public && school.boarding != true && school.type != .special && school.type.stages.contains(stage)
    }

    /// The zoned schools of `stage` among `schools`, in code order.
    public static func zoned(_ schools: [SchoolYear], stage: Stage, rules: ZoningRules) -> [ZonedSchool] {
        schools.filter { isZoned($0, stage: stage) }.sorted { $0.schoolCode < $1.schoolCode }.map { school in
            let record = school.record(for: stage)
            let given = record?.capacity
            let estimate = (record?.classes ?? 0) * rules.classSize(stage)
            return ZonedSchool(
                code: school.schoolCode, name: school.schoolName, locality: school.locality,
                capacity: given ?? estimate, capacityEstimated: given == nil, location: school.coordinate,
                students: record?.students)
        }
    }
}

