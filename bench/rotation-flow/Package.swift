// swift-tools-version: 6.1
// Benchmark driver for the rotation planner's min-cost flows against OR-Tools (bench/rotation_flow.sh): not part
// of the product.
import PackageDescription

let package = Package(
    name: "rotation-flow",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Junheng", path: "../..")],
    targets: [
        .executableTarget(
            name: "rotation-flow",
            dependencies: [
                .product(name: "Demo", package: "Junheng"),
                .product(name: "Planning", package: "Junheng"),
                .product(name: "Domain", package: "Junheng"),
                .product(name: "Interchange", package: "Junheng"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
