import Domain
import Spreadsheet

/// One row of a `dropouts` file: the case's columns as given (possibly empty on a case's later
/// rows) and the visit, if the row records one.
public struct DropoutRow: Sendable, Hashable {
    public var countyCode: String
    public var childID: String
    public var schoolCode: String?
    public var status: DropoutStatus?
    public var opened: CalendarDate?
    public var closed: CalendarDate?
    public var reason: String?
    public var visit: FollowUp?

    /// The case's own columns, to compare a case's rows.
    var caseFields: [String?] {
        [schoolCode, status?.rawValue, opened?.text, closed?.text, reason]
    }
}

/// The rows of a `dropouts` file as ``DropoutsReader`` checks them: real dates, a closing date
/// exactly when the case is closed, nothing before the case was opened, whole visits, and
/// the rows of one case agreeing.
struct DropoutRows: LocatingRows {
    private(set) var valueRows = ValueRows()
    /// Each valid row's case key, columns and row, for the checks across a case's rows.
    private var cases: [(row: Int, value: DropoutRow)] = []

    mutating func reserve(_ rows: Int) {
        valueRows.reserve(rows)
        cases.reserveCapacity(cases.count + rows)
    }

    mutating func read(_ scan: inout TableScan<DropoutColumn>, into rows: inout RowValues<DropoutRow>) {
        let opened = ChildRows.date(&scan, .opened), closed = ChildRows.date(&scan, .closed), visitDate = ChildRows.date(&scan, .visitDate)
        let status = scan.int(.status).map { DropoutStatus.allCases[$0] }
        if let status {
            if status.isClosed, scan.isBlank(.closed) { scan.error(.careFile(.closingDate(status)), .closed) }
            if !status.isClosed, closed != nil { scan.error(.careFile(.closingDate(status)), .closed) }
        }
        if let opened {
            if let closed, closed < opened { scan.error(.careFile(.beforeOpening(opened)), .closed) }
            if let visitDate, visitDate < opened { scan.error(.careFile(.beforeOpening(opened)), .visitDate) }
        }
        let visitColumns: [DropoutColumn] = [.visitDate, .visitor, .outcome]
        let given = visitColumns.filter { !scan.isBlank($0) }
        if !given.isEmpty, given.count < 3, let missing = visitColumns.first(where: { scan.isBlank($0) }) {
            scan.error(.careFile(.incompleteVisit), missing)
        }
        guard !scan.rowHasErrors, let county = scan.text(.countyCode), let child = scan.text(.childId) else { return }
        var visit: FollowUp?
        if let visitDate, let visitor = scan.text(.visitor), let outcome = scan.text(.outcome) {
            visit = FollowUp(date: visitDate, visitor: visitor, outcome: outcome)
        }
        let row = DropoutRow(countyCode: county, childID: child, schoolCode: scan.text(.schoolCode), status: status, opened: opened,
                             closed: closed, reason: scan.text(.reason), visit: visit)
        rows.append(row)
        cases.append((scan.row, row))
        valueRows.note(scan.row)
    }

    mutating func append(_ next: DropoutRows, rowOffset: Int) {
        valueRows.append(next.valueRows, rowOffset: rowOffset)
        cases += next.cases.map { ($0.row + rowOffset, $0.value) }
    }

    /// The checks across rows: the first row of a case gives its status and opening date; a
    /// later row gives the case's columns only as the first did, or not at all.
    func checkAcrossRows(_ scan: inout TableScan<DropoutColumn>) {
        var first: [String: (row: Int, value: DropoutRow)] = [:]
        for (row, value) in cases {
            let key = value.countyCode + " " + value.childID
            guard let earlier = first[key] else {
                first[key] = (row, value)
                if value.status == nil { scan.error(.required, .status, row: row) }
                if value.opened == nil { scan.error(.required, .opened, row: row) }
                continue
            }
            let fields = value.caseFields
            if zip(fields, earlier.value.caseFields).contains(where: { $0 != nil && $0 != $1 }) {
                scan.error(.careFile(.caseDiffers(firstRow: earlier.row)), .status, row: row)
            }
            if let visit = value.visit, let opened = earlier.value.opened, visit.date < opened {
                scan.error(.careFile(.beforeOpening(opened)), .visitDate, row: row)
            }
        }
    }
}

/// Reads the `dropouts` file (控辍保学台账) into ``Domain/DropoutCase`` values, or refuses it
/// with every problem listed.
///
/// Columns: 县区代码 `county_code` and 学籍号 `child_id` (required), 学校标识码 `school_code`,
/// 状态 `status` (疑似辍学/辍学/劝返中/已复学/已销号), 发现日期 `opened`, 结案日期 `closed`
/// (exactly when 已复学 or 已销号), 辍学原因 `reason`, and a visit: 走访日期 `visit_date`, 走访人
/// `visitor`, 走访结果 `outcome` (all three or none). One row per visit; the case's columns on
/// its first row (status and opening date required there), repeated or left empty after.
///
/// ```swift
/// let cases = try DropoutsReader().read(bytes, file: "dropouts.csv").cases
/// ```
public struct DropoutsReader: Sendable {
    public var language: Language
    var partBytes = 1 << 20

    public init(language: Language = .chinese) {
        self.language = language
    }

    /// - Throws: ``DataFileError`` with every problem, `FILE:ROW:COLUMN: message`.
    public func read(_ bytes: [UInt8], file: String, sheet: String? = nil) throws(DataFileError) -> DropoutsFile {
        try TableScan.locatedFile(bytes, file: file, sheet: sheet, language: language, into: DropoutRows(), partBytes: partBytes)
    }
}

/// A `dropouts` file: one value per row.
public typealias DropoutsFile = DataFile<LocatedRows<DropoutRow>>

extension DataFile where Content == LocatedRows<DropoutRow> {
    /// The cases, in the order of their first rows, each with its visits in date order (a
    /// refused file has none; a read one gives each case its status and opening date).
    public var cases: [DropoutCase] { DropoutCase.cases(of: content.values) }
}

extension DropoutCase {
    /// The cases the rows of a read `dropouts` file describe.
    static func cases(of rows: [DropoutRow]) -> [DropoutCase] {
        var order: [String] = [], byKey: [String: DropoutCase] = [:]
        for row in rows {
            let key = row.countyCode + " " + row.childID
            if byKey[key] == nil, let status = row.status, let opened = row.opened {
                order.append(key)
                byKey[key] = DropoutCase(childID: row.childID, countyCode: row.countyCode, schoolCode: row.schoolCode, status: status,
                                         opened: opened, closed: row.closed, reason: row.reason)
            }
            if let visit = row.visit { byKey[key]?.visits.append(visit) }
        }
        return order.map { key in
            var found = byKey[key]!
            found.visits.sort { $0.date < $1.date }
            return found
        }
    }

    /// The case as rows of a `dropouts` file: its columns and first visit on the first row,
    /// each further visit on a row of its own.
    public var rows: [DropoutRow] {
        let head = DropoutRow(countyCode: countyCode, childID: childID, schoolCode: schoolCode, status: status, opened: opened,
                              closed: closed, reason: reason, visit: visits.first)
        return [head] + visits.dropFirst().map {
            DropoutRow(countyCode: countyCode, childID: childID, schoolCode: nil, status: nil, opened: nil, closed: nil, reason: nil, visit: $0)
        }
    }
}

/// Writes `dropouts` files.
public typealias DropoutsWriter = DataFileWriter<DropoutRow>

extension DataFileWriter where Row == DropoutRow {
    /// The CSV file of `cases`, their rows (``Domain/DropoutCase/rows``) in order.
    public func write(_ cases: [DropoutCase]) throws(TextCodingError) -> [UInt8] {
        try file(cases.flatMap(\.rows), text(_:of:))
    }

    func text(_ column: DropoutColumn, of row: DropoutRow) -> String? {
        switch column {
        case .countyCode: row.countyCode
        case .childId: row.childID
        case .schoolCode: row.schoolCode
        case .status: row.status.map { Choices.dropoutStatus.name(DropoutStatus.allCases.firstIndex(of: $0)!, headers) }
        case .opened: row.opened?.text
        case .closed: row.closed?.text
        case .reason: row.reason
        case .visitDate: row.visit?.date.text
        case .visitor: row.visit?.visitor
        case .outcome: row.visit?.outcome
        }
    }
}
