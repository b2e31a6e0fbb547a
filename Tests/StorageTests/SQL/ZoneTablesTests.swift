import Domain
import Foundation
import Storage
@testable import StorageSQL
import Testing

/// What the zoning tables keep on their own, whatever writes to them, and how long a large
/// county takes to write and read.
@Suite("Zone tables")
struct ZoneTablesTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    func withStore(_ kind: StoreKind, _ body: (SQLStore, Account) async throws -> Void) async throws {
        let database = try await TestDatabase.make(kind)
        let store = try await database.open()
        do {
            let admin = try await store.createAccount(NewAccount(name: "admin", role: .admin, passwordHash: "h"), at: Self.t0)
            try await body(store, admin)
        } catch {
            try? await store.shutdown()
            try? await database.drop()
            throw error
        }
        try await store.shutdown()
        try await database.drop()
    }

    /// Rows the store never writes, written past it: each is refused by a check of migration 7.
    @Test(arguments: StoreKind.sqlKinds)
    func theTablesRefuseRowsOutOfBounds(kind: StoreKind) async throws {
        try await withStore(kind) { store, _ in
            let block = "INSERT INTO residential_blocks (county_code, block_id, block_name, longitude, latitude, children_primary, migrant_primary, population) VALUES "
            let distance = "INSERT INTO travel_distances (county_code, from_block, to_code, kilometres, minutes) VALUES "
            let good = [
                block + "('341170', 'B1', '东村', 118.5, 31.5, 10, 10, 0)",
                block + "('341170', 'B2', '西村', NULL, NULL, NULL, NULL, NULL)",
                "INSERT INTO residential_blocks (county_code, block_id, block_name, community) VALUES ('341170', 'B5', '南村', '城东社区')",
                distance + "('341170', 'B1', 'S1', 1.5, NULL)",
                distance + "('341170', 'B1', 'S2', NULL, 12)",
            ]
            let bad = [
                block + "('341170', 'B3', 'x', 118.5, NULL, 1, 0, 0)",         // one coordinate of two
                block + "('341170', 'B3', 'x', 181, 30, 1, 0, 0)",
                block + "('341170', 'B3', 'x', 118, -91, 1, 0, 0)",
                block + "('341170', 'B3', 'x', NULL, NULL, -1, 0, 0)",
                block + "('341170', 'B3', 'x', NULL, NULL, 1, 2, 0)",            // more migrants than children
                block + "('341170', 'B3', 'x', NULL, NULL, NULL, 1, 0)",         // migrants without children
                block + "('341170', 'B3', 'x', NULL, NULL, 1, 0, -5)",
                block + "('341170', '', 'x', NULL, NULL, 1, 0, 0)",
                block + "('341170', 'B1', 'x', NULL, NULL, 1, 0, 0)",            // the key again
                "INSERT INTO residential_blocks (county_code, block_id, block_name, community) VALUES ('341170', 'B4', 'x', '')", // migration 8: an empty community
                distance + "('341170', 'B1', 'S3', NULL, NULL)",                 // neither measure
                distance + "('341170', 'B1', 'S3', 1, 2)",                       // both
                distance + "('341170', 'B1', 'S3', -1, NULL)",
                distance + "('341170', 'B1', '', 1, NULL)",
                distance + "('341170', 'B1', 'S1', 2, NULL)",                    // the key again
            ]
            for statement in good {
                try await store.connections.write(exclusive: false) { _ = try await $0.direct.run(statement, []) }
            }
            for statement in bad {
                await #expect(throws: (any Error).self, "\(statement)") {
                    try await store.connections.write(exclusive: false) { _ = try await $0.direct.run(statement, []) }
                }
            }
            #expect(try await store.blocks(county: "341170") == [
                ResidentialBlock(id: "B1", name: "东村", countyCode: "341170", location: Coordinate(longitude: 118.5, latitude: 31.5),
                                 children: [.primary: 10], migrants: [.primary: 10], population: 0),
                ResidentialBlock(id: "B2", name: "西村", countyCode: "341170", location: nil, children: [:]),
                ResidentialBlock(id: "B5", name: "南村", countyCode: "341170", location: nil, children: [:], community: "城东社区"),
            ])
            #expect(try await store.distances(county: "341170") == [
                TravelDistance(from: "B1", to: "S1", measure: .kilometres(1.5)), TravelDistance(from: "B1", to: "S2", measure: .minutes(12)),
            ])
        }
    }

    /// A large county: `JUNHENG_ZONE_SCALE` blocks (default 10,000) with 10 distances each,
    /// written, read back, rewritten with every block changed, and emptied. Prints the times.
    @Test(arguments: StoreKind.sqlKinds)
    func aLargeCountyWritesInBulk(kind: StoreKind) async throws {
        let count = ProcessInfo.processInfo.environment["JUNHENG_ZONE_SCALE"].flatMap(Int.init) ?? 10_000
        let county = "341170"
        let blocks = (0..<count).map { (index: Int) -> ResidentialBlock in
            let longitude: Double = 118 + Double(index % 1_000) / 1_000
            let latitude: Double = 31 + Double(index / 1_000) / 1_000
            let children: [Stage: Int] = [.primary: index % 300, .junior: index % 150]
            return ResidentialBlock(id: String(format: "B%06d", index), name: "片区\(index)", countyCode: county,
                                    location: Coordinate(longitude: longitude, latitude: latitude), children: children,
                                    migrants: [.primary: index % 30], currentSchool: [.primary: "S\(index % 100)"], population: index % 5_000)
        }
        let distances = blocks.flatMap { (block: ResidentialBlock) -> [TravelDistance] in
            (0..<10).map { (school: Int) -> TravelDistance in
                TravelDistance(from: block.id, to: "S\(school)", measure: .kilometres(Double(school) + 0.25))
            }
        }
        try await withStore(kind) { store, admin in
            let clock = ContinuousClock()
            var changes = ZoneDataChanges(blocksBefore: 0, blocksAfter: 0, blocks: [], distances: DistanceChanges(before: 0, after: 0, changed: false))
            let write = try await clock.measure {
                changes = try await store.replaceZoneData(county: county, blocks: blocks, distances: distances, by: admin, at: Self.t0)
            }
            #expect(changes.blocks.count == count && changes.distances == DistanceChanges(before: 0, after: 10 * count, changed: true))
            var read: ([ResidentialBlock], [TravelDistance]) = ([], [])
            let reading = try await clock.measure {
                read = (try await store.blocks(county: county), try await store.distances(county: county))
            }
            #expect(read.0 == blocks)
            #expect(read.1.count == distances.count && read.1.first == distances.first && read.1.last == distances.last)
            let changed = blocks.map { block in var block = block; block.children[.primary]! += 1; return block }
            let rewrite = try await clock.measure {
                changes = try await store.replaceZoneData(county: county, blocks: changed, distances: distances, by: admin, at: Self.t0)
            }
            #expect(changes.blocks.count == count && changes.distances.isEmpty)
            let empty = try await clock.measure {
                changes = try await store.replaceZoneData(county: county, blocks: [], distances: [], by: admin, at: Self.t0)
            }
            #expect(try await store.blocks(county: county).isEmpty)
            #expect(try await store.distances(county: county).isEmpty)
            print("zone tables \(kind): \(count) blocks, \(distances.count) distances — write \(write), read \(reading), "
                  + "rewrite of every block \(rewrite), emptying \(empty)")
        }
    }
}
