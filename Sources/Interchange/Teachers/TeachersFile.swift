import Domain

/// A `teachers` file that passed every check.
public struct TeachersFile: Sendable, Hashable {
    /// The teachers, one per data row, in file order.
    public var teachers: [Teacher]
    /// Problems that do not refuse the file (unknown columns), as `FILE:ROW:COLUMN: message`.
    public var warnings: [String]

    /// A read file.
    public init(teachers: [Teacher], warnings: [String]) {
        self.teachers = teachers
        self.warnings = warnings
    }
}
