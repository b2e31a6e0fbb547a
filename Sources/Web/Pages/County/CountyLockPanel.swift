import Domain
import Storage
import UseCases

/// Whether the county's year is locked (锁定: imports and edits refused), with the button
/// the viewer may press: lock for planners and administrators, unlock for administrators.
struct CountyLockPanel {
    var text: String
    var locked: Bool
    var lockAction: String?
    var lockLabel: String
    var unlockAction: String?
    var unlockLabel: String
    var csrf: String

    init(evaluation: CountyEvaluation, viewer: Viewer, language l: Language) {
        let path = "/counties/\(evaluation.countyCode)/years/\(evaluation.year)"
        if let lock = evaluation.lock {
            locked = true
            text = l.pick("\(evaluation.year) 年度数据已锁定（\(lock.lockedBy)，\(FigureText.time(lock.lockedAt))），不能再导入或修改。",
                          "\(evaluation.year) is locked (by \(lock.lockedBy), \(FigureText.time(lock.lockedAt))); imports and edits are refused.")
        } else {
            locked = false
            text = l.pick("\(evaluation.year) 年度数据未锁定，可以导入和修改。", "\(evaluation.year) is open: data may be imported and edited.")
        }
        let account = viewer.account
        lockAction = !locked && account.may(.lockYear(county: evaluation.countyCode)) ? path + "/lock" : nil
        unlockAction = locked && account.may(.unlockYear) ? path + "/unlock" : nil
        lockLabel = l.pick("锁定本年度", "Lock this year")
        unlockLabel = l.pick("解除锁定", "Unlock")
        csrf = viewer.session.csrfToken
    }
}
