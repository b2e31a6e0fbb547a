extension Migration {
    /// Version 8: the community (所属社区) of each residential block
    /// (``Domain/ResidentialBlock/community``), appended to `residential_blocks` after
    /// `population` as the catalogue appends it, so a migrated database's columns are a new
    /// one's. Existing rows get NULL: each block a community of its own, as before.
    static let blockCommunity = Migration(version: 8, summary: "community (所属社区) of each residential block") { flavor in
        ["ALTER TABLE \(Tables.residentialBlocks) ADD COLUMN community \(flavor.text) CHECK (community <> '')"]
    }
}
