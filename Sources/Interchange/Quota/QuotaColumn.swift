import Domain

/// The columns of the `quota` file (优质高中招生名额分配到校): one row per quality high school
/// and year.
enum QuotaColumn: Int, CaseIterable, Sendable, DataColumn {
    case countyCode, highSchool, year, totalPlaces, allocatedShare, minimumPerSchool, ruralWeight

    var key: String {
        switch self {
        case .countyCode: "county_code"
        case .highSchool: "high_school"
        case .year: "year"
        case .totalPlaces: "total_places"
        case .allocatedShare: "allocated_share"
        case .minimumPerSchool: "min_per_school"
        case .ruralWeight: "rural_weight"
        }
    }

    var chineseHeader: String {
        switch self {
        case .countyCode: "县区代码"
        case .highSchool: "高中学校"
        case .year: "年度"
        case .totalPlaces: "招生计划数"
        case .allocatedShare: "分配比例"
        case .minimumPerSchool: "每校最少名额"
        case .ruralWeight: "农村学校倾斜系数"
        }
    }

    /// 分配比例 is text: it is read as a fraction (0.6) or a percentage (60%), which
    /// ``QuotaRows`` tells apart.
    var kind: ColumnKind {
        switch self {
        case .countyCode: .countyCode
        case .highSchool: .code
        case .year: .year
        case .totalPlaces, .minimumPerSchool: .count
        case .allocatedShare: .text
        case .ruralWeight: .amount
        }
    }

    var isRequired: Bool {
        switch self {
        case .highSchool, .year, .totalPlaces, .allocatedShare: true
        case .countyCode, .minimumPerSchool, .ruralWeight: false
        }
    }
}
