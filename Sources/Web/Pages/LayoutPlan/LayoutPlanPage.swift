import Domain
import Interchange
import Reports
import Storage
import UseCases

/// The school layout page (布局调整) of a county: what the planner does, the form (a sites
/// file, the stage, the target — sites in all or a budget for building and classes — and optional layout
/// rules), and after a POST either every problem of the refused upload — nothing else — or the
/// report `junheng plan layout` prints (``LayoutReport``: the map of open sites and their zones
/// first, then each site's class with the reason, the mergers and the years of 先建后撤, every
/// block's site). The county's stored blocks and distances are planned; the upload is not kept.
struct LayoutPlanPage {
    let county: CountySummary
    let year: Int
    let csrf: String
    let language: Language
    /// The basemap's tile address template, when configured.
    let tiles: String?
    /// How many blocks the county has stored.
    var blockCount: Int
    /// After a refused upload: the sentence and every problem (file, row, column, rule).
    var refusal: (message: String, problems: [RowError])?
    private var warnings: [String] = []
    private var plan: String?

    /// Rows shown at most per table: the upload is not kept, so there is no second page.
    static let rowLimit = 1_000

    init(county: CountySummary, year: Int, csrf: String, language: Language, tiles: String?, blockCount: Int) {
        self.county = county
        self.year = year
        self.csrf = csrf
        self.language = language
        self.tiles = tiles
        self.blockCount = blockCount
    }

    var heading: String {
        let title = county.title
        return language.pick("\(title) · 布局调整", "\(title) · school layout")
    }

    /// The page with the plan: its headline and its report, rendered for the page.
    mutating func show(_ made: CountyLayout, language l: Language) {
        warnings = made.warnings
        guard let layout = made.plan else {
            var empty = PageContent()
            empty.section("plan-empty") {
                $0.paragraph(l.pick("已保存的片区中没有\(made.stage.chineseName)适龄儿童。", "No stored block has \(made.stage.englishName) children."))
            }
            plan = empty.text
            return
        }
        let reporter = LayoutReport(rules: made.rules, language: l)
        let report = reporter.report(layout, map: reporter.map(layout, tiles: tiles))
        plan = PageContent.planReport(report, county: county.code, year: year, rowLimit: Self.rowLimit, language: l)
    }

    var html: String {
        let l = language, code = county.code
        var page = PageContent()
        page.heading(heading)
        page.paragraph(l.pick(
            "按本县已保存的居住片区，在上传的布点（现有学校和候选新址）中选择开办哪些：恰好开办 N 处（现有学校可撤并，必须保留的除外），或在建设预算内选择新址和扩班（现有学校全部保留）；每个片区整体划入一处，不超过学位，儿童总路程最短，并给出下界与差距。现有学校分为永久性保留、过渡性保留和撤并，撤并按“先建后撤”排出年份；过渡性保留学校另有撤并测算；片区填有常住人口时，按社区配建标准列出各社区应设的学校和班数及缺口。",
            "From the county's stored residential blocks, chooses which of the uploaded sites (existing schools and candidate sites) open: exactly N (existing schools may close unless they must stay), or the candidates and added classes within a budget (existing schools stay); every block goes whole to one site within its places at the least total distance, with a lower bound and the gap. Existing schools are classed keep permanently, keep for a transition, or merge, and mergers are sequenced build-first-then-close; each transitional school comes with what merging it would do; where blocks give their residents, each community's schools and classes are checked against the community-size rules."),
            class: "muted")
        page.paragraph(l.pick("上传的文件只用于本次测算，不保存，也不改动任何数据。", "The upload is used for this plan only: it is not kept and changes no data."), class: "muted")
        page.years(in: l, county.years, current: year, href: { "/counties/\(SiteAddress.segment(code))/layout?year=\($0)" },
                   extra: CountyLink.others(than: .layout, county: code, year: year, language: l))
        page.refusal(refusal, in: l)
        if blockCount == 0 {
            page.section("data") {
                $0.paragraph(l.pick("本县尚未保存居住片区数据。请先在“学区划分”页上传片区文件。",
                                    "The county has no residential blocks stored. Upload a blocks file on the enrollment zones page first."))
            }
        } else {
            page.section("upload") { $0.append(form) }
        }
        page.warningsSection(warnings, in: l)
        if let plan { page.append(plan) }
        return page.text
    }

    private var form: String {
        let l = language
        var page = PageContent()
        page.form(action: "/counties/\(SiteAddress.segment(county.code))/layout", multipart: true, csrf: csrf) { form in
            form.hidden("year", String(year))
            form.input("file", name: "sites", label: l.pick("布点文件（sites）", "Sites file"), attributes: ["accept": PageContent.Form.spreadsheetTypes])
            form.note(l.pick(
                "CSV（UTF-8 或 GB18030）或 .xlsx，每处一行：布点编号、名称、经度、纬度、学校标识码（现有学校；新址留空）、小学学位数、初中学位数（空为不限）、新建费用（元）、每增一班费用、最多班数、必须保留（是/否）。",
                "CSV (UTF-8 or GB18030) or .xlsx, one row per site: site_id, site_name, longitude, latitude, school_code (an existing school; empty for a candidate), capacity_primary, capacity_junior (empty = unlimited), build_cost (yuan), expand_cost_per_class, max_classes, keep (是/否)."))
            form.select(name: "stage", label: l.pick("学段", "Stage"),
                        options: [Stage.primary, .junior].map { ($0.rawValue, $0.name(in: l)) }, selected: Stage.primary.rawValue)
            form.input("number", name: "open", label: l.pick("开办布点数（恰好 N 处）", "Sites open (exactly N)"), attributes: ["min": "1", "step": "1"])
            form.input("text", name: "budget", label: l.pick("或建设预算（元，新建与扩班）", "or budget (yuan, building and classes)"), attributes: ["inputmode": "numeric"])
            form.note(l.pick("两项只填一项。", "Fill in one of the two."))
            form.input("file", name: "enrollment", label: l.pick("分年级在校生（可选）", "Enrollment by grade (optional)"),
                       attributes: ["accept": PageContent.Form.spreadsheetTypes])
            form.input("file", name: "births", label: l.pick("出生人口（可选）", "Births (optional)"), attributes: ["accept": PageContent.Form.spreadsheetTypes])
            form.note(l.pick("上传分年级在校生（及出生人口）时，按预测的学龄人口变化给出各社区在预测年份需要的班数和方案缺口。",
                             "With the enrollment by grade (and births), each community's classes in the forecast years follow the forecast's change in children."))
            form.input("file", name: "rules_file", label: l.pick("布局规则（.json，可选）", "Layout rules (.json, optional)"),
                       attributes: ["accept": ".json,application/json"])
            form.note(l.pick(
                "与学区规则共用距离、班额和规模键，另有撤并标准 merger_junior_below（600）、merger_village_primary_below（300），社区配建标准 community_rules（默认按每万人设小学、每两万人设初中），以及每人·公里折算 price_per_child_km（元；设置后新址只有在节省的路程值得其费用时才建）。",
                "The zoning rules' distance, class-size and school-size keys, plus the merger thresholds merger_junior_below (600) and merger_village_primary_below (300), the community-size rules community_rules (by default a primary per 10,000 residents, a junior school per 20,000), and price_per_child_km (yuan; when set, a site is built only where the distance it saves is worth its cost)."))
            form.sheetInput(in: l)
            form.buttons([
                (l.pick("生成布局方案", "Make the layout"), nil, nil),
                (l.pick("下载方案（.xlsx）", "Download the plan (.xlsx)"), "format", "xlsx"),
                (l.pick("下载清单（.csv）", "Download the list (.csv)"), "format", "csv"),
            ])
        }
        return page.text
    }
}
