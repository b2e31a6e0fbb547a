extension Migration {
    /// Version 7: each county's zoning data (``Storage/ZoneDataStore``): its residential
    /// blocks (居住片区), one row per county and block id, and its measured distances, one row
    /// per county, block and destination (a school code or a site id), with their fingerprint
    /// (``Storage/CheckedZoneData/digest(of:)``), one row per county that has distances, so a
    /// write tells whether they changed without reading them back.
    ///
    /// A block's counts and current schools are NULL when not recorded (the Domain value
    /// keeps "not recorded" apart from 0, and a block reads back as it was written). The
    /// checks keep ``Storage/CheckedZoneData``'s per-row bounds: counts ≥ 0, migrants ≤
    /// children of the stage, both coordinates or neither, on the globe; a distance in km or
    /// in minutes, exactly one, ≥ 0. That every distance starts at a stored block is the
    /// store's to keep (no foreign key: a county's million distances are deleted and written
    /// in bulk, and a key check per row would double the work).
    ///
    /// Version 6 is the school years' capacity columns (another branch of the same issue).
    static let zoneData = Migration(version: 7, summary: "residential blocks and travel distances of each county") { flavor in
        let text = flavor.text, double = flavor.double, integer = flavor.integer
        return [
            """
            CREATE TABLE \(Tables.residentialBlocks) (
              county_code \(text) NOT NULL,
              block_id \(text) NOT NULL CHECK (block_id <> ''),
              block_name \(text) NOT NULL,
              longitude \(double) CHECK (longitude >= -180 AND longitude <= 180),
              latitude \(double) CHECK (latitude >= -90 AND latitude <= 90),
              children_primary \(integer) CHECK (children_primary >= 0),
              children_junior \(integer) CHECK (children_junior >= 0),
              migrant_primary \(integer) CHECK (migrant_primary >= 0 AND migrant_primary <= COALESCE(children_primary, 0)),
              migrant_junior \(integer) CHECK (migrant_junior >= 0 AND migrant_junior <= COALESCE(children_junior, 0)),
              current_primary \(text),
              current_junior \(text),
              population \(integer) CHECK (population >= 0),
              CHECK ((longitude IS NULL AND latitude IS NULL) OR (longitude IS NOT NULL AND latitude IS NOT NULL)),
              PRIMARY KEY (county_code, block_id)
            )
            """,
            """
            CREATE TABLE \(Tables.travelDistances) (
              county_code \(text) NOT NULL,
              from_block \(text) NOT NULL,
              to_code \(text) NOT NULL CHECK (to_code <> ''),
              kilometres \(double) CHECK (kilometres >= 0),
              minutes \(double) CHECK (minutes >= 0),
              CHECK ((kilometres IS NULL AND minutes IS NOT NULL) OR (kilometres IS NOT NULL AND minutes IS NULL)),
              PRIMARY KEY (county_code, from_block, to_code)
            )
            """,
            """
            CREATE TABLE \(Tables.travelDistanceDigests) (
              county_code \(text) NOT NULL PRIMARY KEY,
              digest \(integer) NOT NULL
            )
            """,
        ]
    }
}
