/// The names of the tables besides `school_years`, and of their columns where the store
/// reads them back — spelled once for the migrations and the queries.
enum Tables {
    static let countyFacts = "county_facts"
    static let yearLocks = "year_locks"
    static let auditEntries = "audit_entries"
    static let accounts = "accounts"
    static let sessions = "sessions"
    static let schemaMigrations = "schema_migrations"
    static let signInFailures = "sign_in_failures"
    static let countyRevisions = "county_revisions"
    static let unitCosts = "unit_costs"
    static let purchaseSettings = "purchase_settings"
    static let residentialBlocks = "residential_blocks"
    static let travelDistances = "travel_distances"
    static let travelDistanceDigests = "travel_distance_digests"
    static let children = "children"
    static let dropoutCases = "dropout_cases"
    static let dropoutVisits = "dropout_visits"
    static let cohorts = "cohorts"
    static let publishedReports = "published_reports"
    static let rowSubmissions = "row_submissions"
    static let ledgerItems = "ledger_items"
    static let ledgerEvidence = "ledger_evidence"
    static let schoolClusters = "school_clusters"
    static let sharedTeachers = "shared_teachers"
    static let adoptedPlans = "adopted_plans"

    /// The columns of `audit_entries` written on insert (`id` is assigned).
    static let auditColumns = [
        "recorded_at", "account_name", "action", "county_code", "year",
        "school_code", "field", "old_value", "new_value", "note",
    ]
    /// The columns of `county_facts`.
    static let factColumns = ["year", "county_code", "item", "answer", "number", "evidence"]
    /// The key of `county_facts`.
    static let factKey = ["year", "county_code", "item"]
}
