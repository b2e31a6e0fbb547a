extension Migration {
    /// Version 12: the published evaluation reports (``Storage/PublicationStore``), one row per
    /// county and year: the snapshot of the printable report (its HTML document), its title, when
    /// and by whom it was published.
    static let publishedReports = Migration(version: 12, summary: "published evaluation reports") { flavor in
        let text = flavor.text, integer = flavor.integer, double = flavor.double
        return [
            """
            CREATE TABLE \(Tables.publishedReports) (
              county_code \(text) NOT NULL,
              year \(integer) NOT NULL,
              title \(text) NOT NULL CHECK (title <> ''),
              published_at \(double) NOT NULL,
              account_name \(text) NOT NULL,
              document \(text) NOT NULL CHECK (document <> ''),
              PRIMARY KEY (county_code, year)
            )
            """,
        ]
    }
}
