/// The quantity an indicator divides by enrollment: the vocabulary that standard files use in
/// an indicator's `numerator`. Stage resources are reported per stage; school resources are
/// whole-school totals that combined schools split between stages (see ``SplitWeights``).
public enum Resource: String, CaseIterable, Sendable, Codable, Hashable {
    /// 专任教师数 (stage)
    case teachers
    /// 高于规定学历教师数 (stage)
    case qualifiedTeachers = "qualified_teachers"
    /// 县级及以上骨干教师数 (stage)
    case backboneTeachers = "backbone_teachers"
    /// 体育艺术专任教师数 (stage)
    case peArtTeachers = "pe_art_teachers"
    /// 中级及以上职称教师数 (stage)
    case seniorTitleTeachers = "senior_title_teachers"
    /// 教学及辅助用房面积 (school)
    case teachingArea = "teaching_area"
    /// 体育运动场馆面积 (school)
    case sportsArea = "sports_area"
    /// 教学仪器设备值 (school)
    case equipmentValue = "equipment_value"
    /// 网络多媒体教室数 (school)
    case multimediaRooms = "multimedia_rooms"
    /// 计算机台数 (school)
    case computers
    /// 图书册数 (school)
    case books

    /// Whether the school reports one total for all its stages, to be split by weight.
    public var isSchoolWide: Bool {
        switch self {
        case .teachers, .qualifiedTeachers, .backboneTeachers, .peArtTeachers, .seniorTitleTeachers:
            false
        case .teachingArea, .sportsArea, .equipmentValue, .multimediaRooms, .computers, .books:
            true
        }
    }

    /// The amount `school` reports for this resource in `stage` (stage resources) or in total
    /// (school resources); `nil` when not reported.
    public func amount(of school: borrowing SchoolYear, stage: Stage) -> Double? {
        // Fields are read in place: copying a whole StageRecord per indicator showed up in
        // profiles of province-sized files.
        switch self {
        case .teachers: return Self.count(stage == .primary ? school.primary.teachers : stage == .junior ? school.junior.teachers : nil)
        case .qualifiedTeachers: return Self.count(stage == .primary ? school.primary.qualifiedTeachers : stage == .junior ? school.junior.qualifiedTeachers : nil)
        case .backboneTeachers: return Self.count(stage == .primary ? school.primary.backboneTeachers : stage == .junior ? school.junior.backboneTeachers : nil)
        case .peArtTeachers: return Self.count(stage == .primary ? school.primary.peArtTeachers : stage == .junior ? school.junior.peArtTeachers : nil)
        case .seniorTitleTeachers: return Self.count(stage == .primary ? school.primary.seniorTitleTeachers : stage == .junior ? school.junior.seniorTitleTeachers : nil)
        case .teachingArea: return school.facilities.teachingArea
        case .sportsArea: return school.facilities.sportsArea
        case .equipmentValue: return school.facilities.equipmentValue
        case .multimediaRooms: return Self.count(school.facilities.multimediaRooms)
        case .computers: return Self.count(school.facilities.computers)
        case .books: return Self.count(school.facilities.books)
        }
    }

    private static func count(_ value: Int?) -> Double? {
        value.map(Double.init)
    }

    /// The `schools` column key that holds this resource in `stage`, e.g. `qualified_primary`
    /// or `teaching_area` — used to name a missing value.
    public func columnKey(stage: Stage) -> String {
        switch self {
        case .teachers: "teachers_\(stage.rawValue)"
        case .qualifiedTeachers: "qualified_\(stage.rawValue)"
        case .backboneTeachers: "backbone_\(stage.rawValue)"
        case .peArtTeachers: "pe_art_\(stage.rawValue)"
        case .seniorTitleTeachers: "senior_title_\(stage.rawValue)"
        default: rawValue
        }
    }
}
