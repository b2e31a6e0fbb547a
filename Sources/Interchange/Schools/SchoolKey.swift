/// A school within a year: school codes are unique per year, not forever.
struct SchoolKey: Hashable {
    let year: Int
    let code: String
}
