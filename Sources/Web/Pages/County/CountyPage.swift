import Domain
import Interchange
import UseCases

/// The county overview's view model (县域概况): verdict and reasons, each stage's indicators
/// (table and chart), the trend over the years, the schools failing the school rule and the
/// school table. Preformatted strings only.
///
/// Nothing in it depends on who is looking — it takes no viewer — so its HTML is kept for
/// every viewer allowed to read the county (``CountyPageBody``); the year's lock, with the
/// viewer's buttons and form token, is ``CountyLockPanel``, rendered for each request.
struct CountyPage {
    var heading: String
    var standardName: String
    var yearLabel: String
    var years: [PageListing.Link]
    var verdictLabel: String
    var verdict: String
    var verdictClass: String
    var reasonsHeading: String
    var reasons: [String]
    var hasReasons: Bool
    var noReasons: String?
    /// The county's investment plan for this year (资源配置达标投入方案).
    var planHref: String
    var planLabel: String
    /// The county's teacher rotation plan for this year (教师交流轮岗方案).
    var rotateHref: String
    var rotateLabel: String
    var indicatorsHeading: String
    var stages: [CountyStageBlock]
    var trend: CountyTrend?
    var failing: CountyFailingSchools
    var schools: CountySchoolTable
    var excludedHeading: String
    var excluded: [String]
    var hasExcluded: Bool

    /// - Parameter history: the county's evaluation in every year (for the trend); the
    ///   trend is left out with fewer than two.
    init(evaluation: CountyEvaluation, history: [CountyEvaluation], query: CountySchoolQuery,
         standard: Standard, language l: Language) {
        let result = evaluation.result
        heading = l.pick("\(evaluation.title) · \(evaluation.year) 年度县域概况", "\(evaluation.title) · \(evaluation.year) county overview")
        standardName = standard.name(in: l)
        yearLabel = l.pick("年度：", "Year: ")
        years = evaluation.years.map {
            PageListing.Link(href: "/counties/\(evaluation.countyCode)?year=\($0)", label: String($0), current: $0 == evaluation.year)
        }
        verdictLabel = l.pick("评估结论", "Verdict")
        verdict = result.verdict.name(in: l)
        verdictClass = FigureText.verdictClass(result.verdict)
        reasonsHeading = l.pick("原因", "Reasons")
        reasons = result.findings.map { $0.text(in: l, standard: standard) }
        hasReasons = !reasons.isEmpty
        noReasons = reasons.isEmpty ? l.pick("各项要求均已达到。", "Every requirement is met.") : nil
        planHref = "/counties/\(evaluation.countyCode)/plan?year=\(evaluation.year)"
        planLabel = l.pick("资源配置达标投入方案", "Investment plan for the resource allocation")
        rotateHref = "/counties/\(evaluation.countyCode)/rotate?year=\(evaluation.year)"
        rotateLabel = l.pick("教师交流轮岗方案", "Teacher rotation plan")
        indicatorsHeading = l.pick("资源配置：校际差异系数", "Resource allocation: inter-school CV")
        stages = result.stages.map { CountyStageBlock(stage: $0, evaluation: evaluation, standard: standard, language: l) }
        trend = history.count > 1 ? CountyTrend(years: history, shown: evaluation.year, standard: standard, language: l) : nil
        failing = CountyFailingSchools(evaluation: evaluation, standard: standard, language: l)
        schools = CountySchoolTable(evaluation: evaluation, standard: standard, query: query, language: l)
        excludedHeading = l.pick("未纳入资源配置评估的学校", "Schools left out of the resource-allocation part")
        excluded = result.excluded.map { "\($0.schoolName)（\($0.schoolCode)）：\($0.reason.text(in: l))" }
        hasExcluded = !excluded.isEmpty
    }

    /// The notice after a lock or unlock (`?done=locked|unlocked`).
    static func notice(_ done: String?, year: Int, language l: Language) -> String? {
        switch done {
        case "locked"?: l.pick("已锁定 \(year) 年度数据。", "\(year) is now locked.")
        case "unlocked"?: l.pick("已解除 \(year) 年度的锁定。", "\(year) is unlocked.")
        default: nil
        }
    }
}
