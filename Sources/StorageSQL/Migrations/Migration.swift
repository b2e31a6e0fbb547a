/// One numbered step of the database schema. Applied once, in order, in its own
/// transaction, and recorded in `schema_migrations`; never edited once released — a change
/// is a new migration.
struct Migration: Sendable {
    /// The schema version this step leads to (1, 2, 3, …).
    let version: Int
    /// What the step does, for the log.
    let summary: String
    /// The statements, one each, in the database's SQL.
    let statements: @Sendable (SQLFlavor) -> [String]
}

/// Every migration, oldest first. Append a new one to change the schema; the program's
/// schema version is the last one's.
enum Migrations {
    static let all: [Migration] = [
        .initialSchema,
        .signInFailures,
        .countyRevisions,
        .unitCosts,
        .purchaseSettings,
        .schoolCapacity,
        .zoneData,
        .blockCommunity,
        .schoolGraduates,
        .schoolFunding,
        .careData,
        .publishedReports,
        .rowSubmissions,
        .ledger,
        .accountDisabled,
        .schoolClusters,
        .adoptedPlans,
    ]

    /// The schema version this program reads and writes.
    static var latest: Int { all.last?.version ?? 0 }
}
