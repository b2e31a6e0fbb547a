/// The database was migrated by a newer Junheng: this program does not know its tables and
/// refuses to open it rather than misread or damage it.
public struct SchemaVersionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The schema version recorded in the database.
    public let databaseVersion: Int
    /// The newest schema version this program knows.
    public let programVersion: Int

    public var description: String {
        "the database's schema is version \(databaseVersion), newer than this program's \(programVersion): "
            + "open it with a newer junheng"
    }
}
