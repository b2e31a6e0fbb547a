extension Migration {
    /// Version 6: each school year's places (学位数) per stage, `capacity_primary` and
    /// `capacity_junior` (``Domain/StageRecord/capacity``), appended to `school_years` after
    /// `training_funds` as the catalogue appends them, so a migrated database's columns are
    /// a new one's. Existing rows get NULL: not reported, which the planners read as
    /// classes × the standard class size.
    ///
    /// No CHECK: like the other counts, the range (0 … ``Domain/StoredCount/maximum``) is
    /// the readers' to enforce and the Domain's to verify when a row is read back.
    static let schoolCapacity = Migration(version: 6, summary: "places (学位数) of each school year's stages") { flavor in
        SchoolYearsTable.columnDefinitions(SchoolYearsTable.fields(addedIn: 6), flavor).map { column in
            "ALTER TABLE \(SchoolYearsTable.name) ADD COLUMN \(column)"
        }
    }
}
