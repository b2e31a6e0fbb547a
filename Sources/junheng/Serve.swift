import ArgumentParser
import Domain
import Foundation
import Interchange
import Storage
import StorageSQL
import Web

/// `junheng serve`: the web application.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the web application (planners, supervisors and school clerks work in a browser).",
        discussion: """
        Without --database the data lives in ./junheng.sqlite (created on first start). With --demo a fresh \
        SQLite file (./junheng-demo.sqlite unless --database names one) is filled with demo counties for 2024 \
        and 2025, and the account admin is created with the password in JUNHENG_ADMIN_PASSWORD, or a generated \
        one printed once. Environment: JUNHENG_DATABASE_URL, JUNHENG_ADMIN_PASSWORD, JUNHENG_SECURE_COOKIES=1 \
        (behind TLS), JUNHENG_BCRYPT_COST (default 12); read deadlines in seconds JUNHENG_HEADER_TIMEOUT \
        (default 10: a request's head), JUNHENG_BODY_TIMEOUT (default 60: its body), JUNHENG_IDLE_TIMEOUT \
        (default 60: a kept-alive connection between requests); CPU-heavy work (imports, plans, rotation, \
        ranking) JUNHENG_HEAVY_CONCURRENCY (jobs at once, default cores − 1) and JUNHENG_HEAVY_QUEUE (jobs \
        waiting, default 4; more are refused with 503).
        """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Flag(help: "Start on a fresh SQLite file filled with demo counties, with an admin account.")
    var demo = false

    @Option(help: "Demo counties to generate with --demo.")
    var demoCounties = 6

    @OptionGroup var standard: StandardOption
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let standard = try self.standard.load()
        let cost = UInt8(environment["JUNHENG_BCRYPT_COST"] ?? "") ?? 12
        guard (4...31).contains(cost) else { throw ValidationError("JUNHENG_BCRYPT_COST must be 4…31") }
        var configuration = WebConfiguration(standard: standard, bcryptCost: cost)
        configuration.secureCookies = environment["JUNHENG_SECURE_COOKIES"] == "1"
        // The zone map's basemap (e.g. 天地图 with the bureau's key); none by default, so pages stay offline.
        if let tiles = environment["JUNHENG_MAP_TILES"], !tiles.isEmpty {
            guard tiles.hasPrefix("https://") || tiles.hasPrefix("http://") else {
                throw ValidationError("JUNHENG_MAP_TILES must be an http(s) URL template with {z}, {x} and {y}")
            }
            configuration.mapTiles = tiles
        }
        try configuration.readLimits(from: environment)
        let store: SQLStore
        var adminLine: String?
        if demo {
            let path = database.database ?? "junheng-demo.sqlite"
            guard case .sqlite = try DatabaseLocation(path) else { throw ValidationError("--demo runs on a SQLite file") }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            store = try await DatabaseOption(database: path).open()
            adminLine = try await DemoSeed(counties: demoCounties, standard: standard)
                .fill(store, adminPassword: environment["JUNHENG_ADMIN_PASSWORD"], cost: cost)
        } else {
            store = try await database.open()
            if try await store.accounts().isEmpty {
                adminLine = "no accounts yet: add one with `junheng user add NAME --role admin --database \((try? database.location())?.description ?? "…")` (password on stdin)"
            }
        }
        let services = try WebServices(store: store, configuration: configuration)
        let app = buildApplication(services: services, host: host, port: port)
        writeOutput("Junheng: http://\(host):\(port)/\n" + (adminLine.map { $0 + "\n" } ?? ""))
        do {
            try await app.runService()
        } catch {
            try? await store.shutdown()
            throw error
        }
        try await store.shutdown()
    }
}

extension DatabaseOption {
    init(database: String) {
        self.init()
        self.database = database
    }
}
