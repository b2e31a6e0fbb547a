import Domain

/// The columns of the `children` file (儿童登记): the register's key, then one per
/// ``Domain/Child/Column``, named by the Domain catalogue.
enum ChildColumn: Int, CaseIterable, Sendable, DataColumn {
    case countyCode, year, childId
    case name, gender, birthDate, schoolCode, grade, classId, leftBehind, migrant, disability, placement, poverty, orphan
    case guardian, guardianPhone, address, partner

    /// The Domain column this file column holds; `nil` for the key.
    var value: Child.Column? {
        switch self {
        case .countyCode, .year, .childId: nil
        case .name: .name
        case .gender: .gender
        case .birthDate: .birthDate
        case .schoolCode: .schoolCode
        case .grade: .grade
        case .classId: .classId
        case .leftBehind: .leftBehind
        case .migrant: .migrant
        case .disability: .disability
        case .placement: .placement
        case .poverty: .poverty
        case .orphan: .orphan
        case .guardian: .guardian
        case .guardianPhone: .guardianPhone
        case .address: .address
        case .partner: .partner
        }
    }

    var key: String {
        switch self {
        case .countyCode: "county_code"
        case .year: "year"
        case .childId: "child_id"
        default: value!.rawValue
        }
    }

    var chineseHeader: String {
        switch self {
        case .countyCode: "县区代码"
        case .year: "年度"
        case .childId: "学籍号"
        default: value!.chineseName
        }
    }

    /// 出生日期 is text that ``ChildRows`` reads as a date in the forms registers use.
    var kind: ColumnKind {
        switch self {
        case .countyCode: .countyCode
        case .year: .year
        case .childId, .schoolCode, .classId, .partner: .code
        case .name, .birthDate, .guardian, .guardianPhone, .address: .text
        case .gender: .choice(.gender)
        case .grade: .choice(.grade)
        case .leftBehind: .choice(.leftBehind)
        case .migrant, .poverty, .orphan: .choice(.yesNo)
        case .disability: .choice(.disability)
        case .placement: .choice(.placement)
        }
    }

    var isRequired: Bool {
        switch self {
        case .countyCode, .year, .childId, .name, .birthDate: true
        default: false
        }
    }
}

extension Choices {
    /// 年级 1…9: 一年级 … 九年级, or the digit; 初一, 初二, 初三 as well.
    static let grade = Choices(
        chinese: ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "七年级", "八年级", "九年级"],
        english: (1...9).map(String.init),
        aliases: [("初一", 6), ("初二", 7), ("初三", 8), ("一", 0), ("二", 1), ("三", 2), ("四", 3), ("五", 4), ("六", 5), ("七", 6), ("八", 7), ("九", 8)])
    /// 是否留守儿童, by ``LeftBehind`` order: 否 / 单亲外出 / 双亲外出, or 0 / 1 / 2 as the national
    /// register codes them.
    static let leftBehind = Choices(
        chinese: LeftBehind.allCases.map(\.chineseName), english: LeftBehind.allCases.map(\.key),
        aliases: [("0", 0), ("1", 1), ("2", 2), ("单亲外出务工", 1), ("双亲外出务工", 2), ("非留守", 0)])
    /// 残疾类型, by ``Disability`` order; 视力残疾 … as well.
    static let disability = Choices(
        chinese: Disability.allCases.map(\.chineseName), english: Disability.allCases.map(\.rawValue),
        aliases: Disability.allCases.enumerated().map { ($1.chineseName + "残疾", $0) })
    /// 安置方式, by ``Placement`` order; 特殊教育学校就读 and 特教学校 as well.
    static let placement = Choices(
        chinese: Placement.allCases.map(\.chineseName), english: Placement.allCases.map(\.rawValue),
        aliases: [("特殊教育学校就读", 1), ("特教学校", 1), ("随班", 0)])
}
