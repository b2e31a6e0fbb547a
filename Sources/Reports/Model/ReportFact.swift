/// A labelled value: a headline fact (县区, 总投入 …) or a line of a key–value list.
public struct ReportFact: Sendable, Hashable {
    /// What the value is, in the report's language.
    public var label: String
    /// The value, typed so that each medium shows it its own way.
    public var value: ReportCell

    public init(_ label: String, _ value: ReportCell) {
        self.label = label
        self.value = value
    }
}
