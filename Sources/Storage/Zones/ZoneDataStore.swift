import Domain
import Foundation

/// Where each county's zoning data is kept (学区划分基础数据): its residential blocks (居住片区,
/// ``Domain/ResidentialBlock``) and the measured ways from them to schools and sites
/// (``Domain/TravelDistance``) — what `junheng plan zones` and the zones page start from.
///
/// Blocks and distances belong to a county, not to a year: a year lock (``YearLockStore``)
/// does not freeze them. They do move the county's data revision
/// (``SchoolDataStore/dataRevision(county:)``), because the evaluation's items 13 and 15
/// (就近入学比例, 随迁子女比例) are computed from them and cached pages show those items.
///
/// A write replaces both lists of a county at once, all or nothing, and records in the audit
/// trail (``AuditTrailStore``), in the same transaction, what a supervisor needs to see who
/// changed the zoning data (``ZoneDataChanges/auditEntries(county:by:at:)``): the number of
/// blocks before and after, every block added or removed (its values), every changed field
/// of a kept block (before and after), and the number of distances before and after.
///
/// ```swift
/// let changes = try await store.replaceZoneData(county: "341170", blocks: blocks, distances: distances, by: account, at: .now)
/// let blocks = try await store.blocks(county: "341170")
/// ```
public protocol ZoneDataStore: Sendable {
    /// The county's residential blocks, ordered by block id (byte order); empty when it has none.
    func blocks(county: String) async throws -> [ResidentialBlock]

    /// The county's measured distances, ordered by block id, then school or site code; empty
    /// when it has none.
    func distances(county: String) async throws -> [TravelDistance]

    /// Makes `blocks` and `distances` the county's whole zoning data, in one transaction: a
    /// stored block whose id is not in `blocks` is removed, and so is a distance whose pair is
    /// not in `distances`. Returns what changed — nothing is written or recorded when nothing
    /// did.
    ///
    /// - Throws: ``StoreError/isInvalid`` when a block or a distance breaks a bound the store
    ///   keeps (``CheckedZoneData``: a block of another county, a negative count, more
    ///   migrants than children, a coordinate off the globe, a distance from a block that is
    ///   not in `blocks`…), ``StoreError/isDuplicate`` for a block id or a pair given twice;
    ///   nothing is written then.
    func replaceZoneData(county: String, blocks: [ResidentialBlock], distances: [TravelDistance], by account: Account, at time: Date)
        async throws -> ZoneDataChanges
}
