import Domain

/// What-if (假设分析): plan items or edits applied to a copy of the data, to be evaluated again.
public enum Whatif {
    /// `schools` with every item added. A new post of any kind also counts as a full-time
    /// teacher (专任教师) of the stage; a trained or moved teacher does not
    /// (``PlanLever/addsTeachers``). A moved item's negative amount takes teachers away.
    public static func apply(_ items: [PlanItem], to schools: [SchoolYear]) -> [SchoolYear] {
        var positions: [String: Int] = [:]
        for (i, school) in schools.enumerated() where positions[school.schoolCode] == nil { positions[school.schoolCode] = i }
        var result = schools
        for item in items {
            guard let i = positions[item.schoolCode] else { continue }
            add(item.amount, of: item.resource, stage: item.stage ?? .primary, to: &result[i], addsTeachers: item.lever.addsTeachers)
        }
        return result
    }

    /// Adds `amount` of `resource` (in `stage` for stage resources) to `school`; with
    /// `addsTeachers`, a teacher resource's amount also adds to the stage's full-time teachers.
    public static func add(_ amount: Double, of resource: Resource, stage: Stage, to school: inout SchoolYear, addsTeachers: Bool = true) {
        let whole = Int(amount.rounded())
        func plus(_ value: Int?) -> Int? { (value ?? 0) + whole }
        func plus(_ value: Double?) -> Double? { (value ?? 0) + amount }
        func teachers(_ record: inout StageRecord) {
            switch resource {
            case .teachers: record.teachers = plus(record.teachers); return
            case .qualifiedTeachers: record.qualifiedTeachers = plus(record.qualifiedTeachers)
            case .backboneTeachers: record.backboneTeachers = plus(record.backboneTeachers)
            case .peArtTeachers: record.peArtTeachers = plus(record.peArtTeachers)
            case .seniorTitleTeachers: record.seniorTitleTeachers = plus(record.seniorTitleTeachers)
            default: return
            }
            if addsTeachers { record.teachers = plus(record.teachers) }
        }
        switch resource {
        case .teachers, .qualifiedTeachers, .backboneTeachers, .peArtTeachers, .seniorTitleTeachers:
            if stage == .junior { teachers(&school.junior) } else { teachers(&school.primary) }
        case .teachingArea: school.facilities.teachingArea = plus(school.facilities.teachingArea)
        case .sportsArea: school.facilities.sportsArea = plus(school.facilities.sportsArea)
        case .equipmentValue: school.facilities.equipmentValue = plus(school.facilities.equipmentValue)
        case .multimediaRooms: school.facilities.multimediaRooms = plus(school.facilities.multimediaRooms)
        case .computers: school.facilities.computers = plus(school.facilities.computers)
        case .books: school.facilities.books = (school.facilities.books ?? 0) + Int(amount.rounded(.up))
        }
    }
}

/// The resource-allocation part of an evaluation (资源配置), which a plan is made to pass.
public struct ResourceCheck: Sendable, Hashable {
    /// Units that meet the school rule.
    public var compliantUnits: Int
    /// Units judged.
    public var units: Int
    /// Whether every unit meets the school rule and every CV is within its limit (a stage
    /// without schools has nothing to fail).
    public var passes: Bool

    public init(_ result: CountyResult) {
        units = result.units.count
        compliantUnits = result.units.count { $0.passes == true }
        passes = !result.findings.contains { finding in
            switch finding {
            case .cvAboveLimit, .cvUndefined, .compositeAboveLimit, .unitsFailSchoolRule, .valuesMissing: true
            case .noUnits, .factNotMet, .vetoed, .factMissing, .factsNotProvided: false
            }
        }
    }
}
