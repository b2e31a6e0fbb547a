import Domain
import Reports
import Interchange
import UseCases
import Storage

/// The rotation page (教师交流轮岗方案): what the plan does, the upload form, and after a
/// POST either every problem of the refused upload — nothing else — or the plan's report
/// (``RotationReport``: quota check, the CVs as charts and a table, the model's steps, the
/// title structure, the moves, each school's counts, the count differences, the rural-service
/// summary), the same report the command and the workbook show.
struct RotatePage {
    let county: CountySummary
    let year: Int
    let csrf: String
    /// Whether the viewer may adopt the plan (方案采纳): the form then offers to.
    var mayAdopt = false
    /// The rules text typed last time, shown back.
    let rules: String
    let language: Language
    /// After a refused upload: the sentence and every problem (file, row, column, rule).
    private var refusal: (message: String, problems: [RowError])?
    /// After a plan: its warnings and its report's sections as HTML.
    private var warnings: [String] = []
    private var plan: String?

    /// The page with the form only (GET), for `year` of the county.
    init(county: CountySummary, year: Int, csrf: String, rules: String = "", language: Language) {
        self.county = county
        self.year = year
        self.csrf = csrf
        self.rules = rules
        self.language = language
    }

    /// The page's title.
    var heading: String {
        let title = county.title
        return language.pick("\(title) · \(year) 年度教师交流轮岗方案", "\(title) · \(year) teacher rotation plan")
    }

    /// The page after a refused upload: the sentence and every problem, nothing else.
    mutating func show(_ error: RotationFileError, language l: Language) {
        refusal = (error.message(in: l), error.problems)
    }

    /// The page after a request the form should not have sent (no file, rules twice…).
    mutating func show(_ error: WebError, language l: Language) {
        refusal = (error.message ?? ErrorMiddleware.defaultMessage(error.kind, language: l), [])
    }

    /// The page with the plan: the report the command and the workbook show, rendered for
    /// the page — long tables capped (the upload is not kept: the whole lists are in the
    /// workbook), school names linking to their pages, the CVs as charts.
    mutating func show(_ rotation: CountyRotation, standard: Standard, language l: Language) {
        warnings = rotation.warnings
        let report = RotationReport(schools: rotation.schools, teachers: rotation.teachers, standard: standard, language: l)
            .report(rotation.plan, ruralService: rotation.record, differences: rotation.differences, rules: rotation.rules)
        let renderer = HTMLRenderer(language: l, county: rotation.countyCode, year: rotation.year, rowLimit: Self.rowLimit)
        // The headline (county, moves, distance) closes the quota check.
        let sections = report.sections.map { section in
            section.id == "quota" ? ReportSection(id: section.id, section.heading, section.blocks + [.facts(report.headline)]) : section
        }
        plan = renderer.sections(Report(title: report.title, sections: sections))
    }

    /// Rows shown at most per table: the plan is made from an upload that is not kept, so
    /// there is no second page to link to; the whole lists are in the workbook.
    static let rowLimit = 500

    /// The page's content.
    var html: String {
        let l = language, code = county.code, d = RotationRules.defaults
        var page = PageContent()
        page.heading(heading)
        page.paragraph(l.pick(
            "上传本县教师信息文件后，系统在符合交流条件的教师中安排同学科、同学段教师两两对调（各校教师总数不变），使县级以上骨干教师、高于规定学历教师和体育艺术教师按在校生数在校际间更均衡，引导城镇学校中级及以上职称教师到农村学校任教，并补足每年交流比例（默认不少于符合交流条件教师的 \(Decimals.percent(d.minShareOfEligible))，其中骨干教师不少于交流人数的 \(Decimals.percent(d.minBackboneShareOfMovers))）。",
            "From the county's teachers file, the plan swaps eligible teachers of the same subject and stage between schools (every school keeps its headcount) so that backbone teachers, teachers above the statutory qualification and PE/art teachers are shared by students more evenly, brings town teachers of mid-level or higher title to rural schools, and tops the movers up to the yearly quota (by default at least \(Decimals.percent(d.minShareOfEligible)) of eligible teachers, of whom at least \(Decimals.percent(d.minBackboneShareOfMovers)) backbone teachers)."))
        page.paragraph(l.pick("上传的文件只用于本次测算，不保存，也不改动任何数据。", "The upload is used for this plan only: it is not kept and changes no data."), class: "muted")
        page.years(in: l, county.years, current: year, href: { "/counties/\(code)/rotate?year=\($0)" }, extra: CountyLink.others(than: .rotate, county: code, year: year, language: l))
        page.refusal(refusal, in: l)
        page.section("upload") { $0.append(form) }
        page.warningsSection(warnings, in: l)
        if let plan { page.append(plan) }
        return page.text
    }

    /// The upload form: the teachers file (and its worksheet), the rules as typed JSON or a
    /// file, the data year as a hidden field, and the buttons — show the plan, or download it
    /// as a workbook (``RotateWorkbook``).
    private var form: String {
        let l = language
        var page = PageContent()
        page.form(action: "/counties/\(county.code)/rotate", multipart: true, csrf: csrf) { form in
            form.hidden("year", String(year))
            form.input("file", name: "teachers", label: l.pick("教师信息文件（teachers）", "Teachers file"),
                       attributes: ["accept": PageContent.Form.spreadsheetTypes])
            form.note(l.pick(
                "CSV（UTF-8 或 GB18030）或 .xlsx，每位教师一行：教师编号、学校标识码、任教学段、任教学科、性别、出生年份、最高学历、职称、骨干教师级别、本校任教年限、农村学校任教年限、是否校长、暂缓交流；年龄按 \(year) 年计算。",
                "CSV (UTF-8 or GB18030) or .xlsx, one row per teacher: teacher_id, school_code, stage, subject, gender, birth_year, qualification, title, backbone, years_at_school, rural_service_years, principal, exemption; ages are counted in \(year)."))
            form.sheetInput(in: l)
            form.textarea(name: "rules", label: l.pick("交流规则（JSON，可选）", "Rotation rules (JSON, optional)"), value: rules, rows: 8,
                          placeholder: RotationRulesInput.defaultsText, style: "width: 36rem; max-width: 100%; font-family: monospace")
            form.note(l.pick(
                "留空则按默认规则；只需写出要改的键，其余保持默认。默认规则如框中所示。",
                "Leave blank for the default rules; write only the keys to change, the others keep their defaults (shown in the box)."))
            form.note(l.pick(
                "方案目标：默认交流人数最少（满足交流比例、各项差异系数低于限值 ×（1 − cv_margin）、农村职称结构不低于城镇）；写 {\"objective\": \"equalize\"} 则各项差异系数尽量低（交流人数多得多）；max_movers 限定均衡各步最多交流人数。",
                "Objective: by default the fewest moves (the quotas, every CV under its limit × (1 − cv_margin), rural title parity); write {\"objective\": \"equalize\"} for every CV as low as it goes (many more moves); max_movers caps the balancing steps' movers."))
            form.input("file", name: "rules_file", label: l.pick("或上传规则文件（.json）", "or upload a rules file (.json)"),
                       attributes: ["accept": ".json,application/json"])
            form.buttons([
                (l.pick("生成交流轮岗方案", "Make the rotation plan"), nil, nil),
                (l.pick("下载方案（.xlsx）", "Download the plan (.xlsx)"), "format", "xlsx"),
            ] + (mayAdopt ? [(l.pick("生成并采纳方案（存档为新版本）", "Make and adopt the plan (kept as a new version)"), "adopt", "yes")] : []))
            form.note(l.pick("下载的工作簿含全部交流名单、各校前后对比、职称结构、农村任教经历台账和数据不一致清单。",
                             "The workbook holds every move, each school before and after, the title structure, the whole rural-service record and the count differences."))
        }
        return page.text
    }
}
