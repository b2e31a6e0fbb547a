import Domain
import Reports
import Storage
import UseCases

/// The import page (导入数据): what an import does and what the account may import, the
/// upload form, and after a POST either the receipt (its counts as facts, and the warnings)
/// or every error of the refused files.
struct ImportPage {
    let account: Account
    let csrf: String
    let language: Language
    /// After an import: the counts (新增/修改/未变/县级指标) and the warnings.
    private var receipt: (counts: [ReportFact], warnings: [String])?
    /// After a refusal: the sentence and every `FILE:ROW:COLUMN: message`.
    private var refusal: (message: String, errors: [String])?

    /// The page with the form only.
    init(account: Account, csrf: String, language: Language) {
        self.account = account
        self.csrf = csrf
        self.language = language
    }

    /// The page's title.
    var heading: String { language.pick("导入数据", "Import data") }

    /// The page after an import: its counts and warnings.
    mutating func show(_ outcome: ImportData.Outcome, language l: Language) {
        let counts = outcome.receipt
        receipt = ([
            ReportFact(l.pick("新增学校", "Schools added"), .count(counts.added)),
            ReportFact(l.pick("修改学校", "Schools changed"), .count(counts.changed)),
            ReportFact(l.pick("未变学校", "Schools unchanged"), .count(counts.unchanged)),
            ReportFact(l.pick("县级指标", "County facts"), .count(counts.facts)),
        ] + (counts.forReview > 0 ? [ReportFact(l.pick("已提交待县级审核的学校", "School rows saved for the county's review"), .count(counts.forReview))] : []),
        outcome.warnings)
    }

    /// The page after a refusal: the message and every `FILE:ROW:COLUMN: message`.
    mutating func show(error: WebError, language l: Language) {
        refusal = (error.message ?? ErrorMiddleware.defaultMessage(error.kind, language: l), error.details)
    }

    /// The page's content.
    var html: String {
        let l = language
        var page = PageContent()
        page.heading(heading)
        page.paragraph(l.pick(
            "上传学校年度数据文件（CSV 或 Excel 工作簿），可同时上传县级指标文件。文件全部正确才会导入；有任何错误时不导入任何数据，并列出每一处错误。重新导入某年度的数据会替换该年度同一学校的数据，原值保留在操作记录中。",
            "Upload a schools file (CSV or Excel workbook), and optionally a county facts file. A file is imported only when it has no error; otherwise nothing is imported and every error is listed. Re-importing a year replaces that year's rows of the same schools; the old values stay in the audit trail."))
        page.paragraph(scope, class: "muted")
        if let refusal { page.error(refusal.message, items: refusal.errors, itemsClass: "import-errors") }
        if let receipt {
            page.notice(l.pick("导入完成", "Import complete"), HTMLRenderer(language: l).facts(receipt.counts))
            page.warnings(receipt.warnings, in: l)
        }
        page.form(action: "/import", multipart: true, csrf: csrf) { form in
            form.input("file", name: "schools", label: l.pick("学校年度数据文件（schools）", "Schools file"),
                       hint: l.pick("CSV（UTF-8 或 GB18030）或 .xlsx", "CSV (UTF-8 or GB18030) or .xlsx"),
                       attributes: ["accept": PageContent.Form.spreadsheetTypes])
            // County facts are county-wide: a school clerk imports only their school's row.
            if account.role != .clerk {
                form.input("file", name: "facts", label: l.pick("县级指标文件（facts，可选）", "County facts file (optional)"),
                           hint: l.pick("年度、县区代码、项目、值、佐证材料", "year, county_code, item, value, evidence"),
                           attributes: ["accept": PageContent.Form.spreadsheetTypes])
            }
            form.sheetInput(in: l)
            form.buttons([(l.pick("导入", "Import"), nil, nil)])
        }
        page.link(l.pick("下载学校年度数据导入模板（.xlsx）", "Download the schools import template (.xlsx)"), to: "/import/template.xlsx")
        return page.text
    }

    /// What the account may import.
    private var scope: String {
        let l = language
        return switch account.role {
        case .admin: l.pick("您可以导入任何县区的数据。", "You may import into any county.")
        case .clerk: l.pick("您只能导入本校（\(account.schoolCode ?? "")）的数据行。", "You may import only your school's row (\(account.schoolCode ?? "")).")
        default: l.pick("您可以导入县区 \(account.counties.joined(separator: "、")) 的数据。",
                        "You may import into county \(account.counties.joined(separator: ", ")).")
        }
    }
}
