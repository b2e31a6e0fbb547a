import Domain

/// The accepted spellings of an enumerated column: each value's Chinese name or English key
/// (English in any letter case), and a few aliases such as `1`/`0` for 是/否.
///
/// A class, so that a column kind carries one reference; matching compares each spelling's
/// first eight bytes as one integer, since four such cells in every row of a large file
/// are matched against up to twenty spellings.
final class Choices: Sendable {
    /// The Chinese names, by value index.
    let chineseNames: [String]
    /// The English keys, by value index.
    let englishNames: [String]
    /// The lower-cased spellings.
    private let spellings: [[UInt8]]
    /// The first eight bytes of each spelling, packed as by ``prefix(_:)``.
    private let prefixes: [UInt64]
    /// The value index each spelling means.
    private let values: [Int]

    init(chinese: [String], english: [String], aliases: [(String, Int)] = []) {
        chineseNames = chinese
        englishNames = english
        let names = chinese.enumerated().map { ($1, $0) } + english.enumerated().map { ($1, $0) } + aliases
        spellings = names.map { Array($0.0.lowercased().utf8) }
        prefixes = spellings.map { $0.withUnsafeBufferPointer(Self.prefix) }
        values = names.map(\.1)
    }

    /// How a file written with `headers` spells the value at `index`.
    func name(_ index: Int, _ headers: HeaderStyle) -> String {
        headers == .chinese ? chineseNames[index] : englishNames[index]
    }

    /// 是/否 (or yes/no) for `answer`.
    static func answer(_ answer: Bool, _ headers: HeaderStyle) -> String {
        yesNo.name(answer ? 0 : 1, headers)
    }

    /// The value index `bytes` spell, if any.
    func match(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let prefix = Self.prefix(bytes)
        for k in prefixes.indices where prefixes[k] == prefix && spellings[k].count == bytes.count {
            if bytes.count <= 8 || (8..<bytes.count).allSatisfy({ spellings[k][$0] == Self.lowercased(bytes[$0]) }) {
                return values[k]
            }
        }
        return nil
    }

    /// The value index `text` spells, if any.
    func match(_ text: String) -> Int? {
        var text = text
        return text.withUTF8(match)
    }

    /// The first eight bytes, lower-cased, little-endian in one integer.
    private static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var prefix: UInt64 = 0
        for i in 0..<min(8, bytes.count) { prefix |= UInt64(lowercased(bytes[i])) << (8 * i) }
        return prefix
    }

    /// ASCII case folding, which leaves the bytes of Chinese text (all ≥ 0x80) alone.
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
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
