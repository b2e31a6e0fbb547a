// swift-tools-version: 6.1
// Benchmark driver for the zone planner against OR-Tools and HiGHS (bench/zones.sh): not part of the product.
//
// It reaches Planning's internal ZoneNetwork and ZoneRelaxation with `@testable import`, so it is built
// with `-Xswiftc -enable-testing` (bench/zones.sh does this); the release optimisations stay on.
import PackageDescription

let package = Package(
    name: "zones-flow",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Junheng", path: "../..")],
    targets: [
        .executableTarget(
            name: "zones-flow",
            dependencies: [
                .product(name: "Planning", package: "Junheng"),
                .product(name: "Domain", package: "Junheng"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
