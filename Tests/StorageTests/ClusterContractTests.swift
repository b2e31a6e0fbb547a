import Domain
import Foundation
import Storage
import Testing

/// What every ``ClusterStore`` promises: a cluster reads back as saved, by kind then id; the
/// same id replaces it; removing it reports whether it was there; each write is in the trail.
@Suite("Cluster store contract")
struct ClusterContractTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    @Test(arguments: StoreKind.allCases)
    func clustersReadBackReplaceAndGo(kind: StoreKind) async throws {
        let (store, close) = try await kind.makeStore()
        do {
            let planner = try await store.createAccount(NewAccount(name: "李规划", role: .planner, counties: ["341102"], passwordHash: "$2b$04$x"), at: Self.t0)
            let group = SchoolCluster(countyCode: "341102", id: "JT01", name: "实验教育集团", kind: .group, coreSchool: "3411020001",
                                      members: ["3411020001", "3411020007", "3411020003"])
            let district = SchoolCluster(countyCode: "341102", id: "XQ01", name: "城东学区", kind: .district, coreSchool: nil, members: ["3411020001", "3411020002"])
            try await store.saveCluster(group, by: planner, at: Self.t0)
            try await store.saveCluster(district, by: planner, at: Self.t0)
            try await store.saveCluster(SchoolCluster(countyCode: "341101", id: "XQ01", name: "另一县", kind: .district, coreSchool: nil, members: ["a", "b"]),
                                        by: planner, at: Self.t0)
            #expect(try await store.clusters(county: "341102") == [district, group])
            var wider = district
            wider.members.append("3411020009")
            try await store.saveCluster(wider, by: planner, at: Self.t0)
            #expect(try await store.clusters(county: "341102") == [wider, group])
            #expect(try await store.deleteCluster(county: "341102", id: "JT01", by: planner, at: Self.t0))
            #expect(try await !store.deleteCluster(county: "341102", id: "JT01", by: planner, at: Self.t0))
            #expect(try await store.clusters(county: "341102") == [wider])
            #expect(try await store.clusters(county: "341101").count == 1)
            let trail = try await store.auditTrail(AuditQuery(counties: ["341102"])).entries
            #expect(trail.map(\.action) == [.cluster, .cluster, .cluster, .cluster])
            #expect(trail.first?.field == "JT01" && trail.first?.note == "removed")

            // The teachers shared within a cluster, by county, year and teacher.
            let one = SharedTeacher(countyCode: "341102", year: 2025, teacherID: "T0007", clusterID: "XQ01", homeSchool: "3411020001", hostSchool: "3411020002")
            var two = one
            two.teacherID = "T0003"
            try await store.saveSharedTeacher(one, by: planner, at: Self.t0)
            try await store.saveSharedTeacher(two, by: planner, at: Self.t0)
            var moved = one
            moved.hostSchool = "3411020009"
            try await store.saveSharedTeacher(moved, by: planner, at: Self.t0)
            #expect(try await store.sharedTeachers(county: "341102", year: 2025) == [two, moved])
            #expect(try await store.sharedTeachers(county: "341102", year: 2024).isEmpty)
            #expect(try await store.deleteSharedTeacher(county: "341102", year: 2025, teacher: "T0003", by: planner, at: Self.t0))
            #expect(try await !store.deleteSharedTeacher(county: "341102", year: 2025, teacher: "T0003", by: planner, at: Self.t0))
            #expect(try await store.sharedTeachers(county: "341102", year: 2025) == [moved])
            #expect(try await store.auditTrail(AuditQuery(counties: ["341102"])).entries.prefix(4).map(\.action) == Array(repeating: .sharedTeacher, count: 4))
        } catch {
            try await close()
            throw error
        }
        try await close()
    }
}
