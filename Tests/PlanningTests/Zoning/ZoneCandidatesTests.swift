import Domain
import Testing
@testable import Planning

/// ``ZoneCandidates`` against the plain reading of every pair through ``DistanceModel``.
@Suite("Candidate schools of a block")
struct ZoneCandidatesTests {
    @Test("the k nearest, listed pairs and today's school are what sorting every pair gives", arguments: 0..<6)
    func nearest(seed: Int) {
        let county = ZoningCounty(seed: 500 + seed, schools: 40, blocks: 60)
        let rules = ZoningRules.defaults
        var zoned = ZonedSchool.zoned(county.schools, stage: .primary, rules: rules)
        zoned[3].location = nil   // reachable only where the file lists it
        // The file lists a few pairs, some nearer and some farther than the geometry says.
        let listed = (0..<20).map { t in
            TravelDistance(from: "B\(t * 3)", to: "S\((t * 7) % 40)", measure: .kilometres(Double(t % 5) * 0.9))
        }
        let model = DistanceModel(distances: listed, rules: rules)
        let limit = seed % 2 == 0 ? Double.infinity : 3.0
        let search = ZoneCandidates(schools: zoned, model: model, limit: limit)
        let k = 1 + seed * 2
        for block in county.blocks {
            let every = zoned.indices.compactMap { j in
                model.kilometres(from: block, to: zoned[j].code, at: zoned[j].location).flatMap { $0 <= limit ? (school: j, km: $0) : nil }
            }
            #expect(search.all(of: block).map(\.school) == every.map(\.school))
            let sorted = every.sorted { $0.km != $1.km ? $0.km < $1.km : $0.school < $1.school }
            let keep = (Int(block.id.dropFirst())! * 11) % 40
            let listedHere = model.listed(for: block)
            var expected = Array(sorted.prefix(k))
            expected += sorted.dropFirst(k).filter { $0.school == keep || listedHere[zoned[$0.school].code] != nil }
            let found = search.nearest(k, of: block, keeping: keep)
            #expect(found.kept.map(\.school) == expected.map(\.school))
            #expect(found.kept.map(\.km) == expected.map(\.km))
            #expect(found.nearest?.school == sorted.first?.school)

            // The pairs the check prices: every pair below its bound, none left out wrongly.
            let bound = { (j: Int) in Double(j % 4) }
            let excluded = Set(expected.map(\.school))
            let priced = search.pairs(of: block, excluding: excluded, below: bound)
            let needed = every.filter { !excluded.contains($0.school) && $0.km < bound($0.school) }
            #expect(Set(needed.map(\.school)).isSubset(of: Set(priced.map(\.school))))
            #expect(priced.allSatisfy { !excluded.contains($0.school) })
        }
    }
}
