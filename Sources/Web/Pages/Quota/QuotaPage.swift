import Domain
import Interchange
import Reports
import Storage
import UseCases

/// The high-school quota page (指标到校) of a county: what the bureau does, the form (a quota
/// file, the apportionment method, a lottery seed, small schools grouped), and after a POST
/// either every problem of the refused upload — nothing else — or the report `junheng plan
/// quota` prints (``QuotaReport``: the share allocated and the rural tilt of item 14, each high
/// school's plan, each junior school's places, and the published table). The county's stored
/// junior schools of the year share the places by their graduates; the upload is not kept.
struct QuotaPage {
    let county: CountySummary
    let year: Int
    let csrf: String
    let language: Language
    /// How many junior schools of the year report their graduates, and how many do not.
    var reporting: (with: Int, without: Int)
    /// After a refused upload: the sentence and every problem (file, row, column, rule).
    var refusal: (message: String, problems: [RowError])?
    private var warnings: [String] = []
    private var result: String?

    /// Rows shown at most per table: the upload is not kept, so there is no second page.
    static let rowLimit = 2_000

    init(county: CountySummary, year: Int, csrf: String, language: Language, reporting: (with: Int, without: Int)) {
        self.county = county
        self.year = year
        self.csrf = csrf
        self.language = language
        self.reporting = reporting
    }

    var heading: String {
        let title = county.title
        return language.pick("\(title) · 指标到校", "\(title) · high-school places to junior schools")
    }

    /// The page with the allocation: its headline and its report, rendered for the page.
    mutating func show(_ made: CountyQuota, language l: Language) {
        warnings = made.warnings
        let report = QuotaReport(language: l).report(made.allocations, rules: made.rules)
        result = PageContent.planReport(report, county: county.code, year: year, rowLimit: Self.rowLimit, language: l)
    }

    var html: String {
        let l = language, code = county.code
        var page = PageContent()
        page.heading(heading)
        page.paragraph(l.pick(
            "把优质普通高中的招生计划按分配比例分配到本县初中学校（指标到校）：每所初中按符合条件的应届毕业生数（农村学校可乘倾斜系数）按比例分得整数名额，可设每校最少名额，名额相同时按学校标识码或公开的摇号种子决定。结果给出评估第14项：分配比例不低于50%，且农村初中所得名额占比不低于其毕业生占比。",
            "Shares the quality high schools' places among the county's junior schools (指标到校): each school gets whole places in proportion to its eligible graduates (rural schools weighted up where the file says), after any minimum per school; ties go by school code or a published lottery seed. The result gives item 14 of the evaluation: at least 50 % of the places allocated, and rural schools' share of the places at least their share of the graduates."),
            class: "muted")
        page.paragraph(l.pick("上传的文件只用于本次测算，不保存，也不改动任何数据。", "The upload is used for this allocation only: it is not kept and changes no data."), class: "muted")
        page.years(in: l, county.years, current: year, href: { "/counties/\(SiteAddress.segment(code))/quota?year=\($0)" },
                   extra: CountyLink.others(than: .quota, county: code, year: year, language: l))
        page.refusal(refusal, in: l)
        page.section("data") {
            $0.paragraph(reporting.without == 0
                ? l.pick("\(year)年度有\(reporting.with)所含初中学段的学校填报了初中应届毕业生数。",
                         "\(reporting.with) schools with a junior stage report their graduates for \(year).")
                : l.pick("\(year)年度有\(reporting.without)所含初中学段的学校未填报初中应届毕业生数（graduates），需先在学校数据中补齐，名额才能分配。",
                         "\(reporting.without) schools with a junior stage have no graduates for \(year): fill them in the school data before the places can be shared."))
        }
        page.section("upload") { $0.append(form) }
        page.warningsSection(warnings, in: l)
        if let result { page.append(result) }
        return page.text
    }

    private var form: String {
        let l = language
        let methods: [(ApportionmentMethod, String)] = [
            (.largestRemainder, l.pick("最大余额法（默认）", "Largest remainder (default)")), (.sainteLague, l.pick("圣拉格法", "Sainte-Laguë")),
            (.dHondt, l.pick("顿特法", "D'Hondt")), (.huntingtonHill, l.pick("亨廷顿–希尔法", "Huntington–Hill")),
        ]
        var page = PageContent()
        page.form(action: "/counties/\(SiteAddress.segment(county.code))/quota", multipart: true, csrf: csrf) { form in
            form.hidden("year", String(year))
            form.input("file", name: "quota", label: l.pick("优质高中招生计划（quota）", "Quota file"), attributes: ["accept": PageContent.Form.spreadsheetTypes])
            form.note(l.pick(
                "CSV（UTF-8 或 GB18030）或 .xlsx，每所高中一行：县区代码（可空）、高中学校、年度、招生计划数、分配比例（0.6 或 60%）、每校最少名额、农村学校倾斜系数（0.2 表示农村学校按 1.2 倍计）。",
                "CSV (UTF-8 or GB18030) or .xlsx, one row per high school: county_code (may be empty), high_school, year, total_places, allocated_share (0.6 or 60%), min_per_school, rural_weight (0.2 counts a rural school 1.2 times)."))
            form.select(name: "method", label: l.pick("分配方法", "Method"), options: methods.map { ($0.0.rawValue, $0.1) },
                        selected: ApportionmentMethod.largestRemainder.rawValue)
            form.input("text", name: "seed", label: l.pick("摇号种子（可选）", "Lottery seed (optional)"), attributes: ["inputmode": "numeric"])
            form.note(l.pick("名额相同时默认按学校标识码决定；填写公开的摇号种子则按种子抽签，结果可复现。",
                             "Ties go by school code; with a published lottery seed they are drawn by it, reproducibly."))
            form.select(name: "group_small_schools", label: l.pick("小规模学校", "Small schools"),
                        options: [("0", l.pick("各校单独分配", "each school alone")), ("1", l.pick("不足半个名额的学校联合分配", "grouped when under half a place"))],
                        selected: "0")
            form.sheetInput(in: l)
            form.buttons([
                (l.pick("分配名额", "Allocate"), nil, nil),
                (l.pick("下载方案（.xlsx）", "Download the allocation (.xlsx)"), "format", "xlsx"),
                (l.pick("下载明细（.csv）", "Download the list (.csv)"), "format", "csv"),
            ])
        }
        return page.text
    }
}
