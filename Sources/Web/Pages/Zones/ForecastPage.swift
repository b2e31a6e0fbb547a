import Domain
import Interchange
import Reports
import Storage
import UseCases

/// The enrollment forecast page (招生预测) of a county: what the forecast does, the upload
/// form (the enrollment history and optional births), and after a POST either every problem
/// of the refused upload — nothing else — or the forecast's report (``ForecastReport``: the
/// county by year, the schools that run out of places and when, every school's years), the
/// report `junheng forecast` prints. The upload is not kept.
struct ForecastPage {
    let county: CountySummary
    let year: Int
    let csrf: String
    let language: Language
    /// After a refused upload: the sentence and every problem (file, row, column, rule).
    var refusal: (message: String, problems: [RowError])?
    /// After a forecast: the readers' warnings and the report's sections as HTML.
    private var warnings: [String] = []
    private var forecast: String?

    /// Rows shown at most per table: the upload is not kept, so there is no second page.
    static let rowLimit = 1_000

    init(county: CountySummary, year: Int, csrf: String, language: Language) {
        self.county = county
        self.year = year
        self.csrf = csrf
        self.language = language
    }

    /// The page's title.
    var heading: String {
        let title = county.title
        return language.pick("\(title) · \(year) 年度招生与在校生预测", "\(title) · \(year) enrollment forecast")
    }

    /// The page with the forecast: its headline and its report, rendered for the page.
    mutating func show(_ made: CountyForecast, language l: Language) {
        warnings = made.warnings
        let report = ForecastReport(language: l).report(made.forecast, county: made.chosen.code)
        forecast = PageContent.planReport(report, county: county.code, year: year, rowLimit: Self.rowLimit, language: l)
    }

    /// The page's content.
    var html: String {
        let l = language, code = county.code
        var page = PageContent()
        page.heading(heading)
        page.paragraph(l.pick(
            "上传本县分年级在校生历史（enrollment）后，按近 3 年的升级率推算今后 5 年各校各年级在校生；一年级按六年前的出生人口（births，可选）× 入学率推算，没有出生人口时按已保存片区的适龄儿童推算；并按标准班额计算所需班数、现有班数下的大班额（56 人及以上）和超大班额（66 人及以上）班数，以及各校学位不足的年度。",
            "From the county's enrollment history by grade, the next 5 years of every school and grade are forecast by the grade-progression ratios of the last 3 years; grade 1 from the births six years before (optional births file) × the entry ratio, or from the stored blocks' children; then the classes needed at the standard size, the classes of 56+ and 66+ with today's classes, and the year each school runs out of places."),
            class: "muted")
        page.paragraph(l.pick("上传的文件只用于本次预测，不保存，也不改动任何数据。", "The upload is used for this forecast only: it is not kept and changes no data."), class: "muted")
        page.years(in: l, county.years, current: year, href: { "/counties/\(code)/forecast?year=\($0)" },
                   extra: CountyLink.others(than: .forecast, county: code, year: year, language: l))
        page.refusal(refusal, in: l)
        page.section("upload") { $0.append(form) }
        page.warningsSection(warnings, in: l)
        if let forecast { page.append(forecast) }
        return page.text
    }

    private var form: String {
        let l = language
        var page = PageContent()
        page.form(action: "/counties/\(county.code)/forecast", multipart: true, csrf: csrf) { form in
            form.hidden("year", String(year))
            form.input("file", name: "enrollment", label: l.pick("分年级在校生文件（enrollment）", "Enrollment file"),
                       attributes: ["accept": PageContent.Form.spreadsheetTypes])
            form.note(l.pick(
                "CSV（UTF-8 或 GB18030）或 .xlsx，每校每年每个年级一行：年度、学校标识码、年级（1–9）、在校生数、班数，可加最大班额。",
                "CSV (UTF-8 or GB18030) or .xlsx, one row per school, year and grade: year, school_code, grade (1–9), students, classes, optionally largest_class."))
            form.input("file", name: "births", label: l.pick("出生人口文件（births，可选）", "Births file (optional)"),
                       attributes: ["accept": PageContent.Form.spreadsheetTypes])
            form.note(l.pick("每行一个区域一年：区域代码（县或乡镇）、年度、出生人数。", "One row per area and year: area_code (county or town), year, births."))
            form.sheetInput(in: l)
            form.buttons([(l.pick("生成预测", "Make the forecast"), nil, nil)])
        }
        return page.text
    }
}
