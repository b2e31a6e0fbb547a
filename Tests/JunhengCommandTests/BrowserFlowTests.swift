import Demo
import Domain
import Foundation
import FoundationNetworking

#if canImport(FoundationNetworking)
import Interchange
import Testing
#endif

/// The web application in a real browser: `junheng serve --demo` on a free port, three
/// accounts added with `junheng user add`, and headless Chromium driven through the
/// DevTools protocol by `Browser/browser_flow.py` (standard-library Python): the admin opens
/// the county overview and a school page, the school's clerk edits a value, and the
/// planner's audit page shows the change; the planner downloads the plan's workbook, sets the
/// county's unit costs and sees the plan's cost change (issue 15); the planner uploads the
/// county's residential blocks and sees the zones drawn (issue 16), then the county's sites
/// and sees the school layout planned over them (issue 17). Screenshots land in a temporary
/// folder.
@Suite("Web application in Chromium", .serialized)
struct BrowserFlowTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed (.ci/run installs it)"), .timeLimit(.minutes(5)))
    func clerkEditAppearsInThePlannersAuditTrail() async throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("demo.sqlite").path
        let port = try Self.freePort()
        let passwords = ["ADMIN_PASSWORD": "admin-secret-1", "CLERK_PASSWORD": "clerk-secret-1", "PLANNER_PASSWORD": "planner-secret-1",
                         "CARE_PASSWORD": "care-secret-1", "SUPERVISOR_PASSWORD": "supervisor-secret-1"]

        let rows = DemoGenerator(seed: 1, counties: 2, year: 2025).schools()
        // A county whose resource part fails, so that its plan adds something and the flow
        // can see the plan's cost follow the county's prices (a passing county's plan is empty).
        let standard = try Standard.builtIn("quality-2017")
        let failing = Evaluator(standard: standard).evaluate(rows, facts: nil).first { result in
            result.units.contains { $0.passes == false } || result.stages.contains { $0.indicators.contains { $0.pass == false } }
        }
        let county = try #require(failing, "a demo county with a deficient resource part").countyCode
        let school = try #require(rows.first { $0.countyCode == county && $0.type == .primary }).schoolCode

        let server = Process()
        server.executableURL = CommandRunner.binary
        server.arguments = ["serve", "--demo", "--demo-counties", "2", "--database", database, "--port", String(port)]
        var environment = ProcessInfo.processInfo.environment
        environment["JUNHENG_ADMIN_PASSWORD"] = passwords["ADMIN_PASSWORD"]
        environment["JUNHENG_BCRYPT_COST"] = "4"
        server.environment = environment
        let log = folder.appendingPathComponent("server.log")
        try Data().write(to: log)
        server.standardOutput = try FileHandle(forWritingTo: log)
        server.standardError = try FileHandle(forWritingTo: log)
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        try await Self.waitForHealth(port: port, server: server, log: log)

        for (name, arguments, password) in [
            ("clerk", ["--role", "clerk", "--county", county, "--school", school], passwords["CLERK_PASSWORD"]!),
            ("planner", ["--role", "planner", "--county", county], passwords["PLANNER_PASSWORD"]!),
            ("care", ["--role", "care_officer", "--county", county], passwords["CARE_PASSWORD"]!),
            ("supervisor", ["--role", "supervisor", "--county", county], passwords["SUPERVISOR_PASSWORD"]!),
        ] {
            let added = try CommandRunner.run(["user", "add", name] + arguments + ["--cost", "4", "--database", database], stdin: password + "\n")
            #expect(added.status == 0, "user add \(name): \(added.stderr)")
        }

        // The county's residential blocks, as `junheng demo` writes them, for the zones page.
        let generator = DemoGenerator(seed: 1, counties: 2, year: 2025)
        let data = generator.generate()
        let blocks = generator.zones(of: data).blocks.filter { $0.countyCode == county }
        let blocksFile = folder.appendingPathComponent("blocks.csv")
        try Data(BlocksWriter(headers: .chinese, encoding: .utf8).write(blocks)).write(to: blocksFile)
        // Its located primary schools as sites (places unlimited) and one candidate, for the layout page.
        let primaries = data.schools.filter { $0.countyCode == county && $0.coordinate != nil && $0.type.stages.contains(.primary) }
        var sites = primaries.map { LayoutSite(id: "E\($0.schoolCode)", name: $0.schoolName, location: $0.coordinate, schoolCode: $0.schoolCode) }
        let first = try #require(primaries.first?.coordinate)
        sites.append(LayoutSite(id: "C1", name: "新址", location: Coordinate(longitude: first.longitude + 0.02, latitude: first.latitude + 0.02),
                                capacity: [.primary: 1_350], buildCost: 30_000_000))
        let sitesFile = folder.appendingPathComponent("sites.csv")
        try Data(SitesWriter().write(sites)).write(to: sitesFile)
        // Its quality high schools' plans, for the quota page (issue 18).
        let quotaFile = folder.appendingPathComponent("quota.csv")
        try Data(QuotaWriter().write(generator.quotas(of: data).filter { $0.countyCode == county })).write(to: quotaFile)

        // An evidence file for the ledger item (issue 20).
        let evidence = folder.appendingPathComponent("验收报告.pdf")
        try Data("%PDF-1.4\n% 操场扩建验收报告\n%%EOF\n".utf8).write(to: evidence)

        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/browser_flow.py").path
        let flow = try CommandRunner.runTool(
            "/usr/bin/env", ["python3", script, "http://127.0.0.1:\(port)", county, school, folder.path, blocksFile.path,
                               sitesFile.path, String(max(1, primaries.count - 2)), quotaFile.path, evidence.path], environment: passwords
        )
        #expect(flow.status == 0, "browser flow failed:\n\(flow.text)\n\(flow.stderr)\nserver log:\n\(String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self).suffix(3000))")
        #expect(flow.text.contains("browser flow passed"))
        for shot in ["county.png", "school.png", "audit.png", "costs.png", "zones.png", "layout.png", "quota.png", "funding.png", "care.png", "ledger.png", "published.png"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(shot).path)[.size] as? Int) ?? 0
            #expect(size > 10_000, "\(shot) is a real screenshot")
        }
    }

    /// A port nobody listens on now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw CocoaError(.fileWriteUnknown) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits until `/health` answers, or fails with the server's log.
    static func waitForHealth(port: Int, server: Process, log: URL) async throws {
        let url = URL(string: "http://127.0.0.1:\(port)/health")!
        for _ in 0..<300 {
            if !server.isRunning { break }
            if let (_, response) = try? await URLSession.shared.data(from: url), (response as? HTTPURLResponse)?.statusCode == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        let text = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
        Issue.record("the server did not start:\n\(text)")
        throw CocoaError(.fileReadUnknown)
    }
}
