import Domain

/// The accepted spellings of an enumerated column: each value's Chinese name or English key
/// (English in any letter case), and a few aliases such as `1`/`0` for 是/否.
struct Choices: Sendable {
    /// The Chinese names, by value index.
    let chineseNames: [String]
    /// The English keys, by value index.
    let englishNames: [String]
    /// Every spelling, lower-cased, end to end: one flat array, so matching a cell walks
    /// plain bytes instead of an array of arrays.
    private let spellings: [UInt8]
    /// Where each spelling ends in ``spellings``.
    private let ends: [Int]
    /// The value index each spelling means.
    private let values: [Int]

    init(chinese: [String], english: [String], aliases: [(String, Int)] = []) {
        chineseNames = chinese
        englishNames = english
        let names = chinese.enumerated().map { ($1, $0) } + english.enumerated().map { ($1, $0) } + aliases
        spellings = names.flatMap { $0.0.lowercased().utf8 }
        ends = names.reduce(into: []) { ends, name in ends.append((ends.last ?? 0) + name.0.utf8.count) }
        values = names.map(\.1)
    }

    /// The value index `bytes` spell, if any.
    func match(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = 0
        for (k, end) in ends.enumerated() {
            defer { start = end }
            guard end - start == bytes.count else { continue }
            var i = 0
            // ASCII case folding leaves Chinese bytes (all ≥ 0x80) alone.
            while i < bytes.count, spellings[start + i] == (bytes[i] &- UInt8(ascii: "A") < 26 ? bytes[i] | 0x20 : bytes[i]) {
                i += 1
            }
            if i == bytes.count { return values[k] }
        }
        return nil
    }

    /// The value index `text` spells, if any.
    func match(_ text: String) -> Int? {
        var text = text
        return text.withUTF8(match)
    }

    /// 办学类型, by ``SchoolType`` case order.
    static let schoolType = Choices(chinese: SchoolType.allCases.map(\.chineseName), english: SchoolType.allCases.map(\.rawValue))
    /// 城乡类型, by ``Locality`` case order.
    static let locality = Choices(chinese: Locality.allCases.map(\.chineseName), english: Locality.allCases.map(\.rawValue))
    /// 举办者类型, by ``Ownership`` case order.
    static let ownership = Choices(chinese: Ownership.allCases.map(\.chineseName), english: Ownership.allCases.map(\.rawValue))
    /// 是/否: index 0 is yes, 1 is no; `true`/`false` and `1`/`0` as spreadsheets write them.
    static let yesNo = Choices(chinese: ["是", "否"], english: ["yes", "no"], aliases: [("true", 0), ("1", 0), ("false", 1), ("0", 1)])
}
