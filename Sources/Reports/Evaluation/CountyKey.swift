/// A county in one year: how the report finds a county's rows.
struct CountyKey: Hashable {
    var code: String
    var year: Int
}
