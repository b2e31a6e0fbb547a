import Domain
import Foundation
import Storage

extension SQLStore: ZoneDataStore {
    /// A county's blocks, in id order.
    public func blocks(county: String) async throws -> [ResidentialBlock] {
        try await reading { try await $0.residentialBlocks(county: county) }
    }

    /// A county's distances, in (block, destination) order.
    public func distances(county: String) async throws -> [TravelDistance] {
        try await reading { try await $0.travelDistances(county: county) }
    }

    /// Checks the new data first (nothing is opened for a refused write), then compares it
    /// with the stored data (the blocks one by one, the distances by count and fingerprint), writes the changes, their trail entries and the county's new
    /// data revision in one exclusive transaction (so two uploads are each recorded against
    /// what they replaced).
    public func replaceZoneData(county: String, blocks: [ResidentialBlock], distances: [TravelDistance], by account: Account, at time: Date)
        async throws -> ZoneDataChanges
    {
        let checked = try CheckedZoneData(county: county, blocks: blocks, distances: distances)
        return try await writing { session in
            // The distances are compared by count and fingerprint, not read back (a county may
            // have a million); the fingerprint is kept in the same transactions as they are.
            let (count, digest) = try await session.travelDistanceSummary(county: county)
            let distances = DistanceChanges(before: count, after: checked.distanceList.count,
                                            changed: count != checked.distanceList.count || digest != checked.distanceDigest)
            let changes = ZoneDataChanges(storedBlocks: try await session.residentialBlocks(county: county), new: checked, distances: distances)
            guard !changes.isEmpty else { return changes }
            try await session.applyZoneDataChanges(changes, data: checked)
            try await session.appendAudit(changes.auditEntries(county: county, by: account, at: time))
            try await session.bumpRevisions([county])
            return changes
        }
    }
}
