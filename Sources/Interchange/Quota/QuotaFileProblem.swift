import Domain
import Spreadsheet

/// What a `quota` file, or the schools it is shared among, can get wrong beyond the rules every
/// table shares, with its message in both languages.
enum QuotaFileProblem: Sendable, Hashable {
    /// 招生计划数 above ``QuotaRows/largestPlan``.
    case placesAboveLimit(Int)
    /// The file's plans together above ``QuotaRows/largestFile``.
    case fileAboveLimit
    /// 分配比例 that is neither a fraction in 0…1 nor a percentage in 0…100 %.
    case share(String)
    /// 每校最少名额 above ``QuotaRows/largestMinimum``.
    case minimumAboveLimit(Int)
    /// 农村学校倾斜系数 above ``QuotaRows/largestRuralWeight``.
    case ruralWeightAboveLimit
    /// A second row for the same county, high school and year.
    case duplicateQuota(firstRow: Int)
    /// No junior school of the county (or of any county) in the year in the schools file.
    case noJuniorSchools(county: String?, year: Int)
    /// Junior schools of the quota's county and year without 初中应届毕业生数: named, at most five.
    case graduatesMissing(names: [String], count: Int)
    /// Every school's minimum together above the places allocated.
    case minimumsAbovePlaces(schools: Int, allocated: Int)
    /// Places to share but nobody eligible.
    case nobodyEligible(allocated: Int)
    /// A row of another county than the one planned (the web's county page).
    case otherCounty(String, expected: String)
    /// A row of another year than the one planned (the web's county page).
    case otherYear(Int, expected: Int)

    func message(in language: Language) -> String {
        switch self {
        case let .placesAboveLimit(limit):
            return language.pick("招生计划数不能超过\(limit)", "total_places must be at most \(limit)")
        case .fileAboveLimit:
            return language.pick("文件中各高中招生计划数合计不能超过\(QuotaRows.largestFile)",
                                 "the file's total_places together must be at most \(QuotaRows.largestFile)")
        case let .share(text):
            return language.pick("分配比例“\(MessageText.excerpt(text))”应为0至1之间的小数或0%至100%的百分数（如0.6或60%）",
                                 "allocated_share '\(MessageText.excerpt(text))' must be a fraction from 0 to 1 or a percentage from 0% to 100% (e.g. 0.6 or 60%)")
        case let .minimumAboveLimit(limit):
            return language.pick("每校最少名额不能超过\(limit)", "min_per_school must be at most \(limit)")
        case .ruralWeightAboveLimit:
            return language.pick("农村学校倾斜系数不能超过\(DecimalNumber.text(QuotaRows.largestRuralWeight))（0.2表示农村学校按1.2倍计）",
                                 "rural_weight must be at most \(DecimalNumber.text(QuotaRows.largestRuralWeight)) (0.2 counts a rural school's pupils 1.2 times)")
        case let .duplicateQuota(firstRow):
            return language.pick("同一县区、同一高中、同一年度重复，首次出现在第\(firstRow)行",
                                 "duplicate county, high school and year, first on row \(firstRow)")
        case let .noJuniorSchools(county, year):
            let which = county.map { language.pick("县区\($0)", "county \($0)") } ?? language.pick("学校文件", "the schools file")
            return language.pick("\(which)在\(year)年度没有含初中学段的学校，名额无法分配",
                                 "\(which) has no school with a junior stage in \(year): the places cannot be shared")
        case let .graduatesMissing(names, count):
            let shown = names.joined(separator: language.pick("、", ", "))
            let more = count > names.count ? language.pick("等\(count)所", " and \(count - names.count) more") : ""
            return language.pick("以下初中学校未填写初中应届毕业生数（graduates），名额无法分配：\(shown)\(more)",
                                 "these junior schools have no graduates (初中应届毕业生数), so the places cannot be shared: \(shown)\(more)")
        case let .minimumsAbovePlaces(schools, allocated):
            return language.pick("\(schools)所学校每校最少名额合计超过分配名额\(allocated)个",
                                 "the minimum for each of \(schools) schools adds up to more than the \(allocated) places allocated")
        case let .otherCounty(county, expected):
            return language.pick("县区代码\(county)不是本县（\(expected)）；本县的名额分配只含本县的行（或留空）",
                                 "county_code \(county) is not this county (\(expected)): give this county's rows only (or leave it empty)")
        case let .otherYear(year, expected):
            return language.pick("年度\(year)不是所选年度\(expected)：名额按所选年度的初中应届毕业生分配",
                                 "year \(year) is not the chosen year \(expected): the places go to the chosen year's graduates")
        case let .nobodyEligible(allocated):
            return language.pick("有\(allocated)个名额待分配，但各校符合条件人数均为0",
                                 "\(allocated) places to share but no school has anyone eligible")
        }
    }
}
