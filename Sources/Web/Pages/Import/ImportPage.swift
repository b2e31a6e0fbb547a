import Domain
import Storage
import UseCases

/// The import page's view model: the upload form, and after a POST either the receipt or
/// every error of the refused files.
struct ImportPage {
    /// One count of the receipt.
    struct Count { var label: String; var value: String }

    var heading, intro, scope: String
    var csrf: String
    var schoolsLabel, schoolsHint, factsLabel, factsHint, sheetLabel, sheetHint, submitLabel: String
    var showFacts: Bool
    var templateHref, templateLabel: String
    /// After a successful import.
    var receiptHeading: String?
    var counts: [Count]
    var warningsHeading: String
    var warnings: [String]
    /// After a refused one.
    var errorMessage: String?
    var errors: [String]
    /// Whether there are errors or warnings to list (Mustache cannot ask an array for its count).
    var hasErrors = false, hasWarnings = false

    init(account: Account, csrf: String, language l: Language) {
        heading = l.pick("导入数据", "Import data")
        intro = l.pick(
            "上传学校年度数据文件（CSV 或 Excel 工作簿），可同时上传县级指标文件。文件全部正确才会导入；有任何错误时不导入任何数据，并列出每一处错误。重新导入某年度的数据会替换该年度同一学校的数据，原值保留在操作记录中。",
            "Upload a schools file (CSV or Excel workbook), and optionally a county facts file. A file is imported only when it has no error; otherwise nothing is imported and every error is listed. Re-importing a year replaces that year's rows of the same schools; the old values stay in the audit trail."
        )
        scope = Self.scope(of: account, language: l)
        self.csrf = csrf
        schoolsLabel = l.pick("学校年度数据文件（schools）", "Schools file")
        schoolsHint = l.pick("CSV（UTF-8 或 GB18030）或 .xlsx", "CSV (UTF-8 or GB18030) or .xlsx")
        factsLabel = l.pick("县级指标文件（facts，可选）", "County facts file (optional)")
        factsHint = l.pick("年度、县区代码、项目、值、佐证材料", "year, county_code, item, value, evidence")
        sheetLabel = l.pick("工作表名称（可选）", "Worksheet (optional)")
        sheetHint = l.pick("工作簿默认读取第一个工作表", "a workbook's first sheet is read unless named here")
        submitLabel = l.pick("导入", "Import")
        // County facts are county-wide: a school clerk imports only their school's row.
        showFacts = account.role != .clerk
        templateHref = "/import/template.xlsx"
        templateLabel = l.pick("下载学校年度数据导入模板（.xlsx）", "Download the schools import template (.xlsx)")
        receiptHeading = nil
        counts = []
        warningsHeading = l.pick("提示", "Warnings")
        warnings = []
        errorMessage = nil
        errors = []
    }

    /// The page after an import: its counts (新增/修改/未变/县级指标).
    mutating func show(_ outcome: ImportData.Outcome, language l: Language) {
        receiptHeading = l.pick("导入完成", "Import complete")
        let receipt = outcome.receipt
        counts = [
            Count(label: l.pick("新增学校", "Schools added"), value: String(receipt.added)),
            Count(label: l.pick("修改学校", "Schools changed"), value: String(receipt.changed)),
            Count(label: l.pick("未变学校", "Schools unchanged"), value: String(receipt.unchanged)),
            Count(label: l.pick("县级指标", "County facts"), value: String(receipt.facts)),
        ]
        warnings = outcome.warnings
        hasWarnings = !warnings.isEmpty
    }

    /// The page after a refusal: the message and every `FILE:ROW:COLUMN: message`.
    mutating func show(error: WebError, language l: Language) {
        errorMessage = error.message ?? ErrorMiddleware.defaultMessage(error.kind, language: l)
        errors = error.details
        hasErrors = !errors.isEmpty
    }

    private static func scope(of account: Account, language l: Language) -> String {
        switch account.role {
        case .admin: l.pick("您可以导入任何县区的数据。", "You may import into any county.")
        case .clerk: l.pick("您只能导入本校（\(account.schoolCode ?? "")）的数据行。", "You may import only your school's row (\(account.schoolCode ?? "")).")
        default: l.pick("您可以导入县区 \(account.counties.joined(separator: "、")) 的数据。",
                        "You may import into county \(account.counties.joined(separator: ", ")).")
        }
    }
}
