extension Migration {
    /// Version 17: the adopted plans (``Storage/PlanAdoptionStore``), one row per county, kind,
    /// year and version, the plan's items kept with it as a JSON array (read only with it).
    static let adoptedPlans = Migration(version: 17, summary: "adopted plans and their versions") { flavor in
        let text = flavor.text, integer = flavor.integer, double = flavor.double
        return [
            """
            CREATE TABLE \(Tables.adoptedPlans) (
              county_code \(text) NOT NULL,
              kind \(text) NOT NULL CHECK (kind IN ('investment', 'rotation')),
              year \(integer) NOT NULL,
              version \(integer) NOT NULL CHECK (version > 0),
              title \(text) NOT NULL CHECK (title <> ''),
              adopted_by \(text) NOT NULL,
              adopted_at \(double) NOT NULL,
              items \(text) NOT NULL,
              PRIMARY KEY (county_code, kind, year, version)
            )
            """,
        ]
    }
}
