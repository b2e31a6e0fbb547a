import Domain
import Spreadsheet

/// The rows of a `facts` file as ``FactsReader`` builds them against a standard's items.
struct FactRows: TableRows {
    /// The standard's fact rules by key.
    private let rules: [String: FactRule]
    /// Every row whose year, county and item read, for duplicates.
    private var seen = KeyedRows<FactKey>()

    /// Rows to be read against `rules`.
    init(rules: [FactRule]) {
        self.rules = Dictionary(rules.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func reserve(_ rows: Int) {
        seen.reserve(rows)
    }

    mutating func read(_ scan: inout TableScan<FactColumn>, into facts: inout RowValues<CountyFact>) {
        let year = scan.int(.year), county = scan.text(.countyCode), item = scan.text(.item)
        let rule = item.flatMap { rules[$0] }
        if let item, rule == nil {
            scan.error(.unknownItem(item, suggestion: Self.closest(to: item, among: rules.keys)), .item)
        }
        if let year, let county, let item {
            seen.note(FactKey(year: year, county: county, item: item), row: scan.row)
        }
        guard let rule, let text = scan.text(.value) else { return }
        guard let value = Self.value(text, for: rule) else {
            return scan.error(rule.isBoolean ? .unknownChoice(text, .yesNo) : .notANumber(text), .value)
        }
        if !scan.rowHasErrors, let year, let county, let item {
            facts.append(CountyFact(year: year, countyCode: county, item: item, value: value, evidence: scan.text(.evidence)))
        }
    }

    mutating func append(_ next: FactRows, rowOffset: Int) {
        seen.append(next.seen, rowOffset: rowOffset)
    }

    /// The check across rows: one value per county, year and item.
    func checkAcrossRows(_ scan: inout TableScan<FactColumn>) {
        for twice in seen.repeats() { scan.error(.duplicateFact(firstRow: twice.firstRow), .item, row: twice.row) }
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
    ///
    /// The distance costs the product of the two lengths: an item far longer than any key
    /// (a megabyte once took 18 s of CPU) is no typo of one and gets no suggestion.
    private static func closest(to item: String, among keys: some Collection<String>) -> String? {
        let longestKey = keys.map(\.unicodeScalars.count).max() ?? 0
        guard item.utf8.count <= 4 * (longestKey + suggestionSlack) else { return nil }
        let target = Array(item.unicodeScalars)
        guard target.count <= longestKey + suggestionSlack else { return nil }
        let scored = keys.map { key in (key, distance(target, Array(key.unicodeScalars))) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }), best.1 <= max(1, target.count / 3) else { return nil }
        return best.0
    }

    /// How many characters longer than the longest key an item may be and still get a
    /// suggestion.
    private static let suggestionSlack = 16

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
