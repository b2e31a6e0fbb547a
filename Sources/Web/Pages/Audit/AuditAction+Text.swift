import Domain
import Storage

extension AuditAction {
    /// The English name shown in the interface (the Chinese one is ``AuditAction/chineseName``).
    var englishName: String {
        switch self {
        case .edit: "Edit"
        case .importFile: "File imported"
        case .addRow: "School added by import"
        case .importChange: "Changed by import"
        case .factChange: "County fact imported"
        case .lock: "Year locked"
        case .unlock: "Lock lifted"
        case .unitCost: "Unit cost changed"
        case .zoneData: "Residential blocks updated"
        case .careData: "Children register updated"
        case .dropoutCase: "Dropout case updated"
        case .cohortData: "Cohorts updated"
        case .personalRead: "Children's personal data viewed"
        case .publish: "Evaluation report published"
        case .unpublish: "Published report withdrawn"
        case .draftRow: "Saved by the school"
        case .submitRow: "Submitted for review"
        case .returnRow: "Returned for correction"
        case .approveRow: "Approved"
        case .ledgerItem: "Remediation item added"
        case .ledgerUpdate: "Remediation item updated"
        case .ledgerEvidence: "Remediation evidence uploaded"
        case .cluster: "School cluster set"
        case .sharedTeacher: "Teacher shared within a cluster"
        case .adoptPlan: "Plan adopted"
        }
    }

    /// The name in `language`.
    func name(in language: Language) -> String {
        language.pick(chineseName, englishName)
    }
}
