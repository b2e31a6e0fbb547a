import Foundation

/// One line of the audit trail (操作记录): who did what, when, and the value before and after.
public struct AuditEntry: Sendable, Hashable, Identifiable {
    /// Increasing with time.
    public var id: Int64
    /// When.
    public var at: Date
    /// The account's name at the time.
    public var accountName: String
    /// What was done.
    public var action: AuditAction
    /// 县区代码
    public var countyCode: String
    /// 年度
    public var year: Int
    /// 学校标识码, for edits and imported rows.
    public var schoolCode: String?
    /// The field's key (``Domain/SchoolField/key`` or a fact item), for changed values.
    public var field: String?
    /// The value before, in canonical text; `nil` when not reported.
    public var oldValue: String?
    /// The value after, in canonical text; `nil` when not reported.
    public var newValue: String?
    /// Free text: the imported file's name, the number of rows.
    public var note: String?

    public init(
        id: Int64, at: Date, accountName: String, action: AuditAction, countyCode: String, year: Int,
        schoolCode: String? = nil, field: String? = nil, oldValue: String? = nil, newValue: String? = nil,
        note: String? = nil
    ) {
        self.id = id
        self.at = at
        self.accountName = accountName
        self.action = action
        self.countyCode = countyCode
        self.year = year
        self.schoolCode = schoolCode
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.note = note
    }
}

/// The kinds of recorded act.
public enum AuditAction: String, CaseIterable, Sendable, Hashable, Codable {
    /// A field changed through the edit form.
    case edit
    /// A file was imported (one entry per county and year of the file).
    case importFile = "import"
    /// A row that did not exist was imported.
    case addRow = "add_row"
    /// A field of an existing row changed by an import.
    case importChange = "import_change"
    /// A county fact was recorded or changed by an import.
    case factChange = "fact_change"
    /// A year was locked.
    case lock
    /// A lock was lifted.
    case unlock
    /// A county's own unit cost (单位成本) was set, changed or removed (see ``UnitCostStore``).
    case unitCost = "unit_cost"
    /// A county's residential blocks or measured distances (居住片区, 测量距离) were replaced
    /// (see ``ZoneDataStore``).
    case zoneData = "zone_data"
    /// A county-year's children register (儿童登记) was replaced (see ``CareDataStore``): the
    /// children added, removed or changed, never a personal value.
    case careData = "care_data"
    /// A dropout case (控辍保学个案) was opened, followed up or closed.
    case dropoutCase = "dropout_case"
    /// A county-year's junior cohorts (巩固率) were replaced.
    case cohortData = "cohort_data"
    /// Children's personal data were shown unmasked or exported (PIPL: every look recorded).
    case personalRead = "personal_read"
    /// A county-year's evaluation report was published at its public address (see
    /// ``PublicationStore``), or published again.
    case publish
    /// A published report was withdrawn.
    case unpublish
    /// A clerk's save of a row under review (填报), one entry per changed field.
    case draftRow = "draft_row"
    /// A clerk handing a row in for review (提交审核).
    case submitRow = "submit_row"
    /// The county returning a row (退回修改), one entry per commented field.
    case returnRow = "return_row"
    /// The county approving a row (审核通过); its changed fields follow as edits.
    case approveRow = "approve_row"
    /// A remediation ledger item added (整改台账).
    case ledgerItem = "ledger_item"
    /// A ledger item's status, owner, due date or a progress note.
    case ledgerUpdate = "ledger_update"
    /// An evidence file attached to a ledger item.
    case ledgerEvidence = "ledger_evidence"
    /// A school cluster defined, changed or removed (学区/教育集团/教育联盟).
    case cluster
    /// A teacher shared within a cluster recorded or removed (集团内互派).
    case sharedTeacher = "shared_teacher"
    /// A plan adopted as a new version (方案采纳).
    case adoptPlan = "adopt_plan"

    /// The Chinese name shown in the interface.
    public var chineseName: String {
        switch self {
        case .edit: "修改"
        case .importFile: "导入文件"
        case .addRow: "导入新增学校"
        case .importChange: "导入修改"
        case .factChange: "导入县级指标"
        case .lock: "锁定年度"
        case .unlock: "解除锁定"
        case .unitCost: "修改单位成本"
        case .zoneData: "更新居住片区"
        case .careData: "更新儿童登记"
        case .dropoutCase: "更新控辍保学个案"
        case .cohortData: "更新巩固率数据"
        case .personalRead: "查阅儿童个人信息"
        case .publish: "发布评估报告"
        case .unpublish: "撤回评估报告"
        case .draftRow: "学校填报"
        case .submitRow: "提交审核"
        case .returnRow: "退回修改"
        case .approveRow: "审核通过"
        case .ledgerItem: "新增整改事项"
        case .ledgerUpdate: "更新整改事项"
        case .ledgerEvidence: "上传整改佐证材料"
        case .cluster: "设置学区/集团"
        case .sharedTeacher: "登记集团内互派教师"
        case .adoptPlan: "采纳方案"
        }
    }
}

/// Which entries to list.
public struct AuditQuery: Sendable, Hashable {
    /// Only these counties; `nil` for all (administrators).
    public var counties: [String]?
    /// Only this school.
    public var schoolCode: String?
    /// Only this year.
    public var year: Int?
    /// At most this many entries…
    public var limit: Int
    /// …after skipping this many (newest first).
    public var offset: Int

    public init(counties: [String]? = nil, schoolCode: String? = nil, year: Int? = nil, limit: Int = 100, offset: Int = 0) {
        self.counties = counties
        self.schoolCode = schoolCode
        self.year = year
        self.limit = max(0, limit)
        self.offset = max(0, offset)
    }

    /// Whether `entry` matches (the in-memory store's filter, and the contract tests' oracle).
    public func matches(_ entry: AuditEntry) -> Bool {
        (counties.map { $0.contains(entry.countyCode) } ?? true)
            && (schoolCode.map { $0 == entry.schoolCode } ?? true)
            && (year.map { $0 == entry.year } ?? true)
    }
}

/// A page of the trail.
public struct AuditPage: Sendable, Hashable {
    /// The entries, newest first.
    public var entries: [AuditEntry]
    /// How many entries match the query in all.
    public var total: Int

    public init(entries: [AuditEntry], total: Int) {
        self.entries = entries
        self.total = total
    }
}
