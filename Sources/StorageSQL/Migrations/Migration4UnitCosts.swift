extension Migration {
    /// Version 4: each county's own unit costs (单位成本, ``Storage/UnitCostStore``): yuan per
    /// unit of a resource, county-wide or in one 城乡类型.
    ///
    /// `locality` is `''` for the county-wide price rather than NULL, so that it can be part of
    /// the primary key on both databases; the checks keep what the store never writes out.
    static let unitCosts = Migration(version: 4, summary: "unit costs of each county") { flavor in
        let text = flavor.text, double = flavor.double
        return [
            """
            CREATE TABLE \(Tables.unitCosts) (
              county_code \(text) NOT NULL,
              resource \(text) NOT NULL,
              locality \(text) NOT NULL CHECK (locality IN ('', 'urban', 'town', 'rural')),
              yuan \(double) NOT NULL CHECK (yuan >= 0 AND yuan <= 1000000000),
              PRIMARY KEY (county_code, resource, locality)
            )
            """,
        ]
    }
}
