import Domain
import Foundation

/// A ``Store`` in memory, for tests and previews. An actor: each method runs alone, so every
/// write is a transaction. Each aggregate's methods are in `InMemoryStore+<Aggregate>.swift`.
public actor InMemoryStore: Store {
    var rows: [RowKey: SchoolYear] = [:]
    var factValues: [FactKey: CountyFact] = [:]
    /// Each county's ``SchoolDataStore/dataRevision(county:)``; absent until its first write.
    var revisions: [String: Int64] = [:]
    var yearLocks: [CountyYear: YearLock] = [:]
    var trail: [AuditEntry] = []
    var accountsByID: [Int64: Account] = [:]
    var sessions: [String: SessionRecord] = [:]
    var nextAccountID: Int64 = 1
    /// Each county's own unit costs (``UnitCostStore``), by key.
    var unitCosts: [String: [UnitCostPrice.Key: Double]] = [:]
    /// Each county's purchase units and yearly capacities (``UnitCostStore``), by key.
    var purchaseSettingsByCounty: [String: [PurchaseSetting.Key: Double]] = [:]
    /// Each county's residential blocks (``ZoneDataStore``), by id.
    var zoneBlocks: [String: [String: ResidentialBlock]] = [:]
    /// Each county's measured distances (``ZoneDataStore``), by pair.
    var zoneDistances: [String: [TravelDistance.Pair: TravelDistance.Measure]] = [:]
    /// Each county-year's children register (``CareDataStore``), by id.
    var registers: [CountyYear: [String: Child]] = [:]
    /// Each county's dropout cases (``CareDataStore``), by child id and opening date.
    var dropouts: [String: [String: DropoutCase]] = [:]
    /// Each county-year's cohorts (``CareDataStore``), by school.
    var cohortRecords: [CountyYear: [String: CohortRecord]] = [:]
    /// The published reports (``PublicationStore``) and their documents, by county and year.
    var published: [CountyYear: (report: PublishedReport, document: String)] = [:]
    /// The rows under review (``ReviewStore``), by county-year and school.
    var submissionsByYear: [CountyYear: [String: RowSubmission]] = [:]
    /// The remediation ledger (``LedgerStore``), by id, and its evidence files with their bytes.
    var ledger: [Int64: LedgerItem] = [:]
    var evidenceFiles: [Int64: (file: EvidenceFile, bytes: [UInt8])] = [:]
    /// Each county's school clusters (``ClusterStore``), by id.
    var clustersByCounty: [String: [String: SchoolCluster]] = [:]
    /// Each county-year's teachers shared within clusters (``ClusterStore``), by teacher id.
    var shared: [CountyYear: [String: SharedTeacher]] = [:]
    /// The adopted plans (``PlanAdoptionStore``), in the order adopted.
    var adopted: [AdoptedPlan] = []
    /// Failed sign-ins (``SignInFailureStore``).
    var signInFailureLog = SignInFailureLog()

    /// An empty store.
    public init() {}

    /// Appends `entry` to the trail with the next id.
    func append(_ entry: AuditEntry) {
        var entry = entry
        entry.id = Int64(trail.count + 1)
        trail.append(entry)
    }

    /// Moves the data revision of each of `counties` on.
    func bumpRevisions<Counties: Sequence>(_ counties: Counties) where Counties.Element == String {
        for county in Set(counties) { revisions[county, default: 0] += 1 }
    }
}
