extension SQLSession {
    /// The data revision of `county`: 0 when it has no row yet. Read through ``direct``
    /// (one primary-key lookup), as pages ask it on every request.
    func dataRevision(county: String) async throws -> Int64 {
        let text = "SELECT revision FROM \(Self.quoted(Tables.countyRevisions)) WHERE county_code = \(flavor.placeholder(1))"
        guard case .integer(let revision)? = try await direct.run(text, [.text(county)]).first?.first else { return 0 }
        return Int64(revision)
    }

    /// Moves the data revision of each of `counties` on by one (from 0 when it had none).
    func bumpRevisions<Counties: Sequence>(_ counties: Counties) async throws where Counties.Element == String {
        // Distinct and sorted: PostgreSQL refuses one upsert touching a row twice, and a
        // fixed order keeps two writers' row locks from crossing.
        let distinct = Set(counties).sorted()
        guard !distinct.isEmpty else { return }
        let table = Self.quoted(Tables.countyRevisions)
        let values = distinct.indices.map { "(\(flavor.placeholder($0 + 1)), 1)" }.joined(separator: ", ")
        _ = try await direct.run(
            "INSERT INTO \(table) (county_code, revision) VALUES \(values) "
                + "ON CONFLICT (county_code) DO UPDATE SET revision = \(table).revision + 1",
            distinct.map(SQLValue.text)
        )
    }
}
