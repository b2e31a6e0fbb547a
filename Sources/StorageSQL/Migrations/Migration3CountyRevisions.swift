extension Migration {
    /// Version 3: each county's data revision (``Storage/SchoolDataStore/dataRevision(county:)``),
    /// moved on by the store in the transaction of every write of the county's rows, facts or
    /// locks, so a server can tell with one primary-key read whether what it computed from a
    /// county's data is still current — also when another server sharing the database wrote.
    ///
    /// No row is 0: the counties of a database migrated from version 2 start there, and
    /// their first write makes them 1.
    static let countyRevisions = Migration(version: 3, summary: "data revision of each county") { flavor in
        [
            """
            CREATE TABLE \(Tables.countyRevisions) (
              county_code \(flavor.text) PRIMARY KEY,
              revision \(flavor.integer) NOT NULL
            )
            """,
        ]
    }
}
