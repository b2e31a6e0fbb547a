import Domain
import Foundation
@testable import Interchange
import Planning
import Spreadsheet
import Testing

/// Every input the fuzzers (fuzz/README.md) ever found a crash, timeout or memory blow-up
/// with, kept under `Fixtures/fuzz/<target>/` as the file its reader got, goes through the
/// same reader with the same checks as the fuzz target: a result or a refusal, never a
/// crash. A new finding needs only its file.
@Suite struct FuzzFindingsTests {
    /// A kept finding: its target's folder and the file.
    struct Finding: CustomTestStringConvertible, Sendable {
        let target: String
        let url: URL
        var testDescription: String { "\(target)/\(url.lastPathComponent)" }
    }

    /// The targets of fuzz/Package.swift, by folder name.
    static let targets: Set = [
        "FuzzCSV", "FuzzXLSX", "FuzzSchools", "FuzzFacts", "FuzzTeachers", "FuzzCosts", "FuzzBudget", "FuzzJSON",
    ]
    // FuzzForms's findings (the web's form decoders) would go to Tests/WebTests: it has none.

    static let findings: [Finding] = {
        guard let folder = Bundle.module.url(forResource: "fuzz", withExtension: nil, subdirectory: "Fixtures") else { return [] }
        let manager = FileManager.default
        let targets = (try? manager.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return targets.flatMap { target in
            let files = (try? manager.contentsOfDirectory(at: target, includingPropertiesForKeys: nil)) ?? []
            return files.map { Finding(target: target.lastPathComponent, url: $0) }
        }.sorted { $0.testDescription < $1.testDescription }
    }()

    @Test func findingsAreKeptByTarget() {
        #expect(!Self.findings.isEmpty, "Fixtures/fuzz has no findings: the folder was lost from the test bundle")
        for finding in Self.findings {
            #expect(Self.targets.contains(finding.target), "Fixtures/fuzz/\(finding.target) is no fuzz target")
        }
    }

    @Test(arguments: findings)
    func readsWithoutCrashing(_ finding: Finding) throws {
        let bytes = try [UInt8](Data(contentsOf: finding.url))
        let name = finding.url.lastPathComponent
        switch finding.target {
        case "FuzzCSV": checkCSV(bytes)
        case "FuzzXLSX": checkWorkbook(bytes)
        case "FuzzJSON": try checkJSON(bytes, isStandard: name.hasSuffix(".standard.json"))
        default:
            // A table reader's file: the extension says how the fuzzer named it.
            let file = name.hasSuffix(".xlsx") ? "finding.xlsx" : "finding.csv"
            for language in Language.allCases { readTable(finding.target, bytes, file: file, language: language) }
        }
    }

    /// FuzzCSV's checks: the parser never counts more records with text than the bound the
    /// readers size their buffers by, and decoded text is UTF-8.
    private func checkCSV(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let bound = CSVParser.mostRecords(inUTF8: buffer) else {
                if let text = try? TextDecoding.utf8(from: bytes, file: "finding.csv") {
                    #expect(text.withUnsafeBufferPointer { CSVParser.mostRecords(inUTF8: $0) } != nil)
                }
                return
            }
            var parser = CSVParser(buffer), records = 0
            while true {
                var cells: [CSVCell] = []
                guard (try? parser.next(&cells)) == true else { break }
                if cells.contains(where: { !$0.isEmpty }) { records += 1 }
            }
            #expect(records <= bound)
        }
    }

    /// FuzzXLSX's path: every sheet of the workbook, as the table readers' text.
    private func checkWorkbook(_ bytes: [UInt8]) {
        guard let workbook = try? XLSXWorkbook(bytes: bytes, file: "finding.xlsx") else { return }
        for name in workbook.sheetNames {
            if let sheet = try? workbook.sheet(named: name) { _ = SheetText(sheet, keys: ["year"]) }
        }
    }

    /// FuzzJSON's checks: what decodes survives a round trip.
    private func checkJSON(_ bytes: [UInt8], isStandard: Bool) throws {
        let json = Data(bytes)
        if isStandard {
            guard let standard = try? Standard.decode(json, source: "finding.json") else { return }
            #expect(try Standard.decode(JSONEncoder().encode(standard), source: "again") == standard)
        } else {
            guard let rules = try? JSONDecoder().decode(RotationRules.self, from: json) else { return }
            #expect(try JSONDecoder().decode(RotationRules.self, from: JSONEncoder().encode(rules)) == rules)
        }
    }

    /// The table reader of `target`, with the fuzzers' small parts; a refusal is a
    /// `DataFileError` by the readers' typed throws.
    private func readTable(_ target: String, _ bytes: [UInt8], file: String, language: Language) {
        let partBytes = 64
        switch target {
        case "FuzzSchools":
            var reader = SchoolsReader(language: language)
            reader.partBytes = partBytes
            _ = try? reader.read(bytes, file: file)
        case "FuzzFacts":
            guard let standard = try? Standard.builtIn("quality-2017") else {
                Issue.record("no built-in standard")
                return
            }
            var reader = FactsReader(standard: standard, language: language)
            reader.partBytes = partBytes
            _ = try? reader.read(bytes, file: file)
        case "FuzzTeachers":
            var reader = TeachersReader(referenceYear: 2025, language: language)
            reader.partBytes = partBytes
            _ = try? reader.read(bytes, file: file)
        case "FuzzCosts": _ = try? UnitCostsReader(language: language).read(bytes, file: file)
        case "FuzzBudget": _ = try? BudgetReader(language: language).read(bytes, file: file)
        default: Issue.record("\(target) is no table target")
        }
    }
}
