import Domain
import Foundation

/// What a plan input file — unit costs or yearly budgets — can get wrong beyond the rules
/// every table shares (numbers, required cells, known columns), with its message in both
/// languages.
enum PlanFileProblem: Sendable, Hashable {
    /// A unit that is not the one the item is priced in.
    case wrongUnit(String, Resource)
    /// A second price for the same item and locality.
    case duplicateCost(firstRow: Int)
    /// A purchase unit or a yearly capacity outside the rules of ``PurchaseSetting`` (the
    /// unit-cost page refuses the same values with the same words).
    case purchaseSetting(PurchaseSetting.Violation)
    /// A purchase unit that differs from the one an earlier row gave the same item.
    case conflictingPurchaseUnit(firstRow: Int)
    /// A yearly capacity that differs from the one an earlier row gave the same item.
    case conflictingCapacity(firstRow: Int)
    /// A budget year outside 2000…2100.
    case budgetYearOutOfRange(Int)
    /// A budget of 0 yuan.
    case budgetNotPositive
    /// A second budget for the same year.
    case duplicateBudgetYear(firstRow: Int)

    /// The message in `language`.
    func message(in language: Language) -> String {
        switch self {
        case let .wrongUnit(text, resource):
            let unit = resource.unit
            let others = CostUnits.aliases(of: resource)
            let also = others.isEmpty ? "" : language.pick("（也可写作 \(others.joined(separator: "、"))）", " (or \(others.joined(separator: ", ")))")
            return language.pick(
                "\(resource.chineseName)的单位应为“\(unit)”\(also)，不是“\(MessageText.excerpt(text))”",
                "\(resource.rawValue) is priced per '\(unit)'\(also), not '\(MessageText.excerpt(text))'")
        case let .duplicateCost(firstRow):
            return language.pick(
                "同一项目、同一城乡类型的单价重复，首次出现在第\(firstRow)行",
                "duplicate price for this item and locality, first on row \(firstRow)")
        case let .purchaseSetting(violation):
            return violation.message(in: language)
        case let .conflictingPurchaseUnit(firstRow):
            return language.pick(
                "同一项目的购置单位与第\(firstRow)行不同", "the purchase unit differs from the one on row \(firstRow) for this item")
        case let .conflictingCapacity(firstRow):
            return language.pick("同一项目的每年限额与第\(firstRow)行不同", "the yearly capacity differs from the one on row \(firstRow) for this item")
        case let .budgetYearOutOfRange(year):
            return language.pick("年度\(year)不在2000至2100之间", "year \(year) is not between 2000 and 2100")
        case .budgetNotPositive:
            return language.pick("预算须大于0元", "the budget must be more than 0 yuan")
        case let .duplicateBudgetYear(firstRow):
            return language.pick("年度重复，首次出现在第\(firstRow)行", "duplicate year, first on row \(firstRow)")
        }
    }
}

/// The spellings a costs file may use for the unit each item is priced in: the unit of
/// ``UnitCosts/unit(of:)`` itself, or one of its aliases (`m2`, `平方米` for m²; `yuan` for
/// 元; `人年` for 人·年 …), compared without regard to letter case or surrounding spaces.
enum CostUnits {
    /// The other accepted spellings of the unit `resource` is priced in.
    static func aliases(of resource: Resource) -> [String] {
        switch resource.unit {
        case "m²": ["m2", "m^2", "㎡", "平方米", "sqm"]
        case "元": ["yuan", "cny", "rmb"]
        case "间": ["room", "rooms"]
        case "人·年": ["人年", "人.年", "人/年", "person-year", "person_year", "teacher-year", "teacher_year"]
        // A backbone teacher is priced per teacher trained; files written when it was priced
        // per teacher-year keep loading (the price is then read as the training cost).
        case "人": ["person", "persons", "teacher", "teachers", "名", "人·年", "人年", "person-year", "person_year"]
        case "台": ["unit", "units", "computer", "computers"]
        case "册": ["本", "volume", "volumes", "book", "books"]
        default: []
        }
    }

    /// Whether `text` names the unit `resource` is priced in.
    static func matches(_ text: String, _ resource: Resource) -> Bool {
        let spelled = text.trimmingCharacters(in: .whitespaces).lowercased()
        return spelled == resource.unit.lowercased() || aliases(of: resource).contains(spelled)
    }
}
