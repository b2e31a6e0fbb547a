/// Why a backup or a restore of an SQLite database was refused or failed. Nothing was
/// replaced when one is thrown. Callers test the `is…` properties (the command maps them to
/// its exit statuses); the cases can grow without breaking them.
public struct MaintenanceError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        case missing(String)
        case samePath(String)
        case notSQLite(String, String)
        case truncated(String, expected: Int, actual: Int)
        case damaged(String, [String])
        case notJunheng(String)
        case newerSchema(String, database: Int, program: Int)
        case inUse(String, pid: Int32?)
        case cannotWrite(String, String)
    }
    let kind: Kind

    /// The command was asked for something impossible: a file that does not exist, or a
    /// copy onto the database itself.
    public var isUsage: Bool {
        switch kind {
        case .missing, .samePath: true
        default: false
        }
    }

    /// The file to read is not a sound Junheng database this program can open.
    public var isBadInput: Bool {
        switch kind {
        case .notSQLite, .truncated, .damaged, .notJunheng, .newerSchema: true
        default: false
        }
    }

    /// The result cannot be written: the folder refuses it, or the database is in use.
    public var isCannotWrite: Bool {
        switch kind {
        case .inUse, .cannotWrite: true
        default: false
        }
    }

    public var description: String {
        switch kind {
        case .missing(let path):
            "\(path): no such file"
        case .samePath(let path):
            "\(path): the copy and the database are the same file"
        case let .notSQLite(path, why):
            "\(path): not an SQLite database (\(why))"
        case let .truncated(path, expected, actual):
            "\(path): truncated — the header promises \(expected) bytes, the file has \(actual)"
        case let .damaged(path, problems):
            "\(path): the integrity check failed: " + problems.prefix(5).joined(separator: "; ")
                + (problems.count > 5 ? " (and \(problems.count - 5) more)" : "")
        case .notJunheng(let path):
            "\(path): an SQLite database, but not Junheng's (no schema_migrations, school_years, audit_entries or accounts)"
        case let .newerSchema(path, database, program):
            "\(path): its schema is version \(database), newer than this program's \(program); restore it with a newer junheng"
        case let .inUse(path, pid):
            "\(path): the database is open in another process\(pid.map { " (pid \($0))" } ?? "");"
                + " stop every junheng serve and command using it first"
        case let .cannotWrite(path, why):
            "\(path): cannot write (\(why))"
        }
    }
}
