import Domain

/// The yearly budgets typed into the plan page's form or the API's query, one grammar for both
/// (the page and `GET /api/counties/{county}/plan?budget=` call ``parse(_:dataYear:)``):
///
/// ```
/// budget    = entry (separator entry)*
/// entry     = year (":" | "=") amount          4-digit year, then a YuanText amount
/// separator = ";" | "、" | line break | ","   (but see the thousands rule)
/// ```
///
/// - The amount is in yuan as ``YuanText`` reads it: `4917093`, `4,917,093`, `491.7093万`,
///   `500万元`, `1.5亿`.
/// - A comma separates entries, except a comma between a digit and exactly three digits that
///   are followed by neither a digit nor a year's colon: that one groups thousands. So
///   `2026:4,917,093, 2027:5,000,000` is two entries, and so is the form's own example
///   `2026:4917093, 2027:5000000` (the comma is followed by `2027:`).
/// - Full-width forms are the same characters: `２０２６：４９１７０９３，２０２７：…`.
///
/// Every entry is checked before anything is scheduled, and a refusal names the entry, what
/// is wrong with it and what to write instead, in the page's language.
public struct BudgetInput: Sendable, Equatable {
    /// The most years one schedule covers.
    public static let maximumYears = 30
    /// The largest amount accepted for one year (10 万亿元): beyond it a figure is a typo.
    public static let maximumAmount = 1e13

    /// The budgets, in the order typed.
    public var budgets: [YearBudget]

    /// Why a budget text was refused.
    public struct Problem: Error, Sendable, Equatable {
        enum Kind: Sendable, Equatable {
            case malformed(entry: Int, text: String)
            case yearOutOfRange(entry: Int, year: Int, earliest: Int)
            case amountNotNumber(entry: Int, text: String)
            case amountNotPositive(entry: Int, text: String)
            case amountTooLarge(entry: Int, text: String)
            case yearRepeated(Int)
            case tooManyYears(Int)
        }

        let kind: Kind

        /// The sentence shown on the page or in the API's error.
        public func message(in l: Language) -> String {
            let example = BudgetInput.example
            switch kind {
            case let .malformed(entry, text):
                return l.pick("预算第 \(entry) 项“\(text)”应写成“年度:金额”，各项以逗号、分号或换行分隔，如 \(example)",
                              "budget entry \(entry) \"\(text)\" must read YEAR:AMOUNT, entries separated by commas, semicolons or line breaks, e.g. \(example)")
            case let .yearOutOfRange(entry, year, earliest):
                return l.pick("预算第 \(entry) 项的年度 \(year) 不可用：应在 \(earliest) 至 2200 年之间（不早于数据年度）",
                              "budget entry \(entry): the year \(year) must be between \(earliest) and 2200 (not before the data's year)")
            case let .amountNotNumber(entry, text):
                return l.pick("预算第 \(entry) 项的金额“\(text)”不是数值：请写元数，如 4917093、4,917,093 或 491.7万",
                              "budget entry \(entry): the amount \"\(text)\" is not a number: write yuan, e.g. 4917093, 4,917,093 or 491.7万")
            case let .amountNotPositive(entry, text):
                return l.pick("预算第 \(entry) 项的金额“\(text)”应大于 0",
                              "budget entry \(entry): the amount \"\(text)\" must be greater than 0")
            case let .amountTooLarge(entry, text):
                return l.pick("预算第 \(entry) 项的金额“\(text)”超过 10 万亿元，请检查",
                              "budget entry \(entry): the amount \"\(text)\" exceeds 10 trillion yuan; check it")
            case let .yearRepeated(year):
                return l.pick("\(year) 年的预算出现了两次", "the budget of \(year) is given twice")
            case let .tooManyYears(count):
                return l.pick("预算有 \(count) 个年度，最多 \(BudgetInput.maximumYears) 个",
                              "the budget has \(count) years; at most \(BudgetInput.maximumYears) are accepted")
            }
        }
    }

    /// Reads `text`; `nil` when it is blank (no schedule asked for).
    ///
    /// - Parameter dataYear: the year of the data planned for; budget years may not precede it.
    /// - Throws: ``Problem`` for the first entry that is wrong.
    public static func parse(_ text: String?, dataYear: Int) throws(Problem) -> BudgetInput? {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
        let entries = Self.entries(YuanText.normalized(text))
        guard entries.count <= maximumYears else { throw Problem(kind: .tooManyYears(entries.count)) }
        var budgets: [YearBudget] = []
        var seen = Set<Int>()
        for (offset, entry) in entries.enumerated() {
            let number = offset + 1
            let parts = entry.split(maxSplits: 1, whereSeparator: { $0 == ":" || $0 == "=" })
            guard parts.count == 2 else { throw Problem(kind: .malformed(entry: number, text: entry)) }
            let yearText = parts[0].trimmed, amountText = String(parts[1].trimmed)
            guard yearText.count == 4, let year = Int(yearText) else { throw Problem(kind: .malformed(entry: number, text: entry)) }
            guard (dataYear...2200).contains(year) else {
                throw Problem(kind: .yearOutOfRange(entry: number, year: year, earliest: dataYear))
            }
            let amount = try Self.amount(amountText, entry: number)
            guard seen.insert(year).inserted else { throw Problem(kind: .yearRepeated(year)) }
            budgets.append(YearBudget(year: year, budget: amount))
        }
        return budgets.isEmpty ? nil : BudgetInput(budgets: budgets)
    }

    /// The entries of `text` (already ``YuanText/normalized(_:)``), trimmed, blanks dropped:
    /// split at every separator but a thousands comma (see the grammar above).
    static func entries(_ text: String) -> [String] {
        let characters = Array(text)
        var entries: [String] = [], current = ""
        for (index, character) in characters.enumerated() {
            switch character {
            case ";", "、", "\n", "\r":
                entries.append(current)
                current = ""
            case "," where !isThousandsComma(at: index, in: characters):
                entries.append(current)
                current = ""
            default:
                current.append(character)
            }
        }
        entries.append(current)
        return entries.map { String($0.trimmed) }.filter { !$0.isEmpty }
    }

    /// Whether the comma at `index` groups thousands: a digit before it, exactly three digits
    /// after it, and after those neither a digit nor the colon that ends a year.
    private static func isThousandsComma(at index: Int, in characters: [Character]) -> Bool {
        guard index > 0, characters[index - 1].isASCIIDigit else { return false }
        let group = characters.dropFirst(index + 1).prefix(3)
        guard group.count == 3, group.allSatisfy(\.isASCIIDigit) else { return false }
        guard index + 4 < characters.count else { return true }
        let next = characters[index + 4]
        return !next.isASCIIDigit && next != ":" && next != "="
    }

    /// An amount in yuan (``YuanText``), above 0 and at most ``maximumAmount``.
    private static func amount(_ text: String, entry: Int) throws(Problem) -> Double {
        guard let amount = YuanText.value(text) else { throw Problem(kind: .amountNotNumber(entry: entry, text: text)) }
        guard amount > 0 else { throw Problem(kind: .amountNotPositive(entry: entry, text: text)) }
        guard amount <= maximumAmount else { throw Problem(kind: .amountTooLarge(entry: entry, text: text)) }
        return amount
    }

    /// The example every refusal and the API's description show: the form's placeholder's shape.
    public static let example = "2026:4917093, 2027:5000000"

    /// The text that reads back as these budgets (`2026:5000000, 2027:5000000`).
    public var text: String {
        budgets.map { "\($0.year):\(Decimals.compact($0.budget))" }.joined(separator: ", ")
    }
}
