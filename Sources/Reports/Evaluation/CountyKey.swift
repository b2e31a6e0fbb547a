/// A county in one year: how the printable report finds a county's rows and its part.
struct CountyKey: Hashable {
    var code: String
    var year: Int
}
