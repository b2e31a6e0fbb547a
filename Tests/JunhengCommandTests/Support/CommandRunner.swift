import Foundation

/// Runs the built `junheng` binary, as a user or a script would.
enum CommandRunner {
    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
        var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// The binary beside the test bundle (`swift test` builds both into the same folder).
    static let binary: URL = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: folder.appendingPathComponent("junheng").path) {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("junheng")
    }()

    /// Runs `junheng arguments…`, capturing both streams in files so large outputs never block.
    static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil, in directory: URL? = nil) throws -> Output {
        try runTool(binary.path, arguments, environment: environment, stdin: stdin, in: directory)
    }

    /// Runs the program at `path` the same way.
    static func runTool(_ path: String, _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
                        in directory: URL? = nil) throws -> Output {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let stdin {
            let inURL = folder.appendingPathComponent("stdin")
            try Data(stdin.utf8).write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        }
        var env = ProcessInfo.processInfo.environment
        env["JUNHENG_LANG"] = nil
        env.merge(environment) { $1 }
        process.environment = env
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: try Data(contentsOf: outURL),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("junheng-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `name` in `folder` and returns its path.
    static func write(_ text: String, to name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
