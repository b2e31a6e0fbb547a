/// A refused data file (数据文件不合格): every problem found, so that one round of fixes is
/// enough. Nothing from a refused file may be imported, evaluated or written.
public struct DataFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, by row and then by column position in the file.
    public var errors: [RowError]
    /// Warnings found on the way (e.g. unknown columns), worth showing with the errors: a
    /// misspelt header is both an unknown column and a missing one.
    public var warnings: [String]

    /// A refusal with its problems.
    public init(errors: [RowError], warnings: [String] = []) {
        self.errors = errors
        self.warnings = warnings
    }

    /// One problem per line, `FILE:ROW:COLUMN: message`.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
