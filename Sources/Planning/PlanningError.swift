import Domain

/// Why a plan cannot be made, in words a planner can act on.
public struct PlanningError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        case unsupportedStandard(key: String)
        case noSchools
        case severalCounties([String])
        case missingValues([MissingValue])
        case noBudget
        case budgetNotPositive(year: Int, budget: Double)
        case budgetYearRepeated(Int)
        case noSites
        case openCount(Int, sites: Int, kept: Int)
        case layoutBudget
        case layoutTooLarge(blocks: Int, sites: Int, limit: Int)
        case apportionment(Apportionment)
    }

    /// Why places cannot be apportioned (``Planning/Apportionment``).
    enum Apportionment: Sendable, Hashable {
        case negativePlaces(Int)
        case badWeight(String)
        case badMinimum(String)
        case repeatedId(String)
        case minimumsAbovePlaces(minimums: Int, places: Int)
        case noWeight(places: Int)
    }

    /// A value the plan needs that a school did not report.
    public struct MissingValue: Sendable, Hashable {
        /// 学校标识码
        public var schoolCode: String
        /// The `schools` column that is blank.
        public var column: String
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    /// A budget file without a year: nothing to schedule.
    public static let noBudget = PlanningError(.noBudget)

    /// The values that are missing, when that is the reason.
    public var missingValues: [MissingValue] {
        if case let .missingValues(values) = kind { return values }
        return []
    }

    public var description: String { message(in: .chinese) }

    /// The message in `language`.
    public func message(in language: Language) -> String {
        switch kind {
        case let .unsupportedStandard(key):
            return language.pick(
                "标准 \(key) 以综合差异系数评判，投入规划只支持逐项评判差异系数的标准（如 quality-2017）",
                "standard \(key) judges the composite CV; the investment planner supports standards that judge each indicator's CV (such as quality-2017)")
        case .noSchools:
            return language.pick("没有可规划的学校", "no schools to plan for")
        case let .severalCounties(codes):
            return language.pick(
                "数据含多个县区或年度（\(codes.joined(separator: "、"))），请用 --county 选择一个",
                "the data holds several counties or years (\(codes.joined(separator: ", "))); choose one with --county")
        case let .missingValues(values):
            let shown = values.prefix(10).map { "\($0.schoolCode) \($0.column)" }.joined(separator: language.pick("、", ", "))
            let more = values.count > 10 ? language.pick(" 等 \(values.count) 处", " and \(values.count - 10) more") : ""
            return language.pick("规划需要的数据缺失：\(shown)\(more)", "values the plan needs are blank: \(shown)\(more)")
        case .noBudget:
            return language.pick("预算文件没有任何年度", "the budget file has no year")
        case let .budgetNotPositive(year, budget):
            return language.pick("\(year) 年预算 \(budget) 不是正数", "the budget of \(year), \(budget), is not positive")
        case let .budgetYearRepeated(year):
            return language.pick("\(year) 年的预算出现了两次", "the budget of \(year) is given twice")
        case .noSites:
            return language.pick("布点文件没有任何布点", "the sites file has no site")
        case let .openCount(p, sites, kept):
            return language.pick(
                "开办 \(p) 处布点不可行：应为 1 到 \(sites)（布点数），且不少于必须保留的 \(kept) 处",
                "opening \(p) sites cannot be met: it is 1 to \(sites) (the sites) and at least the \(kept) sites that must stay")
        case let .layoutTooLarge(blocks, sites, limit):
            return language.pick(
                "\(blocks) 个片区 × \(sites) 处布点超过布局规划的上限（\(limit) 对）：请按乡镇分片规划，或减少候选布点",
                "\(blocks) blocks × \(sites) sites is above the layout planner's limit (\(limit) pairs): plan the county by town, or list fewer candidate sites")
        case .layoutBudget:
            return language.pick("建设预算应为不小于 0 的金额（元）", "the budget (building and classes) is an amount of yuan, 0 or more")
        case let .apportionment(problem):
            return problem.message(in: language)
        }
    }
}

extension PlanningError.Apportionment {
    func message(in language: Language) -> String {
        switch self {
        case let .negativePlaces(places):
            return language.pick("名额数 \(places) 不能为负", "\(places) places: the places cannot be negative")
        case let .badWeight(id):
            return language.pick("\(id) 的分配基数应为不小于 0 的有限数", "\(id): the weight is a finite number, 0 or more")
        case let .badMinimum(id):
            return language.pick("\(id) 的最少名额不能为负", "\(id): the minimum cannot be negative")
        case let .repeatedId(id):
            return language.pick("\(id) 出现了两次", "\(id) is listed twice")
        case let .minimumsAbovePlaces(minimums, places):
            return language.pick("各校最少名额合计 \(minimums) 超过可分配名额 \(places)",
                                 "the minimums add up to \(minimums), more than the \(places) places")
        case let .noWeight(places):
            return language.pick("最少名额之外还有 \(places) 个名额，但没有任何学校有分配基数（符合条件人数）",
                                 "\(places) places are left beyond the minimums, but no school has a weight (eligible graduates) to share them by")
        }
    }
}
