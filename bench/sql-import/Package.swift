// swift-tools-version: 6.1
// Benchmark driver for the SQL store's imports (bench/sql_import.sh): not part of the product.
import PackageDescription

let package = Package(
    name: "sql-import",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Junheng", path: "../..")],
    targets: [
        .executableTarget(
            name: "sql-import",
            dependencies: [
                .product(name: "Interchange", package: "Junheng"),
                .product(name: "Demo", package: "Junheng"),
                .product(name: "Storage", package: "Junheng"),
                .product(name: "StorageSQL", package: "Junheng"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
