import Domain

extension ReportCell {
    /// A county fact's value: 是 / 否 as a term, a number with 2 decimals, blank when none.
    public static func factValue(_ value: CountyFact.Value?, language l: Language) -> ReportCell {
        switch value {
        case let .number(number)?: .decimal(number, places: 2)
        case .yes?: .term(l.pick("是", "yes"), key: "yes")
        case .no?: .term(l.pick("否", "no"), key: "no")
        case nil: .empty
        }
    }
}
