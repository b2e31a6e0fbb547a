import Domain
import Storage

/// Whether the county's year is locked (锁定: imports and edits refused), with the button
/// the viewer may press: lock for planners and administrators, unlock for administrators.
/// Made for each request, as it carries the viewer's buttons and form token.
struct CountyLockPanel {
    /// The panel's HTML: section `lock`.
    let html: String

    /// - Parameter lock: the lock of `county`'s `year`, if it is locked.
    init(county: String, year: Int, lock: YearLock?, viewer: Viewer, language l: Language) {
        let path = "/counties/\(county)/years/\(year)"
        let account = viewer.account
        var page = PageContent()
        page.section("lock") { section in
            if let lock {
                section.paragraph("🔒 " + l.pick(
                    "\(year) 年度数据已锁定（\(lock.lockedBy)，\(FigureText.time(lock.lockedAt))），不能再导入或修改。",
                    "\(year) is locked (by \(lock.lockedBy), \(FigureText.time(lock.lockedAt))); imports and edits are refused."))
            } else {
                section.paragraph(l.pick("\(year) 年度数据未锁定，可以导入和修改。", "\(year) is open: data may be imported and edited."))
            }
            let button: (action: String, label: String)? =
                if lock == nil, account.may(.lockYear(county: county)) { (path + "/lock", l.pick("锁定本年度", "Lock this year")) }
                else if lock != nil, account.may(.unlockYear) { (path + "/unlock", l.pick("解除锁定", "Unlock")) }
                else { nil }
            if let button {
                section.form(action: button.action, stacked: false, csrf: viewer.session.csrfToken) { $0.buttons([(button.label, nil, nil)]) }
            }
        }
        html = page.text
    }
}
