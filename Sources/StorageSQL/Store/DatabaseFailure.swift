import PostgresNIO
import SQLiteNIO
import Storage

/// Turns what the database drivers throw into the store's errors, with a message a person
/// can act on. PostgresNIO hides the server's message behind a generic description (so it
/// does not reach end users by accident); the store's callers log or print it, so it is
/// taken out here.
enum DatabaseFailure {
    /// `error` as the store throws it: store, schema and cancellation errors as they are,
    /// anything else as ``Storage/StoreError/unavailable(_:)``.
    static func storeError(_ error: any Error, context: String? = nil) -> any Error {
        switch error {
        case is StoreError, is SchemaVersionError, is CancellationError: return error
        default:
            let message = describe(error)
            return StoreError.unavailable(context.map { "\($0): \(message)" } ?? message)
        }
    }

    /// A one-line account of `error`.
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let info = error.serverInfo, let message = info[.message] {
                let state = info[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                return message + state
            }
            if let underlying = error.underlying { return "\(error.code): \(describe(underlying))" }
            return "\(error.code)"
        }
        if let error = error as? SQLiteError { return error.description }
        return String(describing: error)
    }
}
