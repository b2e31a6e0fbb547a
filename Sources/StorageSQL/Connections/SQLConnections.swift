import SQLKit

/// The two kinds of database behind one interface: the store asks for a connection to read
/// on, a snapshot to read several statements from, or a write transaction — each as an
/// ``SQLSession`` on one connection — and never sees which database it talks to, except
/// through ``SQLFlavor`` where their SQL differs.
protocol SQLConnections: Sendable {
    /// The SQL the database speaks.
    var flavor: SQLFlavor { get }

    /// Runs `body` on one connection, each statement on its own (autocommit).
    func read<R: Sendable>(_ body: (SQLSession) async throws -> R) async throws -> R

    /// Runs `body` in a read-only transaction: its statements see one state of the data.
    func snapshot<R: Sendable>(_ body: (SQLSession) async throws -> R) async throws -> R

    /// Runs `body` in a transaction that commits when it returns and rolls back when it
    /// throws.
    ///
    /// - Parameter exclusive: whether the transaction must run alone among the writers of
    ///   school data, locks and the audit trail — in every process using the database — so
    ///   what it read (stored rows, locks) is still true when it commits and audit ids follow
    ///   commit order. Account and session writes need not wait for a long import.
    func write<R: Sendable>(exclusive: Bool, _ body: (SQLSession) async throws -> R) async throws -> R

    /// Closes every connection.
    func shutdown() async throws
}
