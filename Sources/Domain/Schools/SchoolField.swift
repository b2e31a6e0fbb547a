/// One field of a ``SchoolYear``, in the canonical column order of the `schools` file
/// (data-format.md). The same catalogue names the file's columns, the database's columns,
/// the edit form's inputs and the audit trail's entries, so a field is spelled once.
///
/// ```swift
/// SchoolField.teachingArea.key          // "teaching_area"
/// SchoolField.teachingArea.chineseName  // "教学及辅助用房面积"
/// school.value(of: .teachingArea)       // .decimal(5210.5)
/// ```
public enum SchoolField: Int, CaseIterable, Sendable, Hashable {
    case year, countyCode, countyName, schoolCode, schoolName, schoolType, parentSchoolCode
    case locality, ownership, boarding, longitude, latitude
    case studentsPrimary, studentsJunior, studentsSenior, classesPrimary, classesJunior
    case largestClassPrimary, largestClassJunior, teachersPrimary, teachersJunior
    case qualifiedPrimary, qualifiedJunior, backbonePrimary, backboneJunior
    case peArtPrimary, peArtJunior, seniorTitlePrimary, seniorTitleJunior
    case teachingArea, sportsArea, equipmentValue, multimediaRooms, computers, books
    case musicRooms, artRooms, publicFunds, trainingFunds
    case capacityPrimary, capacityJunior
    case graduates, eligible
    case boarders, specialPupils, musicRoomArea, artRoomArea

    /// The English key, e.g. `school_code`.
    public var key: String { names.key }

    /// The official Chinese name, e.g. 学校标识码 — the column header.
    public var chineseName: String { names.chinese }

    /// The field whose key is `key`, if any.
    public init?(key: String) {
        guard let field = Self.byKey[key] else { return nil }
        self = field
    }

    /// Whether the field identifies the row (年度, 县区代码, 学校标识码): edits and imports
    /// never change it; they address a row by it.
    public var isIdentity: Bool {
        self == .year || self == .countyCode || self == .schoolCode
    }

    /// Whether the field classifies the school (县区名称, 学校名称, 办学类型, 城乡类型, 办学性质,
    /// 所属学校): what the evaluation groups and counts schools by, so the county's to set,
    /// never a school clerk's.
    public var isClassification: Bool {
        switch self {
        case .countyName, .schoolName, .schoolType, .locality, .ownership, .parentSchoolCode: true
        default: false
        }
    }

    /// What kind of value the field holds.
    public var valueKind: FieldValue.Kind {
        switch self {
        case .year: .integer
        case .countyCode, .countyName, .schoolCode, .schoolName, .parentSchoolCode,
             .schoolType, .locality, .ownership: .text
        case .boarding: .flag
        case .longitude, .latitude, .teachingArea, .sportsArea, .equipmentValue,
             .publicFunds, .trainingFunds, .musicRoomArea, .artRoomArea: .decimal
        default: .integer
        }
    }

    private static let byKey: [String: SchoolField] =
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.key, $0) })

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
        case .capacityPrimary: ("capacity_primary", "小学学位数")
        case .capacityJunior: ("capacity_junior", "初中学位数")
        case .graduates: ("graduates", "初中应届毕业生数")
        case .eligible: ("eligible", "指标到校符合条件人数")
        case .boarders: ("boarders", "寄宿生数")
        case .specialPupils: ("special_pupils", "随班就读学生数")
        case .musicRoomArea: ("music_room_area", "音乐专用教室面积")
        case .artRoomArea: ("art_room_area", "美术专用教室面积")
        }
    }
}

/// The value of one ``SchoolField``. Enumerations are held by their stable English code
/// (`nine_year`, `rural`), which is what storage keeps.
public enum FieldValue: Sendable, Hashable {
    case integer(Int)
    case decimal(Double)
    case text(String)
    case flag(Bool)

    /// The kinds of value a field can hold.
    public enum Kind: Sendable, Hashable {
        case integer, decimal, text, flag
    }

    /// The canonical text: integers and decimals in plain notation (shortest exact form),
    /// flags as `true`/`false`, text as is. The audit trail records values in this form.
    public var text: String {
        switch self {
        case .integer(let n): String(n)
        case .decimal(let x): x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
        case .text(let s): s
        case .flag(let b): b ? "true" : "false"
        }
    }
}
