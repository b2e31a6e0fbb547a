import Domain

/// The columns of the `blocks` file (居住片区): one row per residential block (小区 or 村).
enum BlockColumn: Int, CaseIterable, Sendable, DataColumn {
    case blockId, blockName, countyCode, longitude, latitude, childrenPrimary, childrenJunior
    case migrantPrimary, migrantJunior, currentPrimary, currentJunior, population, community

    /// The block's value the column holds, from the one catalogue (``Domain/ResidentialBlock/Column``);
    /// nil for the id and the county.
    var field: ResidentialBlock.Column? {
        switch self {
        case .blockId, .countyCode: nil
        case .blockName: .name
        case .longitude: .longitude
        case .latitude: .latitude
        case .childrenPrimary: .childrenPrimary
        case .childrenJunior: .childrenJunior
        case .migrantPrimary: .migrantPrimary
        case .migrantJunior: .migrantJunior
        case .currentPrimary: .currentPrimary
        case .currentJunior: .currentJunior
        case .population: .population
        case .community: .community
        }
    }

    var key: String { field?.rawValue ?? (self == .blockId ? "block_id" : "county_code") }

    var chineseHeader: String { field?.chineseName ?? (self == .blockId ? "片区编号" : "县区代码") }

    /// Coordinates in the ranges of the `schools` file; the current schools are codes as
    /// in it (``ZoneInputCheck`` checks they exist there).
    var kind: ColumnKind {
        switch self {
        case .blockId, .currentPrimary, .currentJunior, .community: .code
        case .blockName: .text
        case .countyCode: .countyCode
        case .longitude: SchoolColumn.longitude.kind
        case .latitude: SchoolColumn.latitude.kind
        case .childrenPrimary, .childrenJunior, .migrantPrimary, .migrantJunior, .population: .count
        }
    }

    /// Blank children are 0; the coordinates may be left out when the distances file
    /// covers the block.
    var isRequired: Bool { self == .blockId || self == .countyCode }

    /// 适龄儿童数 of `stage` (primary or junior).
    static func children(_ stage: Stage) -> BlockColumn { stage == .primary ? .childrenPrimary : .childrenJunior }
    /// 随迁子女数 of `stage` (primary or junior).
    static func migrants(_ stage: Stage) -> BlockColumn { stage == .primary ? .migrantPrimary : .migrantJunior }
    /// 现划入学校 of `stage` (primary or junior).
    static func current(_ stage: Stage) -> BlockColumn { stage == .primary ? .currentPrimary : .currentJunior }
}

/// The columns of the `distances` file: one row per block and school (or site) whose way
/// was measured, as km or as minutes.
enum DistanceColumn: Int, CaseIterable, Sendable, DataColumn {
    case from, to, distance, minutes

    var key: String {
        switch self {
        case .from: "from"
        case .to: "to"
        case .distance: "distance"
        case .minutes: "minutes"
        }
    }

    var chineseHeader: String {
        switch self {
        case .from: "片区编号"
        case .to: "学校标识码或布点编号"
        case .distance: "距离（公里）"
        case .minutes: "用时（分钟）"
        }
    }

    var kind: ColumnKind {
        switch self {
        case .from, .to: .code
        case .distance, .minutes: .amount
        }
    }

    /// One of 距离 and 用时 per row: ``DistanceRows`` checks that.
    var isRequired: Bool { self == .from || self == .to }

    /// The longest way accepted, 1,000 km: farther than any pupil travels daily, so a larger
    /// number is a unit mistake (metres for km).
    static let longestDistance = 1_000.0
    /// The longest time accepted, a day (1,440 minutes).
    static let longestMinutes = 1_440.0
}

/// The columns of the `enrollment` file (分年级在校生): one row per school, year and grade.
enum EnrollmentColumn: Int, CaseIterable, Sendable, DataColumn {
    case year, schoolCode, grade, students, classes, largestClass

    var key: String {
        switch self {
        case .year: "year"
        case .schoolCode: "school_code"
        case .grade: "grade"
        case .students: "students"
        case .classes: "classes"
        case .largestClass: "largest_class"
        }
    }

    var chineseHeader: String {
        switch self {
        case .year: "年度"
        case .schoolCode: "学校标识码"
        case .grade: "年级"
        case .students: "在校生数"
        case .classes: "班数"
        case .largestClass: "最大班额"
        }
    }

    var kind: ColumnKind {
        switch self {
        case .year: .year
        case .schoolCode: .code
        case .grade, .students, .classes, .largestClass: .count
        }
    }

    var isRequired: Bool { self != .largestClass }

    /// The grades of compulsory education: 1–6 primary, 7–9 junior.
    static let grades = 1...9
}

/// The columns of the `births` file (出生人口): one row per area and year.
enum BirthColumn: Int, CaseIterable, Sendable, DataColumn {
    case areaCode, year, births

    var key: String {
        switch self {
        case .areaCode: "area_code"
        case .year: "year"
        case .births: "births"
        }
    }

    var chineseHeader: String {
        switch self {
        case .areaCode: "区域代码"
        case .year: "年度"
        case .births: "出生人数"
        }
    }

    /// A county code (6 digits) or a town's (9 or 12): a code, not a county code.
    var kind: ColumnKind {
        switch self {
        case .areaCode: .code
        case .year: .year
        case .births: .count
        }
    }

    var isRequired: Bool { true }
}
