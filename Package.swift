// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Junheng",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "junheng", targets: ["junheng"]),
        .library(name: "Domain", targets: ["Domain"]),
        .library(name: "Planning", targets: ["Planning"]),
        .library(name: "Spreadsheet", targets: ["Spreadsheet"]),
        .library(name: "Interchange", targets: ["Interchange"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Demo", targets: ["Demo"]),
        .library(name: "Storage", targets: ["Storage"]),
        .library(name: "UseCases", targets: ["UseCases"]),
        .library(name: "StorageSQL", targets: ["StorageSQL"]),
        .library(name: "Web", targets: ["Web"]),
        .library(name: "WebForms", targets: ["WebForms"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The web application. Hummingbird without its default traits: swift-configuration
        // is not used and would lengthen every cold build.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // Storage: SQLKit over SQLite (embedded default) and PostgreSQL.
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Pure values and maths: schools, standards as data, statistics, evaluation. No I/O
        // beyond reading its own bundled standard files.
        .target(
            name: "Domain",
            resources: [.copy("Resources/Standards")]
        ),
        // Pure optimizers over Domain values: the remediation (investment) plan and its
        // schedule under yearly budgets.
        .target(name: "Planning", dependencies: ["Domain"]),
        // The XLSX engine: reads workbooks bounded against hostile files, writes them with
        // styles and validations. Knows nothing of Junheng: its errors are data that
        // Interchange words for people.
        .target(
            name: "Spreadsheet",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Bytes <-> Domain rows: CSV (UTF-8/GB18030), every input file format (schools, facts,
        // teachers, unit costs, budgets), the import template, row-precise errors.
        .target(name: "Interchange", dependencies: ["Domain", "Spreadsheet"]),
        // Results presented: evaluation, investment plan and rotation plan as terminal tables,
        // CSV, XLSX, printable HTML with charts, and JSON documents.
        .target(name: "Reports", dependencies: ["Domain", "Planning", "Interchange", "Spreadsheet"]),
        // Synthetic counties reproducible by seed: what the demo, the tests and the benchmarks
        // run on.
        .target(name: "Demo", dependencies: ["Domain"]),
        // The storage port: `Store` in domain terms, accounts and permissions, the audit
        // trail's types, and an in-memory store for tests. No database code.
        .target(name: "Storage", dependencies: ["Domain", .product(name: "Crypto", package: "swift-crypto")]),
        // The application layer: the use cases the command and the web server share — load a
        // county-year, choose it, evaluate, plan, rank, import with its authorisation. No
        // rendering, no HTTP, no argument parsing, no database.
        .target(name: "UseCases", dependencies: ["Domain", "Planning", "Interchange", "Storage"]),
        // The storage adapter: one SQLKit implementation of `Store` over SQLite (embedded,
        // the default) and PostgreSQL (shared by several servers), with versioned migrations.
        .target(
            name: "StorageSQL",
            dependencies: [
                "Storage", "Domain",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The decoders of what browsers post: URL-encoded and multipart form bodies. A target of
        // its own so that fuzz/ can fuzz them without the web stack.
        .target(
            name: "WebForms",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")]
        ),
        // The web application: routes, sessions and roles, pages written from the report model, the JSON API.
        // Depends on the use cases and the Storage port only, never on a database or Planning.
        .target(
            name: "Web",
            dependencies: [
                "Domain", "Interchange", "Reports", "Spreadsheet", "UseCases", "Storage", "WebForms",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")]
        ),
        // The `junheng` command: argument parsing and wiring, nothing else.
        .executableTarget(
            name: "junheng",
            dependencies: [
                "Domain", "Interchange", "Reports", "Spreadsheet", "Demo", "UseCases", "Storage", "StorageSQL", "Web",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PlanningTests",
            dependencies: ["Planning", "Domain", "Interchange", "Demo", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        // The import graph's rules, read off the sources (no project dependency on purpose).
        .testTarget(name: "ArchitectureTests"),
        .testTarget(
            name: "DomainTests",
            dependencies: ["Domain", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        // End-to-end tests of the `junheng` command: they run the built binary.
        .testTarget(
            name: "JunhengCommandTests",
            // Storage and StorageSQL: the crash, two-server and backup tests open the database
            // the binary wrote to check what it holds.
            dependencies: [
                "Interchange", "Spreadsheet", "Demo", "Domain", "Storage", "StorageSQL",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The browser test's DevTools driver (Python, run by BrowserFlowTests) and the golden
            // outputs GoldenOutputTests compares with (read by path, not as resources).
            exclude: ["Browser", "Golden"]
        ),
        .testTarget(
            name: "InterchangeTests",
            dependencies: ["Interchange", "Spreadsheet", "Reports", "Demo", "Domain", "Planning", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "Storage", "StorageSQL", "Domain", "Interchange", "Demo",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "UseCasesTests",
            dependencies: ["UseCases", "Domain", "Planning", "Interchange", "Demo", "Storage"]
        ),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "Web", "WebForms", "Storage", "Domain", "Planning", "Interchange", "Spreadsheet", "Reports", "Demo", "UseCases",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
