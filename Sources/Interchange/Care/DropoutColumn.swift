import Domain

/// The columns of the `dropouts` file (控辍保学台账): one row per follow-up visit of a case (or
/// one row for a case without visits); a case's own columns may be left empty on its later
/// rows, and must agree where given.
enum DropoutColumn: Int, CaseIterable, Sendable, DataColumn {
    case countyCode, childId, schoolCode, status, opened, closed, reason, visitDate, visitor, outcome

    var key: String {
        switch self {
        case .countyCode: "county_code"
        case .childId: "child_id"
        case .schoolCode: "school_code"
        case .status: "status"
        case .opened: "opened"
        case .closed: "closed"
        case .reason: "reason"
        case .visitDate: "visit_date"
        case .visitor: "visitor"
        case .outcome: "outcome"
        }
    }

    var chineseHeader: String {
        switch self {
        case .countyCode: "县区代码"
        case .childId: "学籍号"
        case .schoolCode: "学校标识码"
        case .status: "状态"
        case .opened: "发现日期"
        case .closed: "结案日期"
        case .reason: "辍学原因"
        case .visitDate: "走访日期"
        case .visitor: "走访人"
        case .outcome: "走访结果"
        }
    }

    var kind: ColumnKind {
        switch self {
        case .countyCode: .countyCode
        case .childId, .schoolCode: .code
        case .status: .choice(.dropoutStatus)
        case .opened, .closed, .reason, .visitDate, .visitor, .outcome: .text
        }
    }

    var isRequired: Bool {
        switch self {
        case .countyCode, .childId: true
        default: false
        }
    }
}

extension Choices {
    /// 状态 of a dropout case, by ``DropoutStatus`` order; 复学 and 销号 as well.
    static let dropoutStatus = Choices(
        chinese: DropoutStatus.allCases.map(\.chineseName), english: DropoutStatus.allCases.map(\.rawValue),
        aliases: [("复学", 3), ("销号", 4), ("劝返", 2)])
}

/// The columns of the `cohorts` file (初中巩固率): one row per junior school and graduation year.
enum CohortColumn: Int, CaseIterable, Sendable, DataColumn {
    case countyCode, schoolCode, year, entrants, graduates, transfersIn, transfersOut, deaths

    var key: String {
        switch self {
        case .countyCode: "county_code"
        case .schoolCode: "school_code"
        case .year: "year"
        case .entrants: "grade7_entrants"
        case .graduates: "graduates"
        case .transfersIn: "transfers_in"
        case .transfersOut: "transfers_out"
        case .deaths: "deaths"
        }
    }

    var chineseHeader: String {
        switch self {
        case .countyCode: "县区代码"
        case .schoolCode: "学校标识码"
        case .year: "毕业年度"
        case .entrants: "三年前七年级入学人数"
        case .graduates: "毕业生数"
        case .transfersIn: "转入人数"
        case .transfersOut: "转出人数"
        case .deaths: "死亡人数"
        }
    }

    var kind: ColumnKind {
        switch self {
        case .countyCode: .countyCode
        case .schoolCode: .code
        case .year: .year
        case .entrants, .graduates, .transfersIn, .transfersOut, .deaths: .count
        }
    }

    var isRequired: Bool {
        switch self {
        case .countyCode, .schoolCode, .year, .entrants: true
        default: false
        }
    }
}
