import Domain
import Spreadsheet

extension ReportCell {
    /// The cell as people read it in text (terminal, HTML): rounded to its places, with its unit;
    /// with `groupingThousands`, amounts of money and of resources have their thousands grouped
    /// (`12,345,678.000`), as web pages show them.
    public func shown(in language: Language, groupingThousands: Bool = false) -> String {
        func number(_ value: Double, places: Int) -> String {
            groupingThousands ? Decimals.grouped(value, places: places) : Decimals.fixed(value, places: places)
        }
        return switch self {
        case .empty: ""
        case let .text(text), let .code(text), let .term(text, _), let .verdict(text, _, _), let .link(text, _): text
        case let .count(count): String(count)
        case let .decimal(value, places), let .judged(value, places, _): value.map { Decimals.fixed($0, places: places) } ?? Decimals.notComputable
        case let .stated(value): value.map(Decimals.compact) ?? Decimals.notComputable
        case let .quantity(value, unit): number(value, places: 3) + " " + unit
        case let .money(value, inTenThousands):
            value.map { inTenThousands ? number($0 / 10_000, places: 2) + language.pick(" 万元", " ×10k yuan") : number($0, places: 3) }
                ?? Decimals.notComputable
        case let .percent(value): value.map(Decimals.percent) ?? Decimals.notComputable
        case let .change(before, after, _): before == after ? String(after) : "\(before) → \(after)"
        case let .linked(cell, _): cell.shown(in: language)
        }
    }

    /// The before and after cells of a ``change(before:after:passes:)``; any other cell is both.
    var split: (before: ReportCell, after: ReportCell) {
        guard case let .change(before, after, passes) = unlinked else { return (self, self) }
        return (.count(before), passes == false ? .judged(Double(after), places: 0, passes: false) : .count(after))
    }

    /// The cell as machines read it (CSV): numbers unrounded, terms by key, nothing for no value.
    public var machineText: String? {
        switch self {
        case .empty: nil
        case let .text(text), let .code(text), let .link(text, _): text
        case let .term(_, key), let .verdict(_, key, _): key
        case let .count(count): String(count)
        case let .change(_, after, _): String(after)
        case let .quantity(value, _): DecimalNumber.text(value)
        case let .decimal(value, _), let .judged(value, _, _), let .money(value, _), let .percent(value), let .stated(value):
            value.flatMap { $0.isFinite ? DecimalNumber.text($0) : nil }
        case let .linked(cell, _): cell.machineText
        }
    }

    /// Whether the cell is a number, which tables align right.
    var isNumeric: Bool {
        switch self {
        case .count, .decimal, .stated, .quantity, .money, .percent, .judged, .change: true
        case .empty, .text, .code, .term, .verdict, .link: false
        case let .linked(cell, _): cell.isNumeric
        }
    }
}
