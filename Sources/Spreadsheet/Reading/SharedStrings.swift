/// Reads `xl/sharedStrings.xml`: the strings that `t="s"` cells refer to by index.
enum SharedStrings {
    /// The strings in index order.
    static func read(_ bytes: [UInt8], limits: XLSXLimits, file: String, part: String) throws(XLSXError) -> [String] {
        try PartScan.run(bytes, file: file, part: part) { (scanner: inout XMLScanner) throws(ScanError) in
            var strings: [String] = []
            var buffer: [UInt8] = []
            while true {
                let token = try scanner.next()
                switch token {
                case .done:
                    return strings
                case .start where scanner.isNamed("sst"):
                    if let count = try scanner.string("uniqueCount"), let expected = Int(count) {
                        // A hint only; capped so that a lying count cannot reserve memory.
                        strings.reserveCapacity(min(expected, bytes.count / 8, limits.sharedStrings))
                    }
                case .start where scanner.isNamed("si"), .empty where scanner.isNamed("si"):
                    guard strings.count < limits.sharedStrings else {
                        throw ScanError(offset: scanner.name.lowerBound, problem: .tooManySharedStrings(limit: limits.sharedStrings))
                    }
                    strings.append(try RichText.read(&scanner, after: token, buffer: &buffer, limit: limits.textLength))
                default:
                    continue
                }
            }
        }
    }
}
