import Foundation
import Testing

/// The outputs a person sees, byte for byte, on the demo data of issue 14 (`junheng demo
/// --seed 1 --counties 3`): `evaluate` in every format, `report` as XLSX and HTML, `plan
/// invest` and `plan rotate` in every format and with `--out`, for each county.
///
/// They were written before the report model replaced the hand-written renderers, so that
/// the change can show it kept every output, or list each difference with its reason. A
/// difference fails the test; when it is meant, write the files again with
/// `JUNHENG_WRITE_GOLDEN=1 swift test --filter GoldenOutputTests` and say why in the commit.
@Suite(.serialized) struct GoldenOutputTests {
    /// One output: the file under `Golden/`, and the command that prints it (to standard
    /// output, or to the `--out` file named `{out}` in the arguments).
    struct Output: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var testDescription: String { name }
    }

    static let counties = ["371379", "430250", "451044"]

    static let outputs: [Output] = {
        let schools = "{demo}/schools.csv", facts = "{demo}/facts.csv", teachers = "{demo}/teachers.csv"
        var outputs: [Output] = []
        for format in ["table", "json", "csv"] {
            outputs.append(Output(name: "evaluate.\(format)", arguments: ["evaluate", schools, "--facts", facts, "--format", format]))
        }
        outputs.append(Output(name: "evaluate.en.table", arguments: ["evaluate", schools, "--facts", facts, "--lang", "en"]))
        outputs.append(Output(name: "report.xlsx", arguments: ["report", schools, "--facts", facts, "--out", "{out}"]))
        outputs.append(Output(name: "report.html", arguments: ["report", schools, "--facts", facts, "--out", "{out}"]))
        for county in counties {
            for format in ["table", "json", "csv"] {
                outputs.append(Output(name: "invest-\(county).\(format)", arguments: ["plan", "invest", schools, "--county", county, "--format", format]))
                outputs.append(Output(name: "rotate-\(county).\(format)", arguments: ["plan", "rotate", schools, teachers, "--county", county, "--format", format]))
            }
            outputs.append(Output(name: "invest-\(county).xlsx", arguments: ["plan", "invest", schools, "--county", county, "--out", "{out}"]))
            outputs.append(Output(name: "rotate-\(county).xlsx", arguments: ["plan", "rotate", schools, teachers, "--county", county, "--out", "{out}"]))
        }
        return outputs
    }()

    /// The demo files, written once for all the outputs.
    static let demo: Result<URL, Error> = Result {
        let folder = try CommandRunner.temporaryFolder()
        let made = try CommandRunner.run(["demo", "--out", folder.path, "--seed", "1", "--counties", "3"])
        guard made.status == 0 else { throw GoldenError(message: "junheng demo: \(made.stderr)") }
        return folder
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test(arguments: outputs)
    func outputIsAsWritten(_ output: Output) throws {
        let demo = try Self.demo.get()
        let scratch = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent(output.name)
        let arguments = output.arguments.map {
            $0.replacingOccurrences(of: "{demo}", with: demo.path).replacingOccurrences(of: "{out}", with: out.path)
        }
        let run = try CommandRunner.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = output.arguments.contains("{out}") ? try Data(contentsOf: out) : run.stdout
        // Paths of the temporary demo folder would differ from run to run.
        let produced = Data(String(decoding: bytes, as: UTF8.self).utf8) == bytes
            ? Data(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: demo.path, with: "{demo}").utf8) : bytes
        let golden = Self.folder.appendingPathComponent(output.name)
        if ProcessInfo.processInfo.environment["JUNHENG_WRITE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try produced.write(to: golden)
            return
        }
        let expected = try Data(contentsOf: golden)
        #expect(produced == expected, "\(output.name) differs from Golden/\(output.name) (\(produced.count) bytes, golden \(expected.count))")
    }

    struct GoldenError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
