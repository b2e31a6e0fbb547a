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

    func location() throws -> DatabaseLocation {
        do {
            return try DatabaseLocation(resolvedText)
        } catch {
            throw ValidationError("--database: \(error)")
        }
    }

    /// Opens the store (running pending migrations), or stops with a clear message.
    func open() async throws -> SQLStore {
        let location = try location()
        do {
            return try await SQLStore.open(location)
        } catch {
            printError("\(location): cannot open the database (\(error))")
            throw ExitCode(69)
        }
    }
}
