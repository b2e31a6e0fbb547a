import Domain

/// Reads the `facts` file (县级事实: `year, county_code, item, value, evidence`, or 年度,
/// 县区代码, 项目, 值, 佐证材料) against a standard, or refuses it with every problem listed.
///
/// ```swift
/// let file = try FactsReader(standard: .builtIn("quality-2017")).read(bytes, file: "facts.csv")
/// ```
///
/// Each item must be one of the standard's fact rules. A yes/no rule takes 是/否 (or yes/no,
/// true/false, 1/0); a compared rule takes a number, a percentage with or without `%`
/// (`95%` is 95).
public struct FactsReader: Sendable {
    /// The standard whose fact rules the items name.
    public var standard: Standard
    /// The language of error messages.
    public var language: Language

    /// A reader for the items of `standard`, with messages in `language`.
    public init(standard: Standard, language: Language = .chinese) {
        self.standard = standard
        self.language = language
    }

    /// Reads the bytes of a `facts` CSV file (UTF-8 with or without BOM, or GB18030).
    ///
    /// - Parameter file: the name used in messages, as the user gave it.
    /// - Throws: ``DataFileError`` with every problem, `FILE:ROW:COLUMN: message`.
    public func read(_ bytes: [UInt8], file: String) throws(DataFileError) -> FactsFile {
        let rules = Dictionary(standard.facts.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var facts: [CountyFact] = []
        var seen: [FactKey: Int] = [:]
        let scan = try TableScan<FactColumn>.read(bytes, file: file, language: language) { scan in
            let year = scan.int(.year), county = scan.text(.countyCode), item = scan.text(.item)
            let rule = item.flatMap { rules[$0] }
            if let item, rule == nil {
                scan.error(.unknownItem(item, suggestion: Self.closest(to: item, among: rules.keys)), .item)
            }
            if let year, let county, let item {
                let key = FactKey(year: year, county: county, item: item)
                if let first = seen[key] {
                    scan.error(.duplicateFact(firstRow: first), .item)
                } else {
                    seen[key] = scan.row
                }
            }
            guard let rule, let text = scan.text(.value) else { return }
            guard let value = Self.value(text, for: rule) else {
                scan.error(rule.isBoolean ? .unknownChoice(text, .yesNo) : .notANumber(text), .value)
                return
            }
            if !scan.rowHasErrors, let year, let county, let item {
                facts.append(CountyFact(year: year, countyCode: county, item: item, value: value, evidence: scan.text(.evidence)))
            }
        }
        try scan.log.check()
        return FactsFile(facts: facts, warnings: scan.log.warnings)
    }

    /// `text` read as `rule`'s kind of value: 是/否 or a number, `%` allowed.
    private static func value(_ text: String, for rule: FactRule) -> CountyFact.Value? {
        if rule.isBoolean {
            return Choices.yesNo.match(text).map { $0 == 0 ? .yes : .no }
        }
        var number = text
        if number.hasSuffix("%") || number.hasSuffix("％") { number.removeLast() }
        return number.withUTF8(DecimalNumber.decimal).map { .number($0) }
    }

    /// The key nearest to a mistyped `item` (edit distance at most a third of its length),
    /// to suggest in the message.
    private static func closest(to item: String, among keys: some Collection<String>) -> String? {
        let target = Array(item.unicodeScalars)
        let scored = keys.map { key in (key, distance(target, Array(key.unicodeScalars))) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }), best.1 <= max(1, target.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein distance: insertions, deletions and substitutions.
    private static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
