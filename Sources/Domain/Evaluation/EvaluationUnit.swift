/// A school unit (学校单位): one school in one evaluated stage, after combined schools are
/// split and teaching points are merged or left out. Each unit is one observation of the
/// stage's 差异系数 and is judged by the school rule.
public struct EvaluationUnit: Sendable, Hashable {
    /// 学校标识码
    public var schoolCode: String
    /// 学校名称
    public var schoolName: String
    /// The school's type.
    public var type: SchoolType
    /// The stage this unit stands for.
    public var stage: Stage
    /// 城乡类型
    public var locality: Locality
    /// P_i, the stage's enrollment (with merged teaching points).
    public var students: Int
    /// A_i per indicator of the standard (same order), after the split; `nil` when the school
    /// did not report it.
    public var numerators: [Double?]
    /// Teaching points merged into this unit, by school code.
    public var mergedTeachingPoints: [String]

    public init(
        schoolCode: String, schoolName: String, type: SchoolType, stage: Stage,
        locality: Locality, students: Int, numerators: [Double?], mergedTeachingPoints: [String] = []
    ) {
        self.schoolCode = schoolCode
        self.schoolName = schoolName
        self.type = type
        self.stage = stage
        self.locality = locality
        self.students = students
        self.numerators = numerators
        self.mergedTeachingPoints = mergedTeachingPoints
    }
}

/// A school left out of a stage's resource-allocation part, and why.
public struct Exclusion: Sendable, Hashable {
    /// Why a school is left out.
    public enum Reason: Sendable, Hashable {
        /// Its type is out of scope (e.g. 特殊教育学校).
        case typeExcluded
        /// 民办 schools are out of scope in this standard.
        case privateExcluded
        /// A 教学点 below the standard's minimum size.
        case smallTeachingPoint(minimum: Int)
        /// A 教学点 counted inside its parent school's unit.
        case mergedIntoParent(String)
        /// A 教学点 whose parent is missing or itself out of scope.
        case parentOutOfScope(String)
    }

    /// 学校标识码
    public var schoolCode: String
    /// 学校名称
    public var schoolName: String
    /// Students the school reported in the compulsory stages.
    public var students: Int
    /// Why it is left out.
    public var reason: Reason
}

extension Standard {
    /// The units and exclusions of one county's schools in one year. Units come sorted by
    /// stage and school code, so results never depend on the order of the input rows.
    public func units(of schools: [SchoolYear]) -> (units: [EvaluationUnit], excluded: [Exclusion]) {
        units(of: schools, at: Array(schools.indices))
    }

    /// The units of the schools at `positions` in `schools` — one county's rows inside a
    /// whole file, read in place rather than copied out.
    func units(of schools: [SchoolYear], at positions: [Int]) -> (units: [EvaluationUnit], excluded: [Exclusion]) {
        // Province files run this for thousands of counties: rows are read through a buffer
        // (no copies of whole rows) and the numerators' resources are looked up once.
        schools.withUnsafeBufferPointer { schools in
            let numerators = UnitNumerators(self)
            let sorted = positions.sorted { schools[$0].schoolCode < schools[$1].schoolCode }
            var excluded: [Exclusion] = []
            var pointsByParent: [String: [Int]] = [:]
            var inScope: [Int] = []
            for position in sorted {
                if let reason = exclusionReason(of: schools[position]) {
                    excluded.append(Exclusion(schools[position], reason))
                } else if schools[position].type == .teachingPoint, scope.teachingPoints == .mergeIntoParent {
                    pointsByParent[schools[position].parentSchoolCode ?? "", default: []].append(position)
                } else {
                    inScope.append(position)
                }
            }
            // Only merged teaching points need the set of parents.
            let parents = pointsByParent.isEmpty ? [] : Set(inScope.map { schools[$0].schoolCode })
            for (parent, points) in pointsByParent where !parents.contains(parent) {
                excluded += points.map { Exclusion(schools[$0], .parentOutOfScope(parent)) }
            }

            var units: [EvaluationUnit] = []
            units.reserveCapacity(inScope.count * stages.count)
            for stage in stages {
                for position in inScope {
                    guard var unit = numerators.unit(of: schools[position], in: stage) else { continue }
                    if stage == .primary, let points = pointsByParent[unit.schoolCode] {
                        for point in points {
                            guard let merged = numerators.unit(of: schools[point], in: .primary) else { continue }
                            unit.students += merged.students
                            for index in unit.numerators.indices {
                                unit.numerators[index] = unit.numerators[index].flatMap { a in merged.numerators[index].map { a + $0 } }
                            }
                            unit.mergedTeachingPoints.append(merged.schoolCode)
                        }
                    }
                    units.append(unit)
                }
            }
            for (parent, points) in pointsByParent where parents.contains(parent) {
                excluded += points.map { Exclusion(schools[$0], .mergedIntoParent(parent)) }
            }
            excluded.sort { $0.schoolCode < $1.schoolCode }
            return (units, excluded)
        }
    }

    /// Why `school` is out of the resource part, or `nil` when it is in.
    func exclusionReason(of school: borrowing SchoolYear) -> Exclusion.Reason? {
        if scope.excludedTypes.contains(school.type) { return .typeExcluded }
        if scope.excludePrivate, school.ownership == .private { return .privateExcluded }
        if school.type == .teachingPoint, scope.teachingPoints == .excludeSmall,
           (school.primary.students ?? 0) < scope.teachingPointMinStudents {
            return .smallTeachingPoint(minimum: scope.teachingPointMinStudents)
        }
        return nil
    }

    /// The unit `school` forms in `stage`, or `nil` when it has no students there.
    func unit(of school: borrowing SchoolYear, in stage: Stage) -> EvaluationUnit? {
        UnitNumerators(self).unit(of: school, in: stage)
    }
}

/// The standard's numerators, read once so that forming each unit touches only the school.
private struct UnitNumerators {
    let resources: [Resource]
    let splitWeights: SplitWeights

    init(_ standard: Standard) {
        resources = standard.indicators.map(\.numerator)
        splitWeights = standard.splitWeights
    }

    func unit(of school: borrowing SchoolYear, in stage: Stage) -> EvaluationUnit? {
        guard school.type.canHave(stage), let students = school.students(in: stage), students > 0 else { return nil }
        let share = splitWeights.share(of: stage, in: school)
        let numerators = [Double?](unsafeUninitializedCapacity: resources.count) { buffer, count in
            for index in resources.indices {
                let resource = resources[index]
                let amount = resource.amount(of: school, stage: stage)
                buffer.initializeElement(at: index, to: resource.isSchoolWide ? amount.map { $0 * share } : amount)
            }
            count = resources.count
        }
        return EvaluationUnit(
            schoolCode: school.schoolCode, schoolName: school.schoolName, type: school.type,
            stage: stage, locality: school.locality, students: students, numerators: numerators)
    }
}

extension Exclusion {
    init(_ school: borrowing SchoolYear, _ reason: Reason) {
        let students = [Stage.primary, .junior].reduce(0) { $0 + (school.students(in: $1) ?? 0) }
        self.init(schoolCode: school.schoolCode, schoolName: school.schoolName, students: students, reason: reason)
    }
}
