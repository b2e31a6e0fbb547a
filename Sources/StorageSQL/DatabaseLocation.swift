import Foundation

/// Where a ``SQLStore`` keeps its data: an SQLite file (embedded, the default) or a
/// PostgreSQL database (shared by several servers, province-wide).
///
/// ```swift
/// try DatabaseLocation("junheng.sqlite")                          // .sqlite(path: "junheng.sqlite")
/// try DatabaseLocation("sqlite:///var/lib/junheng/data.sqlite")   // .sqlite(path: "/var/lib/junheng/data.sqlite")
/// try DatabaseLocation("postgres://junheng@db.local/junheng")     // .postgres(url: …)
/// ```
public enum DatabaseLocation: Sendable, Hashable {
    /// An SQLite database file, created when missing.
    case sqlite(path: String)
    /// A PostgreSQL database, as a libpq-style URL:
    /// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…&options=…]`.
    case postgres(url: String)

    /// Reads a location as given on the command line or in the environment.
    ///
    /// `postgres://…` or `postgresql://…` name a PostgreSQL database; `sqlite:PATH`,
    /// `sqlite://PATH` or a plain path name an SQLite file.
    ///
    /// - Throws: ``DatabaseLocationError`` when the text is empty, names another scheme, or
    ///   is a PostgreSQL URL without a host.
    public init(_ text: String) throws(DatabaseLocationError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw DatabaseLocationError(text: text, reason: .empty) }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            // Checked now, so a typo fails when the command starts, not at the first query.
            guard (try? PostgresSettings(url: trimmed)) != nil else {
                throw DatabaseLocationError(text: text, reason: .badPostgresURL)
            }
            self = .postgres(url: trimmed)
            return
        }
        var path = trimmed
        if lower.hasPrefix("sqlite://") {
            path = String(trimmed.dropFirst("sqlite://".count))
        } else if lower.hasPrefix("sqlite:") {
            path = String(trimmed.dropFirst("sqlite:".count))
        } else if let scheme = Self.scheme(of: trimmed) {
            throw DatabaseLocationError(text: text, reason: .unknownScheme(scheme))
        }
        guard !path.isEmpty else { throw DatabaseLocationError(text: text, reason: .empty) }
        self = .sqlite(path: path)
    }

    /// The URL scheme of `text` (`mysql` in `mysql://…`), if it has one.
    private static func scheme(of text: String) -> String? {
        guard let range = text.range(of: "://") else { return nil }
        let scheme = text[..<range.lowerBound]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return nil }
        return String(scheme)
    }
}

extension DatabaseLocation: CustomStringConvertible {
    /// The location for messages and logs, with any PostgreSQL password masked.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): PostgresSettings.redacted(url)
        }
    }
}
