import Domain
import Interchange
import Reports
import Storage
import UseCases

/// The county's care dashboard (关爱帮扶): what the mechanism is, the counts and rates by
/// school (no child named), links to each school's list, the contact cards and the dropout
/// ledger; for who may change the care data, the import form (children register, dropout
/// ledger, cohorts) and the pairing form (teachers file → 结对帮扶).
struct CarePage: CarePageRendering {
    let county: CountySummary
    let year: Int
    let csrf: String
    let language: Language
    let rates: CareRates
    let names: [String: String]
    let mayEdit: Bool
    let maySeeNames: Bool
    var refusal: (message: String, problems: [RowError])?
    var notice: String?
    var warnings: [String] = []
    /// After a pairing: its report (masked unless the viewer may see names).
    var pairing: Report?

    init(county: CountySummary, year: Int, csrf: String, language: Language, rates: CareRates, names: [String: String], mayEdit: Bool,
         maySeeNames: Bool) {
        self.county = county
        self.year = year
        self.csrf = csrf
        self.language = language
        self.rates = rates
        self.names = names
        self.mayEdit = mayEdit
        self.maySeeNames = maySeeNames
    }

    var heading: String { language.pick("\(county.title) · 关爱帮扶", "\(county.title) · children who need care") }

    var html: String {
        let l = language, code = county.code, segment = SiteAddress.segment(code)
        var page = PageContent()
        page.heading(heading)
        page.paragraph(l.pick(
            "留守儿童、随迁子女、残疾儿童、家庭经济困难儿童和孤儿的登记、结对帮扶与控辍保学（001 第12—14条）。本页只显示人数和比例，给出评估的教育质量第1、2项和政府保障程度第15项；儿童个人信息仅关爱帮扶专员可见，每次查阅和导出均记入操作记录。",
            "The register of left-behind, migrant and disabled children, children of families in hardship and orphans; their pairing with teachers and the dropout follow-up (001 §12–14). This page shows counts and rates only — quality items 1 and 2 and government item 15 of the evaluation; children's personal data are for care officers alone, and every view and export is recorded."),
            class: "muted")
        page.years(in: l, county.years, current: year, href: { "/counties/\(segment)/care?year=\($0)" },
                   extra: CountyLink.others(than: .care, county: code, year: year, language: l))
        page.refusal(refusal, in: l)
        if let notice { page.section("notice") { $0.paragraph(notice) } }
        page.warningsSection(warnings, in: l)
        if let pairing { page.append(PageContent.planReport(pairing, county: code, year: year, rowLimit: 5_000, language: l)) }
        let report = CareReport(language: l).dashboard(rates, title: l.pick("\(year)年度关爱帮扶对象", "Children who need care, \(year)"), schoolNames: names)
        page.append(PageContent.planReport(report, county: code, year: year, rowLimit: 5_000, language: l))
        page.section("lists") { section in
            section.subheading(l.pick("名单与台账", "Lists and ledger"))
            section.paragraph(maySeeNames
                ? l.pick("您可以查看儿童姓名和联系方式；每次查看均记入操作记录。", "You may see children's names and contacts; every view is recorded.")
                : l.pick("名单中的儿童个人信息已脱敏。", "The lists' personal data are masked."), class: "muted")
            for school in rates.schools.compactMap(\.schoolCode) {
                section.link((names[school] ?? school) + l.pick(" 名单", " list"), to: "/counties/\(segment)/care/schools/\(SiteAddress.segment(school))?year=\(year)")
            }
            section.link(l.pick("控辍保学台账", "Dropout ledger"), to: "/counties/\(segment)/care/dropouts?year=\(year)")
            section.link(l.pick("导出儿童登记（.xlsx）", "Export the register (.xlsx)"), to: "/counties/\(segment)/care/export?format=xlsx&year=\(year)")
        }
        if mayEdit {
            page.section("import") { $0.append(importForm) }
            page.section("pair") { $0.append(pairForm) }
        }
        return page.text
    }

    private var importForm: String {
        let l = language
        var page = PageContent()
        page.subheading(l.pick("导入关爱帮扶数据", "Import care data"))
        page.form(action: "/counties/\(SiteAddress.segment(county.code))/care/import", multipart: true, csrf: csrf) { form in
            form.hidden("year", String(year))
            form.input("file", name: "children", label: l.pick("儿童登记（children）", "Children register"), attributes: ["accept": PageContent.Form.spreadsheetTypes])
            form.note(l.pick("每名儿童一行：县区代码、年度、学籍号、姓名、出生日期（必填），性别、学校标识码、年级、班级、是否留守儿童（否/单亲外出/双亲外出）、是否随迁子女、残疾类型、安置方式、家庭经济困难、孤儿、监护人、联系电话、家庭住址、结对教师。替换该年度的全部登记。",
                             "One row per child: county_code, year, child_id, name, birth_date (required), gender, school_code, grade, class, left_behind, migrant, disability, placement, poverty, orphan, guardian, guardian_phone, address, partner. Replaces the year's register."))
            form.input("file", name: "dropouts", label: l.pick("控辍保学台账（dropouts）", "Dropout ledger"), attributes: ["accept": PageContent.Form.spreadsheetTypes])
            form.input("file", name: "cohorts", label: l.pick("巩固率数据（cohorts）", "Cohorts"), attributes: ["accept": PageContent.Form.spreadsheetTypes])
            form.sheetInput(in: l)
            form.buttons([(l.pick("导入", "Import"), nil, nil)])
        }
        return page.text
    }

    private var pairForm: String {
        let l = language
        var page = PageContent()
        page.subheading(l.pick("结对帮扶", "Pair children with teachers"))
        page.paragraph(l.pick("上传本县教师信息（含班主任班级），为每名留守儿童在本校教师中结对：优先本班班主任，其次上年结对教师，每名教师最多5名（可在规则中修改）。结对结果写入儿童登记。",
                              "Upload the county's teachers (with head_of_class): each left-behind child is paired with a teacher of their school — their class's head teacher first, then last year's partner, at most 5 per teacher (rules may change it). The partners are stored in the register."), class: "muted")
        page.form(action: "/counties/\(SiteAddress.segment(county.code))/care/pair", multipart: true, csrf: csrf) { form in
            form.hidden("year", String(year))
            form.input("file", name: "teachers", label: l.pick("教师信息（teachers）", "Teachers file"), attributes: ["accept": PageContent.Form.spreadsheetTypes])
            form.input("file", name: "rules_file", label: l.pick("关爱帮扶规则（JSON，可选）", "Care rules (JSON, optional)"), attributes: ["accept": ".json,application/json"])
            form.sheetInput(in: l)
            form.buttons([(l.pick("结对", "Pair"), nil, nil)])
        }
        return page.text
    }
}

/// One school's list of children who need care: masked or not as the report was built, with
/// its contact cards and export.
struct CareSchoolPage: CarePageRendering {
    let county: CountySummary
    let year: Int
    let school: String
    let name: String
    let language: Language
    let report: Report

    var heading: String { language.pick("\(county.title) · \(name) · 关爱帮扶对象", "\(county.title) · \(name) · children who need care") }

    var html: String {
        let l = language, segment = SiteAddress.segment(county.code), school = SiteAddress.segment(self.school)
        var page = PageContent()
        page.heading(heading)
        page.years(in: l, county.years, current: year, href: { "/counties/\(segment)/care/schools/\(school)?year=\($0)" },
                   extra: [(l.pick("返回关爱帮扶", "Back to care"), "/counties/\(segment)/care?year=\(year)", "care")])
        page.section("links") { section in
            section.link(l.pick("打印联系卡", "Print contact cards"), to: "/counties/\(segment)/care/schools/\(school)/cards?year=\(year)")
            section.link(l.pick("导出名单（.xlsx）", "Export the list (.xlsx)"), to: "/counties/\(segment)/care/export?format=xlsx&school=\(school)&year=\(year)")
            section.link(l.pick("导出名单（.csv）", "Export the list (.csv)"), to: "/counties/\(segment)/care/export?format=csv&school=\(school)&year=\(year)")
        }
        page.append(PageContent.planReport(report, county: county.code, year: year, rowLimit: 5_000, language: l))
        return page.text
    }
}

/// The dropout ledger (控辍保学台账): each case with its visits, open ones first; for who may
/// follow cases up, the form that opens, follows up or closes one.
struct DropoutPage: CarePageRendering {
    let county: CountySummary
    let year: Int
    let csrf: String
    let language: Language
    let report: Report
    let mayFollowUp: Bool

    var heading: String { language.pick("\(county.title) · 控辍保学台账", "\(county.title) · dropout ledger") }

    var html: String {
        let l = language, segment = SiteAddress.segment(county.code)
        var page = PageContent()
        page.heading(heading)
        page.years(in: l, county.years, current: year, href: { "/counties/\(segment)/care/dropouts?year=\($0)" },
                   extra: [(l.pick("返回关爱帮扶", "Back to care"), "/counties/\(segment)/care?year=\(year)", "care")])
        page.append(PageContent.planReport(report, county: county.code, year: year, rowLimit: 5_000, language: l))
        if mayFollowUp {
            page.section("follow-up") { section in
                section.subheading(l.pick("登记走访或更新个案", "Record a visit or update a case"))
                section.form(action: "/counties/\(segment)/care/dropouts", multipart: true, csrf: csrf) { form in
                    form.hidden("year", String(year))
                    form.input("text", name: "child_id", label: l.pick("学籍号", "Child id"))
                    form.input("text", name: "opened", label: l.pick("发现日期", "Opened"), attributes: ["placeholder": "2026-09-10"])
                    form.select(name: "status", label: l.pick("状态", "Status"),
                                options: [("", l.pick("（不变）", "(unchanged)"))] + DropoutStatus.allCases.map { ($0.rawValue, l.pick($0.chineseName, $0.rawValue)) },
                                selected: "")
                    form.input("text", name: "reason", label: l.pick("辍学原因", "Reason"))
                    form.input("text", name: "visit_date", label: l.pick("走访日期", "Visit date"), attributes: ["placeholder": "2026-09-20"])
                    form.input("text", name: "visitor", label: l.pick("走访人", "Visitor"))
                    form.input("text", name: "outcome", label: l.pick("走访结果", "Outcome"))
                    form.input("text", name: "closed", label: l.pick("结案日期（复学或销号时）", "Closed (when back or struck off)"))
                    form.buttons([(l.pick("保存", "Save"), nil, nil)])
                }
            }
        }
        return page.text
    }
}
