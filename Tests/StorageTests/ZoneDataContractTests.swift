import Domain
import Foundation
import Storage
import Testing

/// What every ``ZoneDataStore`` promises (memory, SQLite, PostgreSQL): a county's blocks and
/// distances read back exactly and in order, a replacement writes only what changed and
/// records it (block by block, value by value, and the distances' count) in the trail and
/// the county's data revision, other counties keep theirs, and a refused write changes
/// nothing at all.
@Suite("Zone data store contract")
struct ZoneDataContractTests {
    /// 2026-12-31 17:00 UTC: already 2027 in Beijing.
    static let t0 = Date(timeIntervalSince1970: 1_798_736_400)
    static let county = "341170", other = "341171"

    func withStore(_ kind: StoreKind, _ body: (any Store, Account) async throws -> Void) async throws {
        let (store, close) = try await kind.makeStore()
        do {
            let planner = try await store.createAccount(
                NewAccount(name: "李规划", role: .planner, counties: [Self.county], passwordHash: "$2b$04$x"), at: Self.t0)
            try await body(store, planner)
        } catch {
            try await close()
            throw error
        }
        try await close()
    }

    /// Blocks using every column, and leaving out each optional one somewhere.
    static func blocks(_ county: String = county) -> [ResidentialBlock] {
        [
            ResidentialBlock(id: "B02", name: "幸福小区", countyCode: county, location: Coordinate(longitude: 118.123456789, latitude: 31.987654321),
                             children: [.primary: 120, .junior: 60], migrants: [.primary: 12, .junior: 0],
                             currentSchool: [.primary: "S1", .junior: "S9"], population: 4_000, community: "城东社区"),
            ResidentialBlock(id: "B01", name: "东村", countyCode: county, location: nil, children: [.primary: 0, .junior: 7]),
            ResidentialBlock(id: "B10:a.b", name: "<script>", countyCode: county, location: Coordinate(longitude: -180, latitude: 90),
                             children: [.primary: 3], migrants: [.primary: 3], currentSchool: [.junior: "S9"]),
        ]
    }

    static func distances() -> [TravelDistance] {
        [
            TravelDistance(from: "B02", to: "S1", measure: .kilometres(1.234567891)),
            TravelDistance(from: "B01", to: "S9", measure: .minutes(25)),
            TravelDistance(from: "B01", to: "S1", measure: .kilometres(0)),
        ]
    }

    @Test(arguments: StoreKind.allCases)
    func blocksAndDistancesReadBackExactlyInOrderAndTheWriteIsAudited(kind: StoreKind) async throws {
        try await withStore(kind) { store, planner in
            #expect(try await store.blocks(county: Self.county).isEmpty)
            #expect(try await store.distances(county: Self.county).isEmpty)
            let revision = try await store.dataRevision(county: Self.county)
            let changes = try await store.replaceZoneData(county: Self.county, blocks: Self.blocks(), distances: Self.distances(), by: planner, at: Self.t0)
            #expect(changes.blocksBefore == 0 && changes.blocksAfter == 3)
            #expect(changes.blocks.map(\.id) == ["B01", "B02", "B10:a.b"])
            #expect(changes.blocks.allSatisfy { $0.old == nil })
            #expect(changes.distances == DistanceChanges(before: 0, after: 3, changed: true))

            #expect(try await store.blocks(county: Self.county) == Self.blocks().sorted { $0.id < $1.id })
            #expect(try await store.distances(county: Self.county) == Self.distances().sorted { $0.pair < $1.pair })
            #expect(try await store.blocks(county: Self.other).isEmpty)
            #expect(try await store.dataRevision(county: Self.county) > revision, "items 13 and 15 are computed from blocks")

            let trail = try await store.auditTrail(AuditQuery(counties: [Self.county])).entries.reversed()
            #expect(trail.allSatisfy { $0.action == .zoneData && $0.accountName == "李规划" && $0.at == Self.t0 && $0.year == 2027 })
            #expect(trail.map(\.field) == ["block_count", "block:B01", "block:B02", "block:B10:a.b", "distance_count"])
            #expect(trail.map(\.oldValue) == ["0", nil, nil, nil, "0"])
            #expect(trail.map(\.note) == [nil, "东村", "幸福小区", "<script>", nil])
            let added = Array(trail)[2]
            #expect(added.newValue == "block_name=幸福小区; longitude=118.123456789; latitude=31.987654321; children_primary=120; "
                + "children_junior=60; migrant_primary=12; migrant_junior=0; current_primary=S1; current_junior=S9; population=4000; community=城东社区")
            #expect(Array(trail)[4].newValue == "3")
            #expect(try await store.auditTrail(AuditQuery(year: 2027)).total == 5)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aReplacementWritesAndRecordsOnlyWhatChanged(kind: StoreKind) async throws {
        try await withStore(kind) { store, planner in
            _ = try await store.replaceZoneData(county: Self.county, blocks: Self.blocks(), distances: Self.distances(), by: planner, at: Self.t0)
            let entries = try await store.auditTrail(AuditQuery()).total
            let revision = try await store.dataRevision(county: Self.county)
            // The same data again, in another order: nothing changes, nothing is recorded.
            let same = try await store.replaceZoneData(county: Self.county, blocks: Self.blocks().reversed(), distances: Self.distances().reversed(),
                                                       by: planner, at: Self.t0)
            #expect(same.isEmpty && same.blocksBefore == 3 && same.blocksAfter == 3)
            #expect(try await store.auditTrail(AuditQuery()).total == entries)
            #expect(try await store.dataRevision(county: Self.county) == revision)

            // B02 renamed, with more children and a place moved; B01 removed; B03 added.
            var blocks = Self.blocks()
            blocks[0].name = "幸福新村"
            blocks[0].children[.primary] = 130
            blocks[0].location = Coordinate(longitude: 118.5, latitude: 31.987654321)
            blocks[1] = ResidentialBlock(id: "B03", name: "西村", countyCode: Self.county, location: Coordinate(longitude: 118, latitude: 31), children: [.junior: 4])
            let distances = [
                TravelDistance(from: "B02", to: "S1", measure: .minutes(1.234567891)),   // same number, now minutes
                TravelDistance(from: "B03", to: "S9", measure: .kilometres(2.5)),
            ]
            let later = Self.t0.addingTimeInterval(60)
            let changes = try await store.replaceZoneData(county: Self.county, blocks: blocks, distances: distances, by: planner, at: later)
            #expect(changes.blocks.map(\.id) == ["B01", "B02", "B03"])
            #expect(changes.blocks.map { [$0.old == nil, $0.new == nil] } == [[false, true], [false, false], [true, false]])
            #expect(changes.blocks[1].columns == [.name, .longitude, .childrenPrimary])
            #expect(changes.distances == DistanceChanges(before: 3, after: 2, changed: true))
            #expect(try await store.blocks(county: Self.county) == blocks.sorted { $0.id < $1.id })
            #expect(try await store.distances(county: Self.county) == distances.sorted { $0.pair < $1.pair })
            #expect(try await store.dataRevision(county: Self.county) > revision)

            let recorded = Array(try await store.auditTrail(AuditQuery(counties: [Self.county], limit: 7)).entries.reversed())
            #expect(recorded.allSatisfy { $0.at == later })
            #expect(recorded.map { [$0.field ?? "", $0.oldValue ?? "-", $0.newValue ?? "-", $0.note ?? "-"] } == [
                ["block_count", "3", "3", "-"],
                ["block:B01", "block_name=东村; children_primary=0; children_junior=7", "-", "东村"],
                ["block.block_name:B02", "幸福小区", "幸福新村", "幸福新村"],
                ["block.longitude:B02", "118.123456789", "118.5", "幸福新村"],
                ["block.children_primary:B02", "120", "130", "幸福新村"],
                ["block:B03", "-", "block_name=西村; longitude=118.0; latitude=31.0; children_junior=4", "西村"],
                ["distance_count", "3", "2", "-"],
            ])

            // Emptying the county: everything is removed and recorded.
            let emptied = try await store.replaceZoneData(county: Self.county, blocks: [], distances: [], by: planner, at: later)
            #expect(emptied.blocks.count == 3 && emptied.distances == DistanceChanges(before: 2, after: 0, changed: true))
            #expect(try await store.blocks(county: Self.county).isEmpty)
            #expect(try await store.distances(county: Self.county).isEmpty)

            // One number changed, the same pairs: found without a change of count.
            _ = try await store.replaceZoneData(county: Self.county, blocks: Self.blocks(), distances: Self.distances(), by: planner, at: later)
            var renumbered = Self.distances()
            renumbered[2].measure = .kilometres(0.001)
            let resurveyed = try await store.replaceZoneData(county: Self.county, blocks: Self.blocks(), distances: renumbered, by: planner, at: later)
            #expect(resurveyed.blocks.isEmpty && resurveyed.distances == DistanceChanges(before: 3, after: 3, changed: true))
            #expect(try await store.distances(county: Self.county) == renumbered.sorted { $0.pair < $1.pair })
            #expect(try await store.auditTrail(AuditQuery(limit: 1)).entries.first?.field == "distance_count")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func countiesKeepTheirOwnDataAndALockDoesNotFreezeIt(kind: StoreKind) async throws {
        try await withStore(kind) { store, planner in
            _ = try await store.lockYear(county: Self.county, year: 2026, by: planner, at: Self.t0)
            _ = try await store.replaceZoneData(county: Self.county, blocks: Self.blocks(), distances: Self.distances(), by: planner, at: Self.t0)
            // The other county uses the same block ids: keys are per county.
            let others = Self.blocks(Self.other).map { block in var block = block; block.name += "（乙）"; return block }
            _ = try await store.replaceZoneData(county: Self.other, blocks: others, distances: Array(Self.distances().prefix(1)), by: planner, at: Self.t0)
            let otherRevision = try await store.dataRevision(county: Self.other)

            _ = try await store.replaceZoneData(county: Self.county, blocks: [Self.blocks()[1]], distances: [], by: planner, at: Self.t0)
            #expect(try await store.blocks(county: Self.county) == [Self.blocks()[1]])
            #expect(try await store.distances(county: Self.county).isEmpty)
            #expect(try await store.blocks(county: Self.other) == others.sorted { $0.id < $1.id })
            #expect(try await store.distances(county: Self.other) == Array(Self.distances().prefix(1)))
            #expect(try await store.dataRevision(county: Self.other) == otherRevision)
            #expect(try await store.auditTrail(AuditQuery(counties: [Self.other])).entries.allSatisfy { $0.countyCode == Self.other })
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aRefusedWriteChangesNothing(kind: StoreKind) async throws {
        try await withStore(kind) { store, planner in
            _ = try await store.replaceZoneData(county: Self.county, blocks: Self.blocks(), distances: Self.distances(), by: planner, at: Self.t0)
            let trail = try await store.auditTrail(AuditQuery(limit: 1_000))
            let revision = try await store.dataRevision(county: Self.county)

            var bad: [(blocks: [ResidentialBlock], distances: [TravelDistance], duplicate: Bool)] = []
            func withBlock(_ change: (inout ResidentialBlock) -> Void) -> [ResidentialBlock] {
                var blocks = Self.blocks()
                blocks.append(ResidentialBlock(id: "B99", name: "新区", countyCode: Self.county, location: nil, children: [.primary: 5]))
                change(&blocks[blocks.count - 1])
                return blocks
            }
            bad.append((withBlock { $0.migrants[.primary] = 6 }, [], false))                         // more migrants than children
            bad.append((withBlock { $0.migrants[.junior] = 1 }, [], false))                          // migrants of a stage without children
            bad.append((withBlock { $0.children[.junior] = -1 }, [], false))
            bad.append((withBlock { $0.population = -1 }, [], false))
            bad.append((withBlock { $0.children[.senior] = 3 }, [], false))                          // a stage the table does not keep
            bad.append((withBlock { $0.location = Coordinate(longitude: .nan, latitude: 30) }, [], false))
            bad.append((withBlock { $0.location = Coordinate(longitude: 118, latitude: 90.5) }, [], false))
            bad.append((withBlock { $0.countyCode = Self.other }, [], false))
            bad.append((withBlock { $0.id = "" }, [], false))
            bad.append((withBlock { $0.id = "B01" }, [], true))                                        // a duplicate id
            bad.append((Self.blocks(), Self.distances() + [TravelDistance(from: "B77", to: "S1", measure: .kilometres(1))], false))
            bad.append((Self.blocks(), Self.distances() + [TravelDistance(from: "B01", to: "", measure: .kilometres(1))], false))
            bad.append((Self.blocks(), Self.distances() + [TravelDistance(from: "B01", to: "S2", measure: .kilometres(-0.1))], false))
            bad.append((Self.blocks(), Self.distances() + [TravelDistance(from: "B01", to: "S2", measure: .minutes(.infinity))], false))
            bad.append((Self.blocks(), Self.distances() + [TravelDistance(from: "B01", to: "S9", measure: .kilometres(3))], true))
            for (index, write) in bad.enumerated() {
                let error = await #expect(throws: StoreError.self, "write \(index)") {
                    _ = try await store.replaceZoneData(county: Self.county, blocks: write.blocks, distances: write.distances, by: planner, at: Self.t0)
                }
                #expect(write.duplicate ? error?.isDuplicate == true : error?.isInvalid == true, "write \(index): \(String(describing: error))")
            }
            #expect(try await store.blocks(county: Self.county) == Self.blocks().sorted { $0.id < $1.id })
            #expect(try await store.distances(county: Self.county) == Self.distances().sorted { $0.pair < $1.pair })
            #expect(try await store.auditTrail(AuditQuery(limit: 1_000)) == trail)
            #expect(try await store.dataRevision(county: Self.county) == revision)
        }
    }

    @Test func trailFieldsNameTheirBlockAndColumn() {
        let fields: [ZoneAuditField] = [.blockCount, .distanceCount, .block("B1"), .block("a:b.c"), .block(""),
                                        .blockColumn(.migrantJunior, "x:y"), .blockColumn(.name, "block.name:1")]
        for field in fields { #expect(ZoneAuditField(text: field.text) == field, "\(field.text)") }
        for column in ResidentialBlock.Column.allCases { #expect(ZoneAuditField(text: "block.\(column.rawValue):B") == .blockColumn(column, "B")) }
        #expect(ZoneAuditField(text: "block.moon:B1") == nil)
        #expect(ZoneAuditField(text: "unit_cost:books") == nil)
        #expect(ZoneAuditField(text: "children_primary") == nil)
    }
}
