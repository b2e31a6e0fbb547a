// swift-tools-version: 6.1
// Benchmark driver for the planner's divisible filling problem (bench/plan_solver.sh): not part
// of the product.
import PackageDescription

let package = Package(
    name: "plan-solver",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Junheng", path: "../..")],
    targets: [
        .executableTarget(
            name: "plan-solver",
            dependencies: [
                .product(name: "Planning", package: "Junheng"),
                .product(name: "Domain", package: "Junheng"),
                .product(name: "Interchange", package: "Junheng"),
                .product(name: "Demo", package: "Junheng"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
