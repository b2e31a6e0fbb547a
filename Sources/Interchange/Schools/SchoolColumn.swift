import Domain

/// The columns of the `schools` file (学校年度数据), in the canonical order of
/// data-format.md: one row per school per year.
enum SchoolColumn: Int, CaseIterable, Sendable, DataColumn {
    case year, countyCode, countyName, schoolCode, schoolName, schoolType, parentSchoolCode
    case locality, ownership, boarding, longitude, latitude
    case studentsPrimary, studentsJunior, studentsSenior, classesPrimary, classesJunior
    case largestClassPrimary, largestClassJunior, teachersPrimary, teachersJunior
    case qualifiedPrimary, qualifiedJunior, backbonePrimary, backboneJunior
    case peArtPrimary, peArtJunior, seniorTitlePrimary, seniorTitleJunior
    case teachingArea, sportsArea, equipmentValue, multimediaRooms, computers, books
    case musicRooms, artRooms, publicFunds, trainingFunds

    /// The English key, e.g. `school_code`.
    var key: String { names.key }

    /// The official Chinese header, e.g. 学校标识码.
    var chineseHeader: String { names.chinese }

    /// The header written in `style`.
    func header(_ style: HeaderStyle) -> String {
        style == .chinese ? chineseHeader : key
    }

    private var names: (key: String, chinese: String) {
        switch self {
        case .year: ("year", "年度")
        case .countyCode: ("county_code", "县区代码")
        case .countyName: ("county_name", "县区名称")
        case .schoolCode: ("school_code", "学校标识码")
        case .schoolName: ("school_name", "学校名称")
        case .schoolType: ("school_type", "办学类型")
        case .parentSchoolCode: ("parent_school_code", "所属学校标识码")
        case .locality: ("locality", "城乡类型")
        case .ownership: ("ownership", "举办者类型")
        case .boarding: ("boarding", "是否寄宿制")
        case .longitude: ("longitude", "经度")
        case .latitude: ("latitude", "纬度")
        case .studentsPrimary: ("students_primary", "小学在校生数")
        case .studentsJunior: ("students_junior", "初中在校生数")
        case .studentsSenior: ("students_senior", "高中在校生数")
        case .classesPrimary: ("classes_primary", "小学班数")
        case .classesJunior: ("classes_junior", "初中班数")
        case .largestClassPrimary: ("largest_class_primary", "小学最大班额")
        case .largestClassJunior: ("largest_class_junior", "初中最大班额")
        case .teachersPrimary: ("teachers_primary", "小学专任教师数")
        case .teachersJunior: ("teachers_junior", "初中专任教师数")
        case .qualifiedPrimary: ("qualified_primary", "小学高于规定学历教师数")
        case .qualifiedJunior: ("qualified_junior", "初中高于规定学历教师数")
        case .backbonePrimary: ("backbone_primary", "小学县级及以上骨干教师数")
        case .backboneJunior: ("backbone_junior", "初中县级及以上骨干教师数")
        case .peArtPrimary: ("pe_art_primary", "小学体育艺术专任教师数")
        case .peArtJunior: ("pe_art_junior", "初中体育艺术专任教师数")
        case .seniorTitlePrimary: ("senior_title_primary", "小学中级及以上职称教师数")
        case .seniorTitleJunior: ("senior_title_junior", "初中中级及以上职称教师数")
        case .teachingArea: ("teaching_area", "教学及辅助用房面积")
        case .sportsArea: ("sports_area", "体育运动场馆面积")
        case .equipmentValue: ("equipment_value", "教学仪器设备值")
        case .multimediaRooms: ("multimedia_rooms", "网络多媒体教室数")
        case .computers: ("computers", "计算机台数")
        case .books: ("books", "图书册数")
        case .musicRooms: ("music_rooms", "音乐专用教室数")
        case .artRooms: ("art_rooms", "美术专用教室数")
        case .publicFunds: ("public_funds", "公用经费")
        case .trainingFunds: ("training_funds", "教师培训经费")
        }
    }

    var kind: ColumnKind {
        switch self {
        case .year: .year
        case .countyCode: .countyCode
        case .countyName, .schoolCode, .schoolName, .parentSchoolCode: .text
        case .schoolType: .choice(.schoolType)
        case .locality: .choice(.locality)
        case .ownership: .choice(.ownership)
        case .boarding: .choice(.yesNo)
        case .longitude: .degrees(-180...180)
        case .latitude: .degrees(-90...90)
        case .teachingArea, .sportsArea, .equipmentValue, .publicFunds, .trainingFunds: .amount
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
