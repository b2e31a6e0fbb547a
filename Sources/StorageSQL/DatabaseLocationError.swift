/// Why a text does not name a database location.
public struct DatabaseLocationError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Reason: Sendable, Hashable {
        case empty
        case unknownScheme(String)
        case badPostgresURL
    }
    /// The text as given.
    public let text: String
    let reason: Reason

    public var description: String {
        switch reason {
        case .empty:
            "no database given: use a file path, sqlite:PATH or postgres://USER@HOST/DATABASE"
        case .unknownScheme(let scheme):
            "unsupported database \"\(scheme)://\": use a file path, sqlite:PATH or postgres://USER@HOST/DATABASE"
        case .badPostgresURL:
            "not a PostgreSQL URL: \(PostgresSettings.redacted(text)) (expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE)"
        }
    }
}
