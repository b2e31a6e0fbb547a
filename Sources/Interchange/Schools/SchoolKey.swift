/// A school within a year: school codes are unique per year, not forever.
struct SchoolKey: Hashable, Sendable {
    let year: Int
    let code: String
}
