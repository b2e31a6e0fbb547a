/// A typed cell: what the value *is*, so that each medium can show it right — the terminal
/// rounds to its places and appends units, XLSX stores numbers as numbers with a number
/// format and highlights failures, CSV writes the unrounded value or the term's key.
public enum ReportCell: Sendable, Hashable {
    /// Nothing (a blank cell; "—" where a value was expected but cannot be computed is `.decimal(nil, …)`).
    case empty
    /// Free text: a name, a sentence.
    case text(String)
    /// An identifier (学校标识码, 县区代码): text that only looks like a number.
    case code(String)
    /// A whole number: schools, items, a year.
    case count(Int)
    /// A measured value shown with `places` decimals; `nil` cannot be computed ("—").
    case decimal(Double?, places: Int)
    /// A value as a rule states it (a threshold: 4.2, 1, 2000), shown as a person writes it —
    /// no decimals when whole, else up to 3; `nil` is not stated ("—").
    case stated(Double?)
    /// An amount of a resource with its unit (m², 人, 台 …), shown with 3 decimals.
    case quantity(Double, unit: String)
    /// Money in yuan (元); shown in 万元 when `inTenThousands`.
    case money(Double?, inTenThousands: Bool)
    /// A ratio (0.25 is 25 %), shown as a percentage with 3 decimals.
    case percent(Double?)
    /// A word from a closed vocabulary: shown as `display`, written to machines as `key`
    /// (城区 / `urban`, 教学及辅助用房面积 / `teaching_area`).
    case term(_ display: String, key: String)
    /// A value judged against its threshold or limit: `passes == false` is highlighted.
    case judged(Double?, places: Int, passes: Bool?)
    /// A verdict (达标 / 未达标 …): `passes` colours it; machines read `key`.
    case verdict(_ display: String, key: String, passes: Bool?)
    /// A count before and after a plan: text shows `12 → 14` (or `14` when unchanged);
    /// spreadsheets and CSV get two columns, before and after. `passes == false` highlights
    /// the after value.
    case change(before: Int, after: Int, passes: Bool?)
    /// Text that names something with a page of its own (a school): a link on web pages,
    /// plain text elsewhere.
    case link(_ text: String, to: ReportLink)
    /// A cell that leads to what is behind it (a 差异系数 to the schools it is computed from, a
    /// county to its overview): a link on web pages, the cell alone everywhere else.
    indirect case linked(ReportCell, to: ReportLink)

    /// Money in yuan, shown in yuan.
    public static func yuan(_ value: Double?) -> ReportCell { .money(value, inTenThousands: false) }
    /// A value with 3 decimals (差异系数, indicator values).
    public static func three(_ value: Double?) -> ReportCell { .decimal(value, places: 3) }

    /// The cell without its link, if it has one: what it shows and how.
    public var unlinked: ReportCell {
        if case let .linked(cell, _) = self { cell.unlinked } else { self }
    }
}

/// What a ``ReportCell/link(_:to:)`` or ``ReportCell/linked(_:to:)`` points at; the web layer
/// turns it into an address.
public enum ReportLink: Sendable, Hashable {
    /// A school, by 学校标识码 (its page in the report's year).
    case school(code: String)
    /// A county's evaluation of a year (its overview).
    case county(code: String, year: Int)
    /// The 差异系数 of a county's evaluation of a year, stage by stage.
    case indicators(county: String, year: Int)
    /// School units of a county's evaluation of a year, chosen and ordered as `selection` says.
    case units(county: String, year: Int, UnitSelection)
    /// A school's data of one year in its county: a row of its history, an audit trail's entry.
    case schoolYear(code: String, county: String, year: Int)
    /// An item of a county's remediation ledger (整改台账).
    case ledgerItem(county: String, id: Int64)
    /// An account, on the administrator's pages.
    case account(id: Int64)
}
