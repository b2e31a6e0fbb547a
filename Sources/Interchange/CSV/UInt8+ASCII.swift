/// The bytes that structure a CSV file.
extension UInt8 {
    static let quote = UInt8(ascii: "\"")
    static let comma = UInt8(ascii: ",")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// Whether the byte ends an unquoted cell: a comma, a line feed or a carriage return.
    var isDelimiter: Bool {
        self == .comma || self == .lineFeed || self == .carriageReturn
    }
}
