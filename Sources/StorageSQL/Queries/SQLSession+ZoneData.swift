import Domain
import SQLKit
import Storage

extension SQLSession {
    /// The blocks of `county`, in block id order (byte order on both databases: the key's
    /// text is `COLLATE "C"` on PostgreSQL).
    func residentialBlocks(county: String) async throws -> [ResidentialBlock] {
        let columns = ZoneTables.blockColumns.map(Self.quoted).joined(separator: ", ")
        let rows = try await direct.run(
            "SELECT \(columns) FROM \(Self.quoted(Tables.residentialBlocks)) WHERE county_code = \(flavor.placeholder(1)) ORDER BY block_id",
            [.text(county)])
        return try rows.map(ZoneTables.block)
    }

    /// The distances of `county`, in (block, destination) order.
    func travelDistances(county: String) async throws -> [TravelDistance] {
        let rows = try await direct.run(
            "SELECT from_block, to_code, kilometres, minutes FROM \(Self.quoted(Tables.travelDistances)) "
                + "WHERE county_code = \(flavor.placeholder(1)) ORDER BY from_block, to_code",
            [.text(county)])
        return try rows.map { try ZoneTables.distance($0, county: county) }
    }

    /// How many distances `county` has, and their fingerprint (``Storage/CheckedZoneData/digest(of:)``;
    /// 0 for none).
    func travelDistanceSummary(county: String) async throws -> (count: Int, digest: Int64) {
        let counted = try await direct.run(
            "SELECT COUNT(*) FROM \(Self.quoted(Tables.travelDistances)) WHERE county_code = \(flavor.placeholder(1))", [.text(county)])
        let stored = try await direct.run(
            "SELECT digest FROM \(Self.quoted(Tables.travelDistanceDigests)) WHERE county_code = \(flavor.placeholder(1))", [.text(county)])
        guard case .integer(let count)? = counted.first?.first else {
            throw StoreError.corrupt("\(Tables.travelDistances) of \(county): no count")
        }
        switch stored.first?.first {
        case nil: return (count, 0)
        case .integer(let digest)?: return (count, Int64(digest))
        case let other?: throw StoreError.corrupt("\(Tables.travelDistanceDigests) of \(county): \(other)")
        }
    }

    /// Writes `changes` of `data`'s county (made against what is stored): deletes the removed
    /// blocks, upserts the added and changed ones, and — when the distances changed at all —
    /// replaces them with `data`'s in bulk, with their fingerprint: a county's distances are
    /// many and change together (a new survey), so rewriting them costs about what finding
    /// the changed pairs would.
    func applyZoneDataChanges(_ changes: ZoneDataChanges, data: CheckedZoneData) async throws {
        let county = data.county
        let removed = changes.removedBlockIDs
        for start in stride(from: 0, to: removed.count, by: valuesPerList) {
            let chunk = removed[start..<min(start + valuesPerList, removed.count)]
            let list = chunk.indices.map { flavor.placeholder($0 - start + 2) }.joined(separator: ", ")
            _ = try await direct.run(
                "DELETE FROM \(Self.quoted(Tables.residentialBlocks)) WHERE county_code = \(flavor.placeholder(1)) AND block_id IN (\(list))",
                [.text(county)] + chunk.map(SQLValue.text))
        }
        try await insert(into: Tables.residentialBlocks, columns: ZoneTables.blockColumns,
                         rows: changes.writtenBlocks.map(ZoneTables.values(of:)), replacingOn: ZoneTables.blockKey)
        guard !changes.distances.isEmpty else { return }
        for table in [Tables.travelDistances, Tables.travelDistanceDigests] {
            _ = try await direct.run("DELETE FROM \(Self.quoted(table)) WHERE county_code = \(flavor.placeholder(1))", [.text(county)])
        }
        try await insert(into: Tables.travelDistances, columns: ZoneTables.distanceColumns,
                         rows: data.distanceList.map { ZoneTables.values(of: $0, county: county) })
        if !data.distanceList.isEmpty {
            try await insert(into: Tables.travelDistanceDigests, columns: ["county_code", "digest"],
                             rows: [[.text(county), .integer(Int(data.distanceDigest))]])
        }
    }
}
