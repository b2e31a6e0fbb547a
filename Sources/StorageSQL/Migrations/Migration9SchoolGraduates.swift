extension Migration {
    /// Version 9: each school year's junior graduates (初中应届毕业生数, `graduates`) and those
    /// the high-school quota counts (指标到校符合条件人数, `eligible`), appended to
    /// `school_years` after the places as the catalogue appends them. Existing rows get NULL:
    /// not reported, so the quota cannot be shared by them until they are.
    ///
    /// No CHECK, as for the other counts: the readers enforce the range and eligible ≤ graduates.
    static let schoolGraduates = Migration(version: 9, summary: "junior graduates (初中应届毕业生数) and those the quota counts") { flavor in
        SchoolYearsTable.columnDefinitions(SchoolYearsTable.fields(addedIn: 9), flavor).map { column in
            "ALTER TABLE \(SchoolYearsTable.name) ADD COLUMN \(column)"
        }
    }
}
