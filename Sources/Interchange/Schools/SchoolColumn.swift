import Domain

/// The columns of the `schools` file (学校年度数据) are the fields of a school year, in the
/// canonical order of data-format.md: one row per school per year. The names live in
/// Domain (``SchoolField``); how a cell is read lives here.
typealias SchoolColumn = SchoolField

extension SchoolField: DataColumn {
    /// The official Chinese header, e.g. 学校标识码.
    var chineseHeader: String { chineseName }

    var kind: ColumnKind {
        switch self {
        case .year: .year
        case .countyCode: .countyCode
        case .countyName, .schoolName: .text
        case .schoolCode, .parentSchoolCode: .code
        case .schoolType: .choice(.schoolType)
        case .locality: .choice(.locality)
        case .ownership: .choice(.ownership)
        case .boarding: .choice(.yesNo)
        case .longitude: .degrees(-180...180)
        case .latitude: .degrees(-90...90)
        case .teachingArea, .sportsArea, .equipmentValue, .publicFunds, .trainingFunds, .musicRoomArea, .artRoomArea: .amount
        default: .count
        }
    }

    var isRequired: Bool {
        switch self {
        case .year, .countyCode, .schoolCode, .schoolName, .schoolType, .locality,
             .teachingArea, .sportsArea, .equipmentValue, .multimediaRooms: true
        default: false
        }
    }

    /// 在校生数 of `stage`.
    static func students(_ stage: Stage) -> SchoolColumn {
        switch stage {
        case .primary: .studentsPrimary
        case .junior: .studentsJunior
        case .senior: .studentsSenior
        }
    }

    /// The teacher counts of primary or junior: 专任教师数 first, then the subsets of it
    /// (高于规定学历, 骨干, 体育艺术, 中级及以上职称). Senior reports no teachers.
    static func teachers(_ stage: Stage) -> [SchoolColumn] {
        switch stage {
        case .primary: primaryTeachers
        case .junior: juniorTeachers
        case .senior: []
        }
    }

    /// What a school must report for each stage its type covers: the students, and for the
    /// evaluated stages the classes and the teacher counts of the 2017 method (中级职称 is
    /// the 2012 method's and stays optional).
    static func required(_ stage: Stage) -> [SchoolColumn] {
        switch stage {
        case .primary: requiredPrimary
        case .junior: requiredJunior
        case .senior: [.studentsSenior]
        }
    }

    private static let primaryTeachers: [SchoolColumn] = [.teachersPrimary, .qualifiedPrimary, .backbonePrimary, .peArtPrimary, .seniorTitlePrimary]
    private static let juniorTeachers: [SchoolColumn] = [.teachersJunior, .qualifiedJunior, .backboneJunior, .peArtJunior, .seniorTitleJunior]
    private static let requiredPrimary: [SchoolColumn] = [.studentsPrimary, .classesPrimary, .teachersPrimary, .qualifiedPrimary, .backbonePrimary, .peArtPrimary]
    private static let requiredJunior: [SchoolColumn] = [.studentsJunior, .classesJunior, .teachersJunior, .qualifiedJunior, .backboneJunior, .peArtJunior]
}
