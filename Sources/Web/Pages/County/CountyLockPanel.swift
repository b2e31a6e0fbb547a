import Domain
import Storage

/// Whether the county's year is locked (锁定: imports and edits refused), with the button
/// the viewer may press: lock for planners and administrators, unlock for administrators.
/// Made for each request, as it carries the viewer's buttons and form token.
struct CountyLockPanel {
    /// The panel's HTML: section `lock`.
    let html: String

    /// - Parameters:
    ///   - lock: the lock of `county`'s `year`, if it is locked.
    ///   - unreviewed: how many schools' rows of the year are under review (not counted).
    init(county: String, year: Int, lock: YearLock?, unreviewed: Int, viewer: Viewer, language l: Language) {
        let path = "/counties/\(county)/years/\(year)"
        let account = viewer.account
        var page = PageContent()
        page.section("review-queue") { section in
            if unreviewed > 0 {
                section.paragraph(l.pick("⏳ 本年度有 \(unreviewed) 所学校的填报尚未审核通过，不计入评估。",
                                         "⏳ \(unreviewed) schools' rows of this year are not approved yet and do not count in the evaluation."),
                                  class: "notice", id: "pending-review")
            }
            section.link(l.pick("学校填报审核", "School rows under review"), to: "/counties/\(county)/review?year=\(year)")
        }
        page.section("lock") { section in
            if let lock {
                section.paragraph("🔒 " + l.pick(
                    "\(year) 年度数据已锁定（\(lock.lockedBy)，\(FigureText.time(lock.lockedAt))），不能再导入或修改。",
                    "\(year) is locked (by \(lock.lockedBy), \(FigureText.time(lock.lockedAt))); imports and edits are refused."))
            } else {
                section.paragraph(l.pick("\(year) 年度数据未锁定，可以导入和修改。", "\(year) is open: data may be imported and edited."))
            }
            if lock == nil, account.may(.lockYear(county: county)) {
                // Locking stops every change: it asks for confirmation, and for a reason when
                // schools' rows are still under review (the planner's override).
                section.form(action: path + "/lock", stacked: true, csrf: viewer.session.csrfToken) { form in
                    if unreviewed > 0 {
                        form.textarea(name: "reason", label: l.pick("仍有未审核的填报，锁定须说明理由（记入操作记录）", "Rows are still under review: give the reason for locking (recorded in the audit trail)"),
                                      value: "", rows: 2)
                    }
                    form.input("checkbox", name: "confirm", label: l.pick("我确认：锁定后本年度数据不能再导入或修改", "I confirm: once locked, this year's data cannot be imported or edited"),
                               attributes: ["value": "yes", "required": "required"])
                    form.buttons([(l.pick("锁定本年度", "Lock this year"), nil, nil)])
                }
            } else if lock != nil, account.may(.unlockYear) {
                section.form(action: path + "/unlock", stacked: false, csrf: viewer.session.csrfToken) { $0.buttons([(l.pick("解除锁定", "Unlock"), nil, nil)]) }
            }
        }
        html = page.text
    }
}
