import Domain
import Foundation
import Reports
import Storage

/// One ledger item (整改事项): what, whose, by when, where it stands, what the data say; its
/// progress notes and evidence files; and the forms the viewer may use — the planner changes
/// owner, due date and status, the school's clerk reports progress, the supervisor verifies.
struct LedgerItemPage {
    let item: LedgerItem
    let table: LedgerTable
    let viewer: Viewer
    let language: Language

    var heading: String { language.pick("整改事项 #\(item.id)", "Remediation item #\(item.id)") }

    /// The statuses the viewer may set on the item.
    static func statuses(for account: Account, item: LedgerItem) -> [LedgerItem.Status] {
        let county = item.countyCode
        var allowed: [LedgerItem.Status] = []
        if account.may(.manageLedger(county: county)) { allowed += [.notStarted, .inProgress, .completed] }
        else if let school = item.schoolCode, account.may(.reportLedger(county: county, school: school)) { allowed += [.inProgress, .completed] }
        if account.may(.verifyLedger(county: county)) && item.status == .completed { allowed.append(.verified) }
        return allowed
    }

    /// Whether the viewer may report on the item: notes and evidence.
    static func mayReport(_ account: Account, item: LedgerItem) -> Bool {
        account.may(.manageLedger(county: item.countyCode))
            || item.schoolCode.map { account.may(.reportLedger(county: item.countyCode, school: $0)) } ?? false
            || account.may(.verifyLedger(county: item.countyCode))
    }

    var html: String {
        let l = language, county = item.countyCode
        let base = "/counties/\(county)/ledger/\(item.id)"
        var page = PageContent()
        page.heading(heading)
        if viewer.account.may(.readCounty(county)) {
            page.link(l.pick("返回整改台账", "Back to the ledger"), to: CountyLink.ledger.href(county: county, year: item.year))
        }
        page.append(HTMLRenderer(language: l, county: county, year: item.year).table(table.table(name: heading, linked: false)))
        page.section("notes") { section in
            section.subheading(l.pick("进展情况", "Progress"))
            if item.notes.isEmpty { section.paragraph(l.pick("暂无进展记录。", "No progress noted yet."), class: "muted") }
            section.list(item.notes.map { note in
                let status = note.status.map { "［\(l.pick($0.chineseName, $0.englishName))］" } ?? ""
                return "\(FigureText.time(note.at)) \(note.accountName)\(status)：\(note.text)"
            })
        }
        page.section("evidence") { section in
            section.subheading(l.pick("佐证材料", "Evidence"))
            if item.evidence.isEmpty { section.paragraph(l.pick("暂无佐证材料。完成整改须上传佐证材料。", "No evidence yet; an item is completed with evidence."), class: "muted") }
            var list = "<ul>\n"
            for file in item.evidence {
                let href = "\(base)/evidence/\(file.id)"
                list += "<li><a href=\"\(PageContent.escape(href))\">\(PageContent.escape(file.fileName))</a> "
                list += PageContent.escape("（\(file.size) B，SHA-256 \(file.sha256.prefix(16))…，\(file.uploadedBy)，\(FigureText.time(file.uploadedAt))）") + "</li>\n"
            }
            section.append(list + "</ul>\n")
            if item.status != .verified && Self.mayReport(viewer.account, item: item) {
                section.form(action: "\(base)/evidence", multipart: true, csrf: viewer.session.csrfToken) { form in
                    form.input("file", name: "file", label: l.pick("上传佐证材料（PDF、图片、Word 或 Excel，5 MB 以内）", "Upload evidence (PDF, image, Word or Excel, up to 5 MB)"),
                               attributes: ["accept": ".pdf,.png,.jpg,.jpeg,.docx,.xlsx", "required": "required"])
                    form.buttons([(l.pick("上传", "Upload"), nil, nil)])
                }
            }
        }
        let statuses = Self.statuses(for: viewer.account, item: item)
        if item.status != .verified && Self.mayReport(viewer.account, item: item) {
            page.section("update") { section in
                section.subheading(l.pick("更新整改事项", "Update"))
                section.form(action: base, csrf: viewer.session.csrfToken) { form in
                    if !statuses.isEmpty {
                        form.select(name: "status", label: l.pick("状态", "Status"),
                                    options: [("", l.pick("（不变）", "(unchanged)"))] + statuses.map { ($0.rawValue, l.pick($0.chineseName, $0.englishName)) },
                                    selected: nil)
                    }
                    if viewer.account.may(.manageLedger(county: county)) {
                        form.input("text", name: "owner", label: l.pick("责任单位/责任人", "Owner"), attributes: ["value": item.owner, "maxlength": "100"])
                        form.input("date", name: "due", label: l.pick("完成时限", "Due"), attributes: ["value": item.due.text])
                    }
                    form.textarea(name: "note", label: l.pick("进展说明", "Progress note"), value: "", rows: 3)
                    form.buttons([(l.pick("保存", "Save"), nil, nil)])
                }
            }
        }
        return page.text
    }
}
