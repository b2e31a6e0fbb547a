/// A coding key made at run time: an object member's name (``OrderedMembers``, `super`) or
/// an array element's position in a coding path.
struct JSONKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }

    /// The key `super` encoders and decoders use when none is given.
    static let `super` = JSONKey(stringValue: "super")
}
