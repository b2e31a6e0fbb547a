import Demo
import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Interchange
import NIOCore
import Storage
@testable import Web

/// A server over an in-memory store holding two demo counties (2024 and 2025), and one
/// account of each role:
///
/// | name | role | scope |
/// |---|---|---|
/// | admin | admin | — |
/// | planner | planner | county A |
/// | supervisor | supervisor | counties A and B |
/// | supervisorB | supervisor | county B |
/// | clerk | clerk | school `schoolA` of county A |
///
/// Every password is `pw-<name>`. bcrypt runs at cost 4.
struct WebFixture: Sendable {
    let store: InMemoryStore
    let services: WebServices
    let clock: TestClock
    let countyA: String, countyB: String
    let schoolA: String, otherSchoolA: String, schoolB: String
    let rows: [SchoolYear]

    static let standard = try! Standard.builtIn("quality-2017")

    /// Who may read a county's pages (overview, plan, workbook, rotation): per role, the status
    /// on county A and on county B — the planner is A's, supervisorB B's, the clerk a school's.
    static let countyReadAccess: [String: (a: HTTPResponse.Status, b: HTTPResponse.Status)] = [
        "admin": (.ok, .ok), "planner": (.ok, .forbidden), "supervisor": (.ok, .ok),
        "supervisorB": (.forbidden, .ok), "clerk": (.forbidden, .forbidden),
    ]

    init(configure: (inout WebConfiguration) -> Void = { _ in }) async throws {
        let clock = TestClock()
        let store = InMemoryStore()
        let demo = DemoGenerator(seed: 11, counties: 2, year: 2025)
        let rows2025 = demo.schools()
        let rows = rows2025.map { row -> SchoolYear in var r = row; r.year = 2024; return r } + rows2025
        let counties = Array(Set(rows.map(\.countyCode))).sorted()
        countyA = counties[0]
        countyB = counties[1]
        let schoolsA = rows2025.filter { $0.countyCode == counties[0] && $0.type != .teachingPoint }.map(\.schoolCode)
        schoolA = schoolsA[0]
        otherSchoolA = schoolsA[1]
        schoolB = rows2025.first { $0.countyCode == counties[1] }!.schoolCode
        self.rows = rows
        var configuration = WebConfiguration(standard: Self.standard, bcryptCost: 4)
        configure(&configuration)
        services = try WebServices(store: store, configuration: configuration, clock: { clock.now })
        self.store = store
        self.clock = clock
        let hasher = services.passwords
        let accounts: [(String, Role, [String], String?)] = [
            ("admin", .admin, [], nil), ("planner", .planner, [countyA], nil),
            ("supervisor", .supervisor, [countyA, countyB], nil), ("supervisorB", .supervisor, [countyB], nil),
            ("clerk", .clerk, [countyA], schoolA),
        ]
        var admin: Account?
        for (name, role, counties, school) in accounts {
            let account = try await store.createAccount(
                NewAccount(name: name, role: role, counties: counties, schoolCode: school,
                           passwordHash: try await hasher.hash("pw-" + name)), at: clock.now
            )
            if role == .admin { admin = account }
        }
        _ = try await store.importData(
            ImportBatch(schools: rows, facts: demo.facts(), source: "demo.csv"), by: admin!, at: clock.now
        )
    }

    /// Runs `body` against the application in process.
    func test<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let app = Application(router: buildRouter(services: services))
        return try await app.test(.router, body)
    }
}

/// A clock the tests move by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time = Date(timeIntervalSince1970: 1_790_000_000)
    var now: Date { lock.withLock { time } }
    func advance(_ seconds: TimeInterval) { lock.withLock { time += seconds } }
}
