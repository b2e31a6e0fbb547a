import Domain

/// The funding of some schools (``FundingAllocation``) and the evaluation items their rows
/// decide under the same rules, judged.
public struct CountyFunding: Sendable {
    public var allocation: FundingAllocation
    /// Items 3, 6, 7 and quality 4 where the rows decide them, judged; county by county.
    public var items: [FactResult]

    public init(allocation: FundingAllocation, items: [FactResult]) {
        self.allocation = allocation
        self.items = items
    }
}
