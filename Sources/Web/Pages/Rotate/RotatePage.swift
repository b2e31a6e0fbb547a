import Domain
import Interchange
import UseCases
import Storage

/// The rotation page's view model (教师交流轮岗方案): what the plan does, the upload form,
/// and after a POST either every problem of the refused upload — nothing else — or the
/// plan: quota check, the teacher CVs per stage, the objective terms, the title structure,
/// the moves, each school's counts against its needs, the count differences and the
/// rural-service summary. Preformatted strings only.
struct RotatePage {
    /// One problem of a refused upload, at the place a person fixes it.
    struct Problem {
        var file: String
        var row: String
        var column: String
        var rule: String
    }

    var heading: String
    var intro: String
    var privacy: String
    var yearLabel: String
    var years: [PageListing.Link]
    var overviewHref, overviewLabel: String
    var planHref, planLabel: String
    var form: RotateForm
    /// After a refused upload: the sentence and every problem.
    var errorMessage: String?
    var problemHeaders: [String]
    var problems: [Problem]
    var hasProblems = false
    /// After a plan.
    var warningsHeading: String
    var warnings: [String]
    var hasWarnings = false
    var quota: RotateQuota?
    var chartsHeading: String
    var stages: [RotateStageChart]
    var hasCharts = false
    var objective: RotateObjectiveTable?
    var titles: RotateTitleTable?
    var moves: RotateMoveTable?
    var schools: RotateSchoolTable?
    var differences: RotateDifferenceTable?
    var rural: RotateRuralService?

    /// The page with the form only (GET), for `year` of the county.
    init(county: CountySummary, year: Int, csrf: String, rules: String = "", language l: Language) {
        let code = county.code
        let title = county.name.map { "\($0)（\(code)）" } ?? code
        heading = l.pick("\(title) · \(year) 年度教师交流轮岗方案", "\(title) · \(year) teacher rotation plan")
        let d = RotationRules.defaults
        intro = l.pick(
            "上传本县教师信息文件后，系统在符合交流条件的教师中安排同学科、同学段教师两两对调（各校教师总数不变），使县级以上骨干教师、高于规定学历教师和体育艺术教师按在校生数在校际间更均衡，引导城镇学校中级及以上职称教师到农村学校任教，并补足每年交流比例（默认不少于符合交流条件教师的 \(FigureText.percent(d.minShareOfEligible))，其中骨干教师不少于交流人数的 \(FigureText.percent(d.minBackboneShareOfMovers))）。",
            "From the county's teachers file, the plan swaps eligible teachers of the same subject and stage between schools (every school keeps its headcount) so that backbone teachers, teachers above the statutory qualification and PE/art teachers are shared by students more evenly, brings town teachers of mid-level or higher title to rural schools, and tops the movers up to the yearly quota (by default at least \(FigureText.percent(d.minShareOfEligible)) of eligible teachers, of whom at least \(FigureText.percent(d.minBackboneShareOfMovers)) backbone teachers).")
        privacy = l.pick("上传的文件只用于本次测算，不保存，也不改动任何数据。", "The upload is used for this plan only: it is not kept and changes no data.")
        yearLabel = l.pick("年度：", "Year: ")
        years = county.years.map {
            PageListing.Link(href: "/counties/\(code)/rotate?year=\($0)", label: String($0), current: $0 == year)
        }
        overviewHref = "/counties/\(code)?year=\(year)"
        overviewLabel = l.pick("返回县域概况", "Back to the county overview")
        planHref = "/counties/\(code)/plan?year=\(year)"
        planLabel = l.pick("资源配置达标投入方案", "Investment plan for the resource allocation")
        form = RotateForm(county: code, year: year, csrf: csrf, rules: rules, language: l)
        problemHeaders = l == .chinese ? ["文件", "行", "列", "问题"] : ["File", "Row", "Column", "Problem"]
        problems = []
        warningsHeading = l.pick("提示", "Warnings")
        warnings = []
        chartsHeading = l.pick("教师配置指标校际差异系数：交流前后", "Inter-school CV of the teacher indicators, before and after")
        stages = []
    }

    /// The page after a refused upload: the sentence and every problem, nothing else.
    mutating func show(_ error: RotationFileError, language l: Language) {
        errorMessage = error.message(in: l)
        problems = error.problems.map { problem in
            Problem(file: problem.file, row: problem.row == 0 ? "—" : String(problem.row),
                    column: problem.column.isEmpty ? "—" : problem.column, rule: problem.message)
        }
        hasProblems = !problems.isEmpty
    }

    /// The page after a request the form should not have sent (no file, rules twice…).
    mutating func show(_ error: WebError, language l: Language) {
        errorMessage = error.message ?? ErrorMiddleware.defaultMessage(error.kind, language: l)
    }

    /// The page with the plan.
    mutating func show(_ rotation: CountyRotation, standard: Standard, language l: Language) {
        warnings = rotation.warnings
        hasWarnings = !warnings.isEmpty
        quota = RotateQuota(plan: rotation.plan, rules: rotation.rules, language: l)
        stages = RotateStageChart.charts(rotation.plan.changes, standard: standard, language: l)
        hasCharts = !stages.isEmpty
        objective = RotateObjectiveTable(plan: rotation.plan, language: l)
        titles = RotateTitleTable(plan: rotation.plan, language: l)
        moves = RotateMoveTable(rotation: rotation, language: l)
        schools = RotateSchoolTable(rotation: rotation, language: l)
        differences = RotateDifferenceTable(rotation: rotation, language: l)
        rural = RotateRuralService(rotation: rotation, language: l)
    }
}
