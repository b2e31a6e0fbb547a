import Domain

/// A `facts` file that passed every check.
public struct FactsFile: Sendable, Hashable {
    /// The facts, one per data row, in file order.
    public var facts: [CountyFact]
    /// Problems that do not refuse the file (unknown columns), as `FILE:ROW:COLUMN: message`.
    public var warnings: [String]

    /// A read file.
    public init(facts: [CountyFact], warnings: [String]) {
        self.facts = facts
        self.warnings = warnings
    }
}
