import Foundation

/// Programs the workbook tests check Junheng's files with, run as a user would, with a time
/// limit so that a stuck tool fails a test instead of hanging the run.
enum ExternalTool {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The path of `name` on PATH, if any.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether python3 can import `module`.
    static func python(with module: String) -> Bool {
        (try? run("python3", ["-c", "import \(module)"])) != nil
    }

    /// Runs a Python script with `arguments`; its standard output.
    @discardableResult
    static func python(_ script: String, arguments: [String]) throws -> String {
        try run("python3", ["-c", script] + arguments)
    }

    /// Runs `tool` and returns its standard output, or throws with its standard error when
    /// it fails or outlives `timeout` seconds.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], timeout: TimeInterval = 300) throws -> String {
        guard let path = find(tool) else { throw Failure(description: "\(tool) not found") }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out"), err = folder.appendingPathComponent("err")
        try Data().write(to: out)
        try Data().write(to: err)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        // LibreOffice instances share a profile unless told otherwise, and then refuse to start.
        process.arguments = tool == "soffice" ? ["-env:UserInstallation=file://\(folder.path)/profile"] + arguments : arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            throw Failure(description: "\(tool) took longer than \(Int(timeout)) s")
        }
        let stdout = String(decoding: try Data(contentsOf: out), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let stderr = String(decoding: try Data(contentsOf: err), as: UTF8.self)
            throw Failure(description: "\(tool) exited with \(process.terminationStatus): \(stderr)")
        }
        return stdout
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("junheng-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
