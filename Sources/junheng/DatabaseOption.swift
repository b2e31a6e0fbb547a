import ArgumentParser
import Foundation
import StorageSQL

/// `--database`: where the data lives. Flag → `JUNHENG_DATABASE_URL` → `./junheng.sqlite`.
struct DatabaseOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "A SQLite file (default ./junheng.sqlite) or postgres://USER:PASSWORD@HOST:PORT/DATABASE.",
        discussion: "Environment: JUNHENG_DATABASE_URL."
    ))
    var database: String?

    /// The text of the location as resolved.
    var resolvedText: String {
        database ?? ProcessInfo.processInfo.environment["JUNHENG_DATABASE_URL"] ?? "junheng.sqlite"
    }

    /// The demo server's file (`serve --demo` without `--database`).
    static let demoFile = "junheng-demo.sqlite"

    /// The location of the database the web server in this folder uses, for the commands that
    /// manage its accounts: as ``resolvedText`` when told (flag or environment); else
    /// ./junheng.sqlite when it exists, else the demo server's ./junheng-demo.sqlite when that
    /// exists — so `junheng user add` after `junheng serve --demo` adds to the server's
    /// accounts — else ./junheng.sqlite.
    var serverText: String {
        if database != nil || ProcessInfo.processInfo.environment["JUNHENG_DATABASE_URL"] != nil { return resolvedText }
        let files = FileManager.default
        if !files.fileExists(atPath: "junheng.sqlite") && files.fileExists(atPath: Self.demoFile) { return Self.demoFile }
        return resolvedText
    }

    func location() throws -> DatabaseLocation {
        try location(of: resolvedText)
    }

    func location(of text: String) throws -> DatabaseLocation {
        do {
            return try DatabaseLocation(text)
        } catch {
            throw ValidationError("--database: \(error)")
        }
    }

    /// Opens the store (running pending migrations), or stops with a clear message.
    func open() async throws -> SQLStore {
        try await open(try location())
    }

    /// Opens the web server's store (``serverText``), saying which file it is when the demo's.
    func openServer() async throws -> SQLStore {
        let text = serverText
        if text == Self.demoFile && database == nil { printError("using the demo server's database \(Self.demoFile)") }
        return try await open(try location(of: text))
    }

    private func open(_ location: DatabaseLocation) async throws -> SQLStore {
        do {
            return try await SQLStore.open(location)
        } catch {
            printError("\(location): cannot open the database (\(error))")
            throw ExitCode(69)
        }
    }
}
