import Foundation
import Testing

/// The import graph shows the flow (architecture.md): files or forms → Interchange → Domain
/// values → Planning → results → Reports → CLI or web. These rules are read off the sources
/// themselves, so a file that reaches across a layer fails here, whatever Package.swift allows.
@Suite("Import graph")
struct ImportGraphTests {
    /// The project's own targets.
    static let projectTargets: Set<String> = [
        "Domain", "Planning", "Spreadsheet", "Interchange", "Reports", "Demo", "UseCases",
        "Storage", "StorageSQL", "WebForms", "Web", "junheng",
    ]

    /// What each target may import of the project. A target missing here may import nothing
    /// of the project.
    static let allowed: [String: Set<String>] = [
        "Domain": [],
        "Spreadsheet": [],
        "WebForms": [],
        "Planning": ["Domain"],
        "Interchange": ["Domain", "Spreadsheet"],
        "Demo": ["Domain"],
        "Reports": ["Domain", "Planning", "Interchange", "Spreadsheet"],
        "Storage": ["Domain"],
        "StorageSQL": ["Domain", "Storage"],
        "UseCases": ["Domain", "Planning", "Interchange", "Storage"],
        // The executable and the web reach planning only through the use cases.
        "Web": ["Domain", "Interchange", "Reports", "Spreadsheet", "Storage", "WebForms", "UseCases"],
        "junheng": ["Domain", "Interchange", "Reports", "Spreadsheet", "Demo", "Storage", "StorageSQL", "Web", "UseCases"],
    ]

    /// `Sources/`, found from this file's place in the repository.
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// Every project import of every Swift file, by target: (file, imported target).
    static func imports() throws -> [String: [(file: String, module: String)]] {
        var found: [String: [(String, String)]] = [:]
        let manager = FileManager.default
        for target in try manager.contentsOfDirectory(atPath: sources.path) {
            let root = sources.appendingPathComponent(target)
            guard let walker = manager.enumerator(atPath: root.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".swift") {
                let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ")
                    guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
                          words[..<index].allSatisfy({ $0.hasPrefix("@") }) else { continue }
                    let module = String(words[index + 1])
                    if projectTargets.contains(module) { found[target, default: []].append(("\(target)/\(path)", module)) }
                }
            }
        }
        return found
    }

    @Test func everyTargetImportsOnlyWhatItsLayerAllows() throws {
        let imports = try Self.imports()
        #expect(!imports.isEmpty, "no sources found under \(Self.sources.path)")
        for (target, list) in imports {
            let allowed = Self.allowed[target] ?? []
            for (file, module) in list where !allowed.contains(module) {
                Issue.record("\(file) imports \(module); \(target) may import only \(allowed.sorted())")
            }
        }
    }

    /// The rules the issue names, spelled out so that loosening `allowed` cannot pass silently.
    @Test func theFlowRules() {
        #expect(Self.allowed["Spreadsheet"] == [])
        #expect(!Self.allowed["Interchange"]!.contains("Planning") && !Self.allowed["Interchange"]!.contains("Reports"))
        #expect(Self.allowed["Domain"] == [] && Self.allowed["Planning"] == ["Domain"])
        #expect(!Self.allowed["Web"]!.contains("Planning") && !Self.allowed["junheng"]!.contains("Planning"))
        #expect(!Self.allowed["Web"]!.contains("StorageSQL"))
    }

    /// The checker itself: a file importing a forbidden target is found.
    @Test func aForbiddenImportIsFound() throws {
        let imports = try Self.imports()
        let interchange = imports["Interchange"] ?? []
        #expect(interchange.contains { $0.module == "Domain" }, "the scan must see Interchange's imports of Domain")
    }
}
