// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for everything that reads bytes a user uploads: one executable per
// target, built by lib.sh with `--sanitize=fuzzer --sanitize=address -Xswiftc
// -parse-as-library -Xswiftc -enable-testing` (libFuzzer supplies `main`; testing access
// lets a harness reach internals: a reader's part size, shrunk so the parallel CSV parts are
// fuzzed on small inputs, the CSV parser, the writer's ZIP code). See README.md.
let fuzzTargets = [
    "FuzzCSV", "FuzzXLSX", "FuzzSchools", "FuzzFacts", "FuzzTeachers", "FuzzCosts", "FuzzBudget", "FuzzZones", "FuzzJSON",
]

let package = Package(
    name: "JunhengFuzz",
    platforms: [.macOS(.v14)],
    products: (fuzzTargets + ["FuzzForms"]).map { .executable(name: $0, targets: [$0]) }
        + [.executable(name: "FuzzSeeds", targets: ["FuzzSeeds"])],
    dependencies: [
        .package(name: "Junheng", path: ".."),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: fuzzTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "FuzzSupport",
                .product(name: "Interchange", package: "Junheng"),
                .product(name: "Spreadsheet", package: "Junheng"),
                .product(name: "Domain", package: "Junheng"),
                .product(name: "Planning", package: "Junheng"),
            ]
        )
    } + [
        // The form decoders (URL-encoded and multipart), without the web stack.
        .executableTarget(
            name: "FuzzForms",
            dependencies: [
                .product(name: "WebForms", package: "Junheng"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // What the harnesses share: the table input's modes, workbooks built from fuzzed
        // parts, and the guards against crashes already being fixed.
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "Interchange", package: "Junheng"),
                .product(name: "Spreadsheet", package: "Junheng"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Writes the seed corpora from the fixtures and the project's own writers.
        .executableTarget(
            name: "FuzzSeeds",
            dependencies: [
                "FuzzSupport",
                .product(name: "Interchange", package: "Junheng"),
                .product(name: "Spreadsheet", package: "Junheng"),
                .product(name: "Reports", package: "Junheng"),
                .product(name: "Demo", package: "Junheng"),
                .product(name: "Domain", package: "Junheng"),
                .product(name: "Planning", package: "Junheng"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
