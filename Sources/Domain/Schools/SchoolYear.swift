/// What a school reports for one stage (学段) in one year. `nil` means "not reported",
/// which is different from 0.
public struct StageRecord: Sendable, Hashable {
    /// 在校生数 — registered at the start of the school year.
    public var students: Int?
    /// 班数
    public var classes: Int?
    /// 最大班额
    public var largestClass: Int?
    /// 专任教师数
    public var teachers: Int?
    /// 高于规定学历教师数 (primary: 专科 or higher; junior: 本科 or higher).
    public var qualifiedTeachers: Int?
    /// 县级及以上骨干教师数
    public var backboneTeachers: Int?
    /// 体育艺术专任教师数 (PE, music and fine art).
    public var peArtTeachers: Int?
    /// 中级及以上职称教师数 (2012 method).
    public var seniorTitleTeachers: Int?

    public init(
        students: Int? = nil, classes: Int? = nil, largestClass: Int? = nil, teachers: Int? = nil,
        qualifiedTeachers: Int? = nil, backboneTeachers: Int? = nil, peArtTeachers: Int? = nil,
        seniorTitleTeachers: Int? = nil
    ) {
        self.students = students
        self.classes = classes
        self.largestClass = largestClass
        self.teachers = teachers
        self.qualifiedTeachers = qualifiedTeachers
        self.backboneTeachers = backboneTeachers
        self.peArtTeachers = peArtTeachers
        self.seniorTitleTeachers = seniorTitleTeachers
    }
}

/// Whole-school facilities. Combined schools split them between stages with the standard's
/// weights (see ``SplitWeights``).
public struct Facilities: Sendable, Hashable {
    /// 教学及辅助用房面积, m².
    public var teachingArea: Double?
    /// 体育运动场馆面积, m².
    public var sportsArea: Double?
    /// 教学仪器设备值, yuan.
    public var equipmentValue: Double?
    /// 网络多媒体教室数
    public var multimediaRooms: Int?
    /// 计算机台数 (2012 method).
    public var computers: Int?
    /// 图书册数 (2012 method).
    public var books: Int?
    /// 音乐专用教室数
    public var musicRooms: Int?
    /// 美术专用教室数
    public var artRooms: Int?

    public init(
        teachingArea: Double? = nil, sportsArea: Double? = nil, equipmentValue: Double? = nil,
        multimediaRooms: Int? = nil, computers: Int? = nil, books: Int? = nil,
        musicRooms: Int? = nil, artRooms: Int? = nil
    ) {
        self.teachingArea = teachingArea
        self.sportsArea = sportsArea
        self.equipmentValue = equipmentValue
        self.multimediaRooms = multimediaRooms
        self.computers = computers
        self.books = books
        self.musicRooms = musicRooms
        self.artRooms = artRooms
    }
}

/// A point in WGS-84 decimal degrees.
public struct Coordinate: Sendable, Hashable {
    public var longitude: Double
    public var latitude: Double

    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}

/// One school in one year: one row of the `schools` file (学校年度数据).
public struct SchoolYear: Sendable, Hashable {
    /// 年度 — the school year's start, e.g. 2025.
    public var year: Int
    /// 县区代码 — 6-digit administrative division code.
    public var countyCode: String
    /// 县区名称
    public var countyName: String?
    /// 学校标识码 — unique within a year.
    public var schoolCode: String
    /// 学校名称
    public var schoolName: String
    /// 办学类型
    public var type: SchoolType
    /// 所属学校标识码 — the parent of a 教学点.
    public var parentSchoolCode: String?
    /// 城乡类型
    public var locality: Locality
    /// 举办者类型
    public var ownership: Ownership
    /// 是否寄宿制
    public var boarding: Bool?
    /// 经度, 纬度
    public var coordinate: Coordinate?
    /// 小学 figures.
    public var primary: StageRecord
    /// 初中 figures.
    public var junior: StageRecord
    /// 高中在校生数 — only used to split combined schools' facilities.
    public var seniorStudents: Int?
    /// Whole-school facilities.
    public var facilities: Facilities
    /// 公用经费, yuan per year.
    public var publicFunds: Double?
    /// 教师培训经费, yuan per year.
    public var trainingFunds: Double?

    public init(
        year: Int, countyCode: String, countyName: String? = nil, schoolCode: String,
        schoolName: String, type: SchoolType, parentSchoolCode: String? = nil,
        locality: Locality, ownership: Ownership = .public, boarding: Bool? = nil,
        coordinate: Coordinate? = nil, primary: StageRecord = StageRecord(),
        junior: StageRecord = StageRecord(), seniorStudents: Int? = nil,
        facilities: Facilities = Facilities(), publicFunds: Double? = nil,
        trainingFunds: Double? = nil
    ) {
        self.year = year
        self.countyCode = countyCode
        self.countyName = countyName
        self.schoolCode = schoolCode
        self.schoolName = schoolName
        self.type = type
        self.parentSchoolCode = parentSchoolCode
        self.locality = locality
        self.ownership = ownership
        self.boarding = boarding
        self.coordinate = coordinate
        self.primary = primary
        self.junior = junior
        self.seniorStudents = seniorStudents
        self.facilities = facilities
        self.publicFunds = publicFunds
        self.trainingFunds = trainingFunds
    }

    /// The figures of an evaluated stage; `nil` for 高中, which reports students only.
    public func record(for stage: Stage) -> StageRecord? {
        switch stage {
        case .primary: primary
        case .junior: junior
        case .senior: nil
        }
    }

    /// Students registered in `stage`, or `nil` when not reported.
    public func students(in stage: Stage) -> Int? {
        stage == .senior ? seniorStudents : record(for: stage)?.students
    }
}
