extension Migration {
    /// Version 13: the rows under review (``Storage/ReviewStore``), one per school and year: the
    /// row as the clerk filled it in, in the columns of `school_years` (``SchoolYearsTable``, as
    /// its catalogue stands at this version — a field appended later adds its column to both
    /// tables), then where the review stands.
    static let rowSubmissions = Migration(version: 13, summary: "school rows under review") { flavor in
        let text = flavor.text, double = flavor.double
        let rowColumns = SchoolYearsTable.columnDefinitions(SchoolYearsTable.fields, flavor)
        return [
            """
            CREATE TABLE \(Tables.rowSubmissions) (
              \(rowColumns.joined(separator: ",\n  ")),
              status \(text) NOT NULL CHECK (status IN ('draft', 'submitted', 'returned')),
              comments \(text) NOT NULL,
              note \(text),
              saved_by \(text) NOT NULL,
              saved_at \(double) NOT NULL,
              reviewed_by \(text),
              reviewed_at \(double),
              PRIMARY KEY (year, school_code)
            )
            """,
            "CREATE INDEX row_submissions_by_county ON \(Tables.rowSubmissions) (county_code, year)",
        ]
    }
}
