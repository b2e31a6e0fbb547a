/// What a school reports for one stage (学段) in one year. `nil` means "not reported",
/// which is different from 0.
///
/// Figures are stored as ``StoredCount`` (4 bytes instead of the 9–16 of an `Int?`): a
/// province file holds a hundred thousand rows, and their size is most of the time spent
/// reading one.
public struct StageRecord: Sendable, Hashable {
    private var storedStudents, storedClasses, storedLargestClass, storedTeachers: StoredCount
    private var storedQualified, storedBackbone, storedPEArt, storedSeniorTitle: StoredCount
    private var storedCapacity: StoredCount

    /// 在校生数 — registered at the start of the school year.
    public var students: Int? { get { storedStudents.value } set { storedStudents = StoredCount(newValue) } }
    /// 班数
    public var classes: Int? { get { storedClasses.value } set { storedClasses = StoredCount(newValue) } }
    /// 最大班额
    public var largestClass: Int? { get { storedLargestClass.value } set { storedLargestClass = StoredCount(newValue) } }
    /// 专任教师数
    public var teachers: Int? { get { storedTeachers.value } set { storedTeachers = StoredCount(newValue) } }
    /// 高于规定学历教师数 (primary: 专科 or higher; junior: 本科 or higher).
    public var qualifiedTeachers: Int? { get { storedQualified.value } set { storedQualified = StoredCount(newValue) } }
    /// 县级及以上骨干教师数
    public var backboneTeachers: Int? { get { storedBackbone.value } set { storedBackbone = StoredCount(newValue) } }
    /// 体育艺术专任教师数 (PE, music and fine art).
    public var peArtTeachers: Int? { get { storedPEArt.value } set { storedPEArt = StoredCount(newValue) } }
    /// 中级及以上职称教师数 (2012 method).
    public var seniorTitleTeachers: Int? { get { storedSeniorTitle.value } set { storedSeniorTitle = StoredCount(newValue) } }
    /// 学位数 — the pupils the stage has room for. `nil` means "not reported": the zoning and
    /// the forecast then take classes × the standard class size (45 primary, 50 junior; the
    /// rules file), which is theirs to compute, not the record's.
    public var capacity: Int? { get { storedCapacity.value } set { storedCapacity = StoredCount(newValue) } }

    public init(
        students: Int? = nil, classes: Int? = nil, largestClass: Int? = nil, teachers: Int? = nil,
        qualifiedTeachers: Int? = nil, backboneTeachers: Int? = nil, peArtTeachers: Int? = nil,
        seniorTitleTeachers: Int? = nil, capacity: Int? = nil
    ) {
        storedStudents = StoredCount(students)
        storedClasses = StoredCount(classes)
        storedLargestClass = StoredCount(largestClass)
        storedTeachers = StoredCount(teachers)
        storedQualified = StoredCount(qualifiedTeachers)
        storedBackbone = StoredCount(backboneTeachers)
        storedPEArt = StoredCount(peArtTeachers)
        storedSeniorTitle = StoredCount(seniorTitleTeachers)
        storedCapacity = StoredCount(capacity)
    }
}

/// Whole-school facilities. Combined schools split them between stages with the standard's
/// weights (see ``SplitWeights``). Stored compactly, like ``StageRecord``.
public struct Facilities: Sendable, Hashable {
    private var teaching: StoredAmount, sports: StoredAmount, equipment: StoredAmount
    private var multimedia, computerCount, bookCount, music, art: StoredCount
    private var musicArea = StoredAmount(nil), artArea = StoredAmount(nil)

    /// 教学及辅助用房面积, m².
    public var teachingArea: Double? { get { teaching.value } set { teaching = StoredAmount(newValue) } }
    /// 体育运动场馆面积, m².
    public var sportsArea: Double? { get { sports.value } set { sports = StoredAmount(newValue) } }
    /// 教学仪器设备值, yuan.
    public var equipmentValue: Double? { get { equipment.value } set { equipment = StoredAmount(newValue) } }
    /// 网络多媒体教室数
    public var multimediaRooms: Int? { get { multimedia.value } set { multimedia = StoredCount(newValue) } }
    /// 计算机台数 (2012 method).
    public var computers: Int? { get { computerCount.value } set { computerCount = StoredCount(newValue) } }
    /// 图书册数 (2012 method).
    public var books: Int? { get { bookCount.value } set { bookCount = StoredCount(newValue) } }
    /// 音乐专用教室数
    public var musicRooms: Int? { get { music.value } set { music = StoredCount(newValue) } }
    /// 美术专用教室数
    public var artRooms: Int? { get { art.value } set { art = StoredCount(newValue) } }
    /// 音乐专用教室面积, m²: each room's (the smallest room's when they differ), what the 2017
    /// method's 96 m² per room is checked against.
    public var musicRoomArea: Double? { get { musicArea.value } set { musicArea = StoredAmount(newValue) } }
    /// 美术专用教室面积, m²: each room's (the smallest room's when they differ), against 90 m².
    public var artRoomArea: Double? { get { artArea.value } set { artArea = StoredAmount(newValue) } }

    public init(
        teachingArea: Double? = nil, sportsArea: Double? = nil, equipmentValue: Double? = nil,
        multimediaRooms: Int? = nil, computers: Int? = nil, books: Int? = nil,
        musicRooms: Int? = nil, artRooms: Int? = nil
    ) {
        teaching = StoredAmount(teachingArea)
        sports = StoredAmount(sportsArea)
        equipment = StoredAmount(equipmentValue)
        multimedia = StoredCount(multimediaRooms)
        computerCount = StoredCount(computers)
        bookCount = StoredCount(books)
        music = StoredCount(musicRooms)
        art = StoredCount(artRooms)
    }
}

/// An optional count in 4 bytes. Counts in school statistics are far below 2³¹; the
/// readers refuse larger ones (``StoredCount/maximum``), and code that builds records
/// directly must keep to that range.
public struct StoredCount: Sendable, Hashable {
    /// The largest count a record holds.
    public static let maximum = Int(Int32.max)
    private static let absent = Int32.min
    private let raw: Int32

    @inline(__always)
    public init(_ value: Int?) {
        guard let value else { raw = Self.absent; return }
        precondition(value > Int(Self.absent) && value <= Self.maximum, "count \(value) outside the stored range")
        raw = Int32(truncatingIfNeeded: value)
    }

    @inline(__always)
    public var value: Int? { raw == Self.absent ? nil : Int(raw) }
}

/// An optional amount in 8 bytes: NaN stands for "not reported" (readers never produce NaN).
public struct StoredAmount: Sendable, Hashable {
    private let raw: Double

    @inline(__always)
    public init(_ value: Double?) { raw = value ?? .nan }

    @inline(__always)
    public var value: Double? { raw.isNaN ? nil : raw }

    // NaN is not equal to itself: compare and hash what the amount means.
    public static func == (a: StoredAmount, b: StoredAmount) -> Bool { a.value == b.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
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
    public var seniorStudents: Int? { get { storedSeniorStudents.value } set { storedSeniorStudents = StoredCount(newValue) } }
    /// Whole-school facilities.
    public var facilities: Facilities
    /// 公用经费, yuan per year.
    public var publicFunds: Double? { get { storedPublicFunds.value } set { storedPublicFunds = StoredAmount(newValue) } }
    /// 教师培训经费, yuan per year.
    public var trainingFunds: Double? { get { storedTrainingFunds.value } set { storedTrainingFunds = StoredAmount(newValue) } }
    /// 初中应届毕业生数 — this year's junior graduates, by whom quality high schools' places are
    /// shared (指标到校).
    public var graduates: Int? { get { storedGraduates.value } set { storedGraduates = StoredCount(newValue) } }
    /// 指标到校符合条件人数 — the graduates the quota counts (e.g. three years at the school);
    /// `nil`: all of ``graduates``.
    public var eligibleGraduates: Int? { get { storedEligible.value } set { storedEligible = StoredCount(newValue) } }
    /// 寄宿生数 — pupils who board, funded above the base rate.
    public var boarders: Int? { get { storedBoarders.value } set { storedBoarders = StoredCount(newValue) } }
    /// 随班就读学生数 — pupils with disabilities taught in ordinary classes, funded at the
    /// special-education rate (≥ 6,000 yuan). Part of the stages' 在校生数.
    public var specialPupils: Int? { get { storedSpecialPupils.value } set { storedSpecialPupils = StoredCount(newValue) } }
    private var storedSeniorStudents, storedGraduates, storedEligible, storedBoarders, storedSpecialPupils: StoredCount
    private var storedPublicFunds, storedTrainingFunds: StoredAmount

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
        storedSeniorStudents = StoredCount(seniorStudents)
        self.facilities = facilities
        storedPublicFunds = StoredAmount(publicFunds)
        storedTrainingFunds = StoredAmount(trainingFunds)
        storedGraduates = StoredCount(nil)
        storedEligible = StoredCount(nil)
        storedBoarders = StoredCount(nil)
        storedSpecialPupils = StoredCount(nil)
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
