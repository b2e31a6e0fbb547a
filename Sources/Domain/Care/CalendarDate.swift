/// A day of the calendar (出生日期, 发现日期, 走访日期) without a time or a zone: what a register
/// records, compared and counted in whole years without a clock.
///
/// ```swift
/// let born = CalendarDate(year: 2012, month: 2, day: 29)!
/// born.age(on: CalendarDate(year: 2018, month: 8, day: 31)!)   // 6
/// CalendarDate(year: 2013, month: 2, day: 29)                  // nil: not a leap year
/// ```
public struct CalendarDate: Sendable, Hashable, Comparable, Codable {
    public let year: Int, month: Int, day: Int

    /// The day, or `nil` when there is no such day (month 13, 30 February, 29 February of a
    /// common year) or the year is outside 1900…2100.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2100).contains(year), (1...12).contains(month),
              (1...Self.days(inMonth: month, of: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// How many days `month` of `year` has (Gregorian).
    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The whole years from this day to `date` (周岁): one more on each birthday; someone
    /// born on 29 February has theirs on 1 March of a common year.
    public func age(on date: CalendarDate) -> Int {
        date.year - year - ((date.month, date.day) < (month, day) ? 1 : 0)
    }

    /// `2012-03-05`: how files, the database and the trail write it.
    public var text: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// The day `text` names, as registers write it: `2012-03-05`, `2012/3/5`, `2012.3.5`,
    /// `2012年3月5日`, `20120305`; `nil` for anything else or a day that does not exist.
    public init?(text: String) {
        let trimmed = text.trimmingCharacters(in: " ")
        let parts: [Substring]
        if trimmed.count == 8, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) {
            parts = [trimmed.prefix(4), trimmed.dropFirst(4).prefix(2), trimmed.suffix(2)]
        } else {
            var body = Substring(trimmed)
            if body.hasSuffix("日") { body = body.dropLast() }
            parts = body.split(omittingEmptySubsequences: false) { "-/.年月".contains($0) }
        }
        guard parts.count == 3, parts.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(text: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

private extension String {
    func trimmingCharacters(in set: Character) -> Substring {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return s
    }
}
