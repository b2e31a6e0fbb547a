// swift-tools-version: 6.1
// Benchmark driver for the XLSX reader (bench/xlsx_read.sh): not part of the product.
import PackageDescription

let package = Package(
    name: "xlsx-reader",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Junheng", path: "../..")],
    targets: [
        .executableTarget(
            name: "xlsx-reader",
            dependencies: [.product(name: "Spreadsheet", package: "Junheng")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
