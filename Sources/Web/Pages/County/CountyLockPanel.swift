import Domain
import Storage
import UseCases

/// Whether the county's year is locked (锁定: imports and edits refused), with the button
/// the viewer may press: lock for planners and administrators, unlock for administrators.
/// Rendered for each request, as it carries the viewer's buttons and form token.
struct CountyLockPanel {
    var text: String
    var locked: Bool
    var lockAction: String?
    var lockLabel: String
    var unlockAction: String?
    var unlockLabel: String
    var csrf: String

    /// - Parameter lock: the lock of `county`'s `year`, if it is locked.
    init(county: String, year: Int, lock: YearLock?, viewer: Viewer, language l: Language) {
        let path = "/counties/\(county)/years/\(year)"
        if let lock {
            locked = true
            text = l.pick("\(year) 年度数据已锁定（\(lock.lockedBy)，\(FigureText.time(lock.lockedAt))），不能再导入或修改。",
                          "\(year) is locked (by \(lock.lockedBy), \(FigureText.time(lock.lockedAt))); imports and edits are refused.")
        } else {
            locked = false
            text = l.pick("\(year) 年度数据未锁定，可以导入和修改。", "\(year) is open: data may be imported and edited.")
        }
        let account = viewer.account
        lockAction = !locked && account.may(.lockYear(county: county)) ? path + "/lock" : nil
        unlockAction = locked && account.may(.unlockYear) ? path + "/unlock" : nil
        lockLabel = l.pick("锁定本年度", "Lock this year")
        unlockLabel = l.pick("解除锁定", "Unlock")
        csrf = viewer.session.csrfToken
    }
}
