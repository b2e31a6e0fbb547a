/// A facts row's identity: one value per county, year and item.
struct FactKey: Hashable, Sendable {
    let year: Int
    let county: String
    let item: String
}
