import Domain
import Foundation
import Reports
import Storage

/// The review part of a school's page (section `review`): where the row of the year stands —
/// approved, or its submission's status and the reviewer's comments — with the clerk's
/// submit button, or, for the county, every changed field beside its approved value with a
/// comment box, and the approve and return buttons.
struct SubmissionPanel {
    let submission: RowSubmission?
    /// The approved row of the year, if any.
    let approved: SchoolYear?
    let viewer: Viewer
    let language: Language
    /// Whether the year is open for changes.
    let open: Bool

    var html: String {
        let l = language
        guard let submission else { return "" }
        let row = submission.row
        let base = "/counties/\(row.countyCode)/schools/\(row.schoolCode)/years/\(row.year)"
        var page = PageContent()
        page.section("review") { section in
            section.subheading(l.pick("填报审核", "Review"))
            section.paragraph(l.pick(
                "状态：\(submission.status.chineseName)（\(submission.savedBy) 于 \(FigureText.time(submission.savedAt)) 保存）。审核通过前，评估使用已审核的数据。",
                "Status: \(submission.status.englishName) (saved by \(submission.savedBy), \(FigureText.time(submission.savedAt))). Until approved, the evaluation uses the approved data."),
                class: "notice", id: "review-status")
            if let note = submission.note {
                section.paragraph(l.pick("退回意见：", "Reviewer's comment: ") + note, class: "fail", id: "review-note")
            }
            let account = viewer.account
            let county = row.countyCode
            if open && account.may(.editSchool(county: county, school: row.schoolCode)) && account.submitsForReview(county: county)
                && submission.status != .submitted {
                section.form(action: base + "/submit", stacked: false, csrf: viewer.session.csrfToken) {
                    $0.buttons([(l.pick("提交审核", "Submit for review"), nil, nil)])
                }
            }
            let changes = approved.map { row.changes(from: $0) } ?? row.reportedFields
            if account.may(.reviewRows(county: county)) {
                section.paragraph(l.pick("与已审核数据相比，\(changes.count) 项不同：", "\(changes.count) fields differ from the approved data:"))
                let rows = changes.map { change in
                    (label: l.pick(change.field.chineseName, change.field.key),
                     facts: [change.old?.text ?? "—", change.new?.text ?? "—"],
                     fields: [PageContent.Form.Field(name: "comment-" + change.field.key,
                                                     label: l.pick("\(change.field.chineseName) 的退回意见", "Comment on \(change.field.key)"),
                                                     value: submission.comments[change.field] ?? "")])
                }
                if open && submission.status == .submitted {
                    section.form(action: base + "/review", stacked: false, csrf: viewer.session.csrfToken) { form in
                        form.fieldGrid(header: [l.pick("字段", "Field"), l.pick("已审核值", "Approved"), l.pick("填报值", "Submitted"), l.pick("退回意见", "Comment")], rows: rows)
                        form.textarea(name: "note", label: l.pick("整行意见（可选）", "Comment on the row (optional)"), value: "", rows: 2)
                        form.buttons([(l.pick("审核通过", "Approve"), "decision", "approve"), (l.pick("退回修改", "Return for correction"), "decision", "return")])
                    }
                } else {
                    section.paragraph(l.pick("待学校提交后审核。", "It can be reviewed once the school submits it."), class: "muted")
                }
            }
        }
        return page.text
    }
}
