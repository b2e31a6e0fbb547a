import ArgumentParser
import Foundation
import StorageSQL

/// `junheng backup --out FILE [--database …]`: a consistent copy of the SQLite database,
/// safe while a server writes to it.
struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the SQLite database to FILE, consistently, while servers may be writing to it.",
        discussion: """
        The copy holds the database as it was at one moment (every import whole or not at all), is checked \
        (integrity, schema version) before FILE is written, and replaces FILE only once complete. Restore it \
        with `junheng restore FILE`. A PostgreSQL database is backed up with pg_dump instead (see the README). \
        Exit status: 0 copied; 64 bad usage or PostgreSQL; 65 the database is not a sound Junheng database; \
        73 FILE cannot be written.
        """
    )

    @Option(help: "The backup file to write (replaced if it exists).")
    var out: String

    @OptionGroup var database: DatabaseOption

    func run() async throws { try await database.maintain(.backup(to: out)) }
}

/// `junheng restore FILE [--database …]`: replaces the SQLite database with a backup.
struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replace the SQLite database with the backup FILE (stop the servers first).",
        discussion: """
        FILE must be a sound Junheng SQLite database (a `junheng backup` file) whose schema is not newer than \
        this program's; it is checked on a copy, and the database is replaced in one step (a crash leaves the \
        old database or the new one, never a mix). No server or command may have the database open: restore \
        refuses when one does; start the servers again afterwards (an older backup is migrated then). A \
        PostgreSQL database is restored with pg_restore instead (see the README). Exit status: 0 restored; \
        64 bad usage or PostgreSQL; 65 FILE refused; 73 the database is in use or cannot be written.
        """
    )

    @Argument(help: "The backup to restore (a file written by junheng backup).")
    var file: String

    @OptionGroup var database: DatabaseOption

    func run() async throws { try await database.maintain(.restore(from: file)) }
}

/// What `junheng backup` and `junheng restore` do to the SQLite database.
private enum Maintenance {
    /// Copy it to a backup file.
    case backup(to: String)
    /// Replace it with a backup file.
    case restore(from: String)

    /// The command's name.
    var command: String { if case .backup = self { "backup" } else { "restore" } }
}

extension DatabaseOption {
    /// Does `step` to the SQLite file and prints what the copy holds; a refusal is printed and
    /// stops with the status of its kind: 65 for a file that is not a sound database, 73 for
    /// one that cannot be written, else 64.
    fileprivate func maintain(_ step: Maintenance) async throws {
        let path = try sqlitePath(command: step.command)
        do {
            let (summary, line): (SQLiteCopySummary, String) = switch step {
            case let .backup(out): (try await SQLiteBackup().copy(database: path, to: out), "backed up \(path) to \(out)")
            case let .restore(file): (try await SQLiteRestore().replace(database: path, with: file), "restored \(path) from \(file)")
            }
            writeOutput(line + ": \(summary.schoolRows) school rows, \(summary.auditEntries) audit entries, "
                        + "schema version \(summary.schemaVersion), \(summary.bytes) bytes\n")
        } catch let error as MaintenanceError {
            printError(error.description)
            throw error.isBadInput ? ExitStatus.dataError : error.isCannotWrite ? ExitStatus.cannotCreate : ExitStatus.usage
        }
    }

    /// The SQLite file the database option names; for PostgreSQL, the way to back up and
    /// restore with PostgreSQL's own tools, and exit status 64.
    func sqlitePath(command: String) throws -> String {
        switch try location() {
        case .sqlite(let path):
            return path
        case .postgres:
            let url = (try? location())?.description ?? "postgres://…"
            printError("""
                junheng \(command) copies SQLite files; a PostgreSQL database is backed up and restored with \
                PostgreSQL's own tools, which copy a live database consistently:
                  pg_dump --format=custom --file=junheng.dump '\(url)'
                  pg_restore --clean --if-exists --no-owner --single-transaction --dbname='\(url)' junheng.dump
                Stop the servers before pg_restore and start them afterwards (see README: 备份与恢复 / Backup and restore).
                """)
            throw ExitStatus.usage
        }
    }
}
