import Domain

/// A `schools` file that passed every check.
public struct SchoolsFile: Sendable, Hashable {
    /// The schools, one per data row, in file order.
    public var schools: [SchoolYear]
    /// Problems that do not refuse the file (unknown columns, a parent code on a school that
    /// is not a 教学点), as `FILE:ROW:COLUMN: message`.
    public var warnings: [String]

    /// A read file.
    public init(schools: [SchoolYear], warnings: [String]) {
        self.schools = schools
        self.warnings = warnings
    }
}
