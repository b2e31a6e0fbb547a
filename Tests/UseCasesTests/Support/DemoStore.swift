import Demo
import Domain
import Foundation
import Storage

/// An in-memory store holding two demo counties in 2024 and 2025 (the 2025 rows copied to
/// 2024), with an administrator, a planner of county A, a supervisor of county B and a clerk
/// of one school of county A.
struct DemoStore {
    let store: InMemoryStore
    let demo: DemoGenerator
    let rows: [SchoolYear]
    let facts: [CountyFact]
    let countyA: String, countyB: String
    let admin: Account, planner: Account, supervisorB: Account, clerk: Account

    static let standard = try! Standard.builtIn("quality-2017")
    static let time = Date(timeIntervalSince1970: 1_790_000_000)

    init() async throws {
        demo = DemoGenerator(seed: 11, counties: 2, year: 2025)
        let rows2025 = demo.schools()
        rows = rows2025.map { row -> SchoolYear in var r = row; r.year = 2024; return r } + rows2025
        facts = demo.facts()
        let counties = Array(Set(rows.map(\.countyCode))).sorted()
        countyA = counties[0]
        countyB = counties[1]
        let store = InMemoryStore()
        func account(_ name: String, _ role: Role, _ counties: [String], _ school: String? = nil) async throws -> Account {
            try await store.createAccount(
                try NewAccount(name: name, role: role, counties: counties, schoolCode: school, passwordHash: "x"), at: Self.time)
        }
        let admin = try await account("admin", .admin, [])
        planner = try await account("planner", .planner, [counties[0]])
        supervisorB = try await account("supervisorB", .supervisor, [counties[1]])
        let schoolA = rows2025.first { $0.countyCode == counties[0] && $0.type != .teachingPoint }!.schoolCode
        clerk = try await account("clerk", .clerk, [counties[0]], schoolA)
        _ = try await store.importData(ImportBatch(schools: rows, facts: facts, source: "demo.csv"), by: admin, at: Self.time)
        self.admin = admin
        self.store = store
    }

    /// The rows of one county and year, as a file would hold them.
    func rows(county: String, year: Int) -> [SchoolYear] {
        rows.filter { $0.countyCode == county && $0.year == year }
    }
}
