import Domain
import Interchange
import Reports
import Storage
import UseCases

/// The funding page (经费保障) of a county: each stored school's public funds under the funding
/// formula — the national defaults on opening, or the form's budget and rules after a POST —
/// shown as the report `junheng plan funding` prints (``FundingReport``: the need against the
/// budget, the items the funds and rooms decide, each school's entitlement, allocation and
/// shortfall). A refused rules text shows every problem and nothing else. Nothing is stored.
struct FundingPage {
    let county: CountySummary
    let year: Int
    let csrf: String
    let language: Language
    /// After refused rules: the sentence and every problem.
    var refusal: (message: String, problems: [RowError])?
    /// The budget and rules text shown back in the form.
    var budget: Double?
    var typedRules = ""
    private var warnings: [String] = []
    private var result: String?

    /// Rows shown at most per table.
    static let rowLimit = 2_000

    init(county: CountySummary, year: Int, csrf: String, language: Language) {
        self.county = county
        self.year = year
        self.csrf = csrf
        self.language = language
    }

    var heading: String {
        let title = county.title
        return language.pick("\(title) · 经费保障", "\(title) · school funding")
    }

    mutating func show(_ funding: CountyFunding, warnings: [String], language l: Language) {
        self.warnings = warnings
        let report = FundingReport(language: l).report(funding)
        result = PageContent.planReport(report, county: county.code, year: year, rowLimit: Self.rowLimit, language: l)
    }

    var html: String {
        let l = language, code = county.code
        var page = PageContent()
        page.heading(heading)
        page.paragraph(l.pick(
            "按生均公用经费基准定额（中西部小学600元、初中800元，东部650元、850元）核定本县每所学校的公用经费：寄宿生每生另加200元，随班就读残疾学生和特殊教育学校学生每生6000元，不足100名学生的村小学和教学点按100名学生核定；预算不足时优先保障特殊教育和小规模学校，其余按比例分配并列出各校缺口。同时由学校数据计算评估政府保障第3、6、7项和教育质量第4项。",
            "Funds each of the county's schools by the base amount per pupil (centre and west 600 yuan primary, 800 junior; east 650 and 850), +200 per boarder, 6,000 per 随班就读 pupil and special-school pupil, village primaries and teaching points under 100 pupils funded as 100; when the budget falls short, special education and the small schools come first and the rest is shared pro rata, each school's shortfall shown. Also computes government items 3, 6 and 7 and quality item 4 from the school data."),
            class: "muted")
        page.years(in: l, county.years, current: year, href: { "/counties/\(SiteAddress.segment(code))/funding?year=\($0)" },
                   extra: CountyLink.others(than: .funding, county: code, year: year, language: l))
        page.refusal(refusal, in: l)
        page.section("upload") { $0.append(form) }
        page.warningsSection(warnings, in: l)
        if let result { page.append(result) }
        return page.text
    }

    private var form: String {
        let l = language
        var page = PageContent()
        page.form(action: "/counties/\(SiteAddress.segment(county.code))/funding", multipart: true, csrf: csrf) { form in
            form.hidden("year", String(year))
            form.input("text", name: "budget", label: l.pick("预算（元，可选）", "Budget (yuan, optional)"),
                       attributes: ["inputmode": "numeric", "value": budget.map { Decimals.grouped($0, places: 0) } ?? ""])
            form.note(l.pick("填写预算时，按“优先保障、其余按比例”的规则分配并给出各校缺口。", "With a budget, special education and small schools are paid first and the rest pro rata; each school's shortfall is shown."))
            form.textarea(name: "rules", label: l.pick("经费规则（JSON，可选）", "Funding rules (JSON, optional)"), value: typedRules, rows: 4, placeholder: #"{"region": "east"}"#)
            form.input("file", name: "rules_file", label: l.pick("或上传经费规则（.json）", "or upload the rules (.json)"), attributes: ["accept": ".json,application/json"])
            form.note(l.pick(
                "键：region（east 东部 / central_west 中西部）、base_rates、boarder_extra（200）、rural_uplift_share（0）、small_school_floor（100）、special_per_pupil（6000）、training_share（0.05）、classes_per_room（12）、music_room_area（96）、art_room_area（90）、sources；缺省的键取国家标准。",
                "Keys: region (east / central_west), base_rates, boarder_extra (200), rural_uplift_share (0), small_school_floor (100), special_per_pupil (6000), training_share (0.05), classes_per_room (12), music_room_area (96), art_room_area (90), sources; a missing key keeps the national default."))
            form.buttons([
                (l.pick("核定经费", "Compute the funds"), nil, nil),
                (l.pick("下载（.xlsx）", "Download (.xlsx)"), "format", "xlsx"),
                (l.pick("下载各校清单（.csv）", "Download the list (.csv)"), "format", "csv"),
            ])
        }
        return page.text
    }
}
