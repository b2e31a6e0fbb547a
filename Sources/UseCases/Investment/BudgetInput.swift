import Domain

/// The yearly budgets typed into the plan page's form or the API's query (`?budget=2026:5000000, 2027:5000000`):
/// entries `年度:金额` separated by commas, semicolons, 、 or line breaks; the amount in yuan,
/// optionally written with 万 or 亿 (`2026:500万`) and a trailing 元.
///
/// Every entry is checked before anything is scheduled, and a refusal names the entry and
/// what is wrong with it, in the page's language.
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
            let example = "2026:5000000, 2027:5000000"
            switch kind {
            case let .malformed(entry, text):
                return l.pick("预算第 \(entry) 项“\(text)”应写成“年度:金额”，如 \(example)",
                              "budget entry \(entry) \"\(text)\" must read YEAR:AMOUNT, e.g. \(example)")
            case let .yearOutOfRange(entry, year, earliest):
                return l.pick("预算第 \(entry) 项的年度 \(year) 不可用：应在 \(earliest) 至 2200 年之间（不早于数据年度）",
                              "budget entry \(entry): the year \(year) must be between \(earliest) and 2200 (not before the data's year)")
            case let .amountNotNumber(entry, text):
                return l.pick("预算第 \(entry) 项的金额“\(text)”不是数值（以元计，可写 500万）",
                              "budget entry \(entry): the amount \"\(text)\" is not a number (yuan; 500万 is accepted)")
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
        let separators: Set<Character> = [",", "，", ";", "；", "、", "\n", "\r"]
        let entries = text.split(whereSeparator: { separators.contains($0) })
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }
        guard entries.count <= maximumYears else { throw Problem(kind: .tooManyYears(entries.count)) }
        var budgets: [YearBudget] = []
        var seen = Set<Int>()
        for (offset, entry) in entries.enumerated() {
            let number = offset + 1
            let parts = entry.split(maxSplits: 1, whereSeparator: { $0 == ":" || $0 == "：" || $0 == "=" })
            guard parts.count == 2 else { throw Problem(kind: .malformed(entry: number, text: entry)) }
            let yearText = parts[0].trimmingWhitespace(), amountText = parts[1].trimmingWhitespace()
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

    /// An amount in yuan: digits with an optional decimal part, then 万 (×10⁴) or 亿 (×10⁸),
    /// then an optional 元.
    private static func amount(_ text: String, entry: Int) throws(Problem) -> Double {
        var digits = Substring(text)
        if digits.hasSuffix("元") { digits.removeLast() }
        var factor = 1.0
        if digits.hasSuffix("万") { factor = 1e4; digits.removeLast() } else if digits.hasSuffix("亿") { factor = 1e8; digits.removeLast() }
        digits = Substring(digits.trimmingWhitespace())
        // Only plain decimals: Double("1e9"), "inf" or "0x10" are not how people write money.
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
              let value = Double(digits) else {
            throw Problem(kind: .amountNotNumber(entry: entry, text: text))
        }
        let amount = value * factor
        guard amount > 0 else { throw Problem(kind: .amountNotPositive(entry: entry, text: text)) }
        guard amount <= maximumAmount else { throw Problem(kind: .amountTooLarge(entry: entry, text: text)) }
        return amount
    }

    /// The text that reads back as these budgets (`2026:5000000, 2027:5000000`).
    public var text: String {
        budgets.map { "\($0.year):\(Decimals.compact($0.budget))" }.joined(separator: ", ")
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (Foundation-free).
    fileprivate func trimmingWhitespace() -> String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return String(self[start..<Swift.max(start, end)])
    }
}
