// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Junheng",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "junheng", targets: ["junheng"]),
        .library(name: "Domain", targets: ["Domain"]),
        .library(name: "Interchange", targets: ["Interchange"]),
        .library(name: "Storage", targets: ["Storage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Pure values and maths: schools, standards as data, statistics, evaluation. No I/O
        // beyond reading its own bundled standard files.
        .target(
            name: "Domain",
            resources: [.copy("Resources/Standards")]
        ),
        // Bytes <-> Domain values: CSV (UTF-8/GB18030), XLSX, demo data, output formats, reports.
        .target(
            name: "Interchange",
            dependencies: ["Domain", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The storage port: `Store` in domain terms, accounts and permissions, the audit
        // trail's types, and an in-memory store for tests. No database code.
        .target(name: "Storage", dependencies: ["Domain"]),
        // The `junheng` command: argument parsing and wiring, nothing else.
        .executableTarget(
            name: "junheng",
            dependencies: [
                "Domain", "Interchange",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "DomainTests",
            dependencies: ["Domain", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        // End-to-end tests of the `junheng` command: they run the built binary.
        .testTarget(
            name: "JunhengCommandTests",
            dependencies: ["Interchange", "Domain"]
        ),
        .testTarget(
            name: "InterchangeTests",
            dependencies: ["Interchange", "Domain", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: ["Storage", "Domain", "Interchange", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
