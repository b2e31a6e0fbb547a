/// A facts row's identity: one value per county, year and item.
struct FactKey: Hashable {
    let year: Int
    let county: String
    let item: String
}
