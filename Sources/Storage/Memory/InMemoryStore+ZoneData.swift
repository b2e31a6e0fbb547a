import Domain
import Foundation

extension InMemoryStore: ZoneDataStore {
    public func blocks(county: String) -> [ResidentialBlock] {
        (zoneBlocks[county] ?? [:]).values.sorted { $0.id < $1.id }
    }

    public func distances(county: String) -> [TravelDistance] {
        (zoneDistances[county] ?? [:]).map { TravelDistance(from: $0.key.from, to: $0.key.to, measure: $0.value) }.sorted { $0.pair < $1.pair }
    }

    public func replaceZoneData(county: String, blocks: [ResidentialBlock], distances: [TravelDistance], by account: Account, at time: Date)
        throws -> ZoneDataChanges
    {
        let checked = try CheckedZoneData(county: county, blocks: blocks, distances: distances)
        let stored = zoneDistances[county] ?? [:]
        let distanceChanges = DistanceChanges(before: stored.count, after: checked.distances.count, changed: stored != checked.distances)
        let changes = ZoneDataChanges(storedBlocks: self.blocks(county: county), new: checked, distances: distanceChanges)
        guard !changes.isEmpty else { return changes }
        zoneBlocks[county] = checked.blocks.isEmpty ? nil : checked.blocks
        zoneDistances[county] = checked.distances.isEmpty ? nil : checked.distances
        for entry in changes.auditEntries(county: county, by: account, at: time) { append(entry) }
        bumpRevisions([county])
        return changes
    }
}
