/// Something an account may or may not do. Routes ask ``Account/may(_:)`` before they read
/// or write; the answer depends on the role and on the county or school concerned.
public enum Permission: Sendable, Hashable {
    /// See a county's data and evaluation (all its schools).
    case readCounty(String)
    /// See one school's data and history.
    case readSchool(county: String, school: String)
    /// Change one school's data (edit form, or a row of an import).
    case editSchool(county: String, school: String)
    /// Change how a county's schools are classified: their names, type, locality, ownership
    /// and parent school (``SchoolField/isClassification``), and add schools.
    case classifySchools(county: String)
    /// Import files into a county.
    case importInto(county: String)
    /// Lock a county's year.
    case lockYear(county: String)
    /// Review the rows a county's school clerks submit (审核: approve or return them); whose
    /// edits need no review, as they are the county's own.
    case reviewRows(county: String)
    /// Record a county's items (县级指标: 政府保障程度, 教育质量, 社会认可度, 一票否决) on the web.
    case recordFacts(county: String)
    /// Keep a county's remediation ledger (整改台账): add items, set owners, due dates and status.
    case manageLedger(county: String)
    /// Report progress on a ledger item of a school (notes, evidence, 进行中/已完成): its clerk.
    case reportLedger(county: String, school: String)
    /// Verify a completed ledger item and close it (核验销号): the supervisor.
    case verifyLedger(county: String)
    /// Define a county's school clusters (学区/教育集团/教育联盟).
    case manageClusters(county: String)
    /// Adopt a county's plan as a new version (方案采纳).
    case adoptPlan(county: String)
    /// Set, change or remove a county's own unit costs (单位成本, ``UnitCostStore``).
    case setUnitCosts(county: String)
    /// Replace a county's zoning data (学区划分基础数据: residential blocks and distances,
    /// ``ZoneDataStore``).
    case editZoneData(county: String)
    /// See children's personal data unmasked (names, ids, birth dates, guardians, phones,
    /// addresses: PIPL Art. 28) — of one school's children, or (`school` nil) of every child
    /// of the county. Every such read is recorded (``CareDataStore/recordPersonalRead(_:by:at:)``).
    case readChildren(county: String, school: String?)
    /// Replace a county's children register, cohorts and dropout cases (import), or follow up
    /// a case of one school (`school` given) or of any (nil).
    case editCareData(county: String, school: String?)
    /// Publish a county-year's evaluation report at its public address, or withdraw it.
    case publishReport(county: String)
    /// Lift a lock.
    case unlockYear
    /// Read a county's audit trail.
    case readAudit(county: String)
    /// The province page ranking counties.
    case readProvince
    /// Create and list accounts.
    case manageAccounts
}

extension Account {
    /// Whether the account may do `permission`.
    ///
    /// | role | read | edit | classify | import | lock | audit | unit costs, zone data |
    /// |---|---|---|---|---|---|---|---|
    /// | admin | all | all | all | all | all, unlock | all | all |
    /// | planner | own county | own county | own county | own county | own county | own county | own county |
    /// | supervisor | listed counties | — | — | — | — | listed counties | — |
    /// | clerk | own school | own school | — | own school's rows | — | — | — |
    /// | care officer | own county | — | — | — | — | — | — |
    ///
    /// Publishing a county's evaluation report (``Permission/publishReport(county:)``) is its
    /// planner's (and an administrator's).
    ///
    /// Children's personal data (``Permission/readChildren(county:school:)``) and the care data
    /// (``Permission/editCareData(county:school:)``) are the care officer's alone — of the
    /// county, or of their school when the account has one (a school's care teacher). Not the
    /// administrator's, planner's or supervisor's: they see the counts and rates, which need
    /// no names (PIPL Art. 28: access by need). An administrator may import a register
    /// (writing is not seeing) but sees it masked like everyone else.
    ///
    /// Unit costs price the whole county's plan, and the zoning data (blocks, distances)
    /// decide the whole county's zones and items 13 and 15, so only who classifies the
    /// county's schools (its planner) sets them; whoever reads the county sees them.
    public func may(_ permission: Permission) -> Bool {
        switch (role, permission) {
        case (.admin, .readChildren): false
        case (.admin, .editCareData(_, let school)): school == nil
        case (.admin, _): true
        case (.planner, .readCounty(let c)), (.planner, .readSchool(let c, _)), (.planner, .editSchool(let c, _)),
             (.planner, .importInto(let c)), (.planner, .lockYear(let c)), (.planner, .readAudit(let c)),
             (.planner, .classifySchools(let c)), (.planner, .setUnitCosts(let c)), (.planner, .editZoneData(let c)),
             (.planner, .publishReport(let c)), (.planner, .reviewRows(let c)),
             (.planner, .recordFacts(let c)), (.planner, .manageLedger(let c)), (.planner, .reportLedger(let c, _)),
             (.planner, .manageClusters(let c)), (.planner, .adoptPlan(let c)):
            counties.contains(c)
        case (.supervisor, .readCounty(let c)), (.supervisor, .readSchool(let c, _)), (.supervisor, .readAudit(let c)):
            counties.contains(c)
        case (.supervisor, .readProvince): true
        case (.supervisor, .verifyLedger(let c)): counties.contains(c)
        case (.clerk, .reportLedger(let c, let s)): counties.contains(c) && schoolCode == s
        case (.clerk, .readSchool(let c, let s)), (.clerk, .editSchool(let c, let s)):
            counties.contains(c) && schoolCode == s
        case (.clerk, .importInto(let c)): counties.contains(c)
        case (.careOfficer, .readCounty(let c)), (.careOfficer, .readSchool(let c, _)):
            counties.contains(c)
        case (.careOfficer, .readChildren(let c, let s)), (.careOfficer, .editCareData(let c, let s)):
            counties.contains(c) && (schoolCode == nil || schoolCode == s)
        default: false
        }
    }
}

extension Account {
    /// Whether this account's edits of `county`'s school rows wait for the county's review
    /// (a school clerk's 填报) instead of changing the approved rows at once.
    public func submitsForReview(county: String) -> Bool {
        !may(.reviewRows(county: county))
    }
}
