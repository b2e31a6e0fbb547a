import Domain
import Spreadsheet

/// The rows of a `children` file as ``ChildrenReader`` checks them: real birth dates, phone
/// numbers that are numbers, placements that fit the school, each child once per county and
/// year.
struct ChildRows: LocatingRows {
    private var seen = KeyedRows<Key>()
    private(set) var valueRows = ValueRows()

    private struct Key: Hashable {
        var county: String
        var year: Int
        var child: String
    }

    mutating func reserve(_ rows: Int) {
        seen.reserve(rows)
        valueRows.reserve(rows)
    }

    mutating func read(_ scan: inout TableScan<ChildColumn>, into children: inout RowValues<Child>) {
        let county = scan.text(.countyCode), year = scan.int(.year), id = scan.text(.childId)
        if let county, let year, let id { seen.note(Key(county: county, year: year, child: id), row: scan.row) }
        let born = Self.date(&scan, .birthDate)
        if let born, let year, born.year > year || born.year < year - 30 {
            scan.error(.careFile(.birthYear(born, year: year)), .birthDate)
        }
        if let phone = scan.text(.guardianPhone), !Self.isPhone(phone) { scan.error(.careFile(.phone(phone)), .guardianPhone) }
        let school = scan.text(.schoolCode)
        let disability = scan.int(.disability).map { Disability.allCases[$0] }
        let placement = scan.int(.placement).map { Placement.allCases[$0] }
        switch placement {
        case .notEnrolled? where school != nil: scan.error(.careFile(.notEnrolledAtSchool), .placement)
        case let placed? where placed != .notEnrolled && disability == nil: scan.error(.careFile(.placementWithoutDisability), .placement)
        case let placed? where (placed == .regularClass || placed == .specialSchool) && school == nil:
            scan.error(.careFile(.placementNeedsSchool(placed)), .schoolCode)
        default: break
        }
        guard !scan.rowHasErrors, let county, let year, let id, let name = scan.text(.name), let born else { return }
        func flag(_ column: ChildColumn) -> Bool { scan.int(column) == 0 }
        children.append(Child(
            id: id, name: name, gender: scan.int(.gender).map { Gender.allCases[$0] }, birthDate: born, countyCode: county, year: year,
            schoolCode: school, grade: scan.int(.grade).map { $0 + 1 }, classId: scan.text(.classId),
            leftBehind: scan.int(.leftBehind).flatMap(LeftBehind.init(rawValue:)) ?? .no, migrant: flag(.migrant),
            disability: disability, placement: placement, poverty: flag(.poverty), orphan: flag(.orphan),
            guardian: scan.text(.guardian), guardianPhone: scan.text(.guardianPhone), address: scan.text(.address),
            partner: scan.text(.partner)))
        valueRows.note(scan.row)
    }

    /// The date in text `column`, or an error there when it is none.
    static func date<Column: DataColumn>(_ scan: inout TableScan<Column>, _ column: Column) -> CalendarDate? {
        guard let text = scan.text(column) else { return nil }
        guard let date = CalendarDate(text: text) else {
            scan.error(.careFile(.date(text)), column)
            return nil
        }
        return date
    }

    /// Whether `text` is a phone number: 7 to 20 digits, with `+`, `-`, spaces or brackets
    /// between them (固话 0551-12345678, 手机 138 0000 0000, +86 …).
    static func isPhone(_ text: String) -> Bool {
        var digits = 0
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                digits += 1
            } else if !"+- ()（）".unicodeScalars.contains(scalar) {
                return false
            }
        }
        return (7...20).contains(digits)
    }

    mutating func append(_ next: ChildRows, rowOffset: Int) {
        seen.append(next.seen, rowOffset: rowOffset)
        valueRows.append(next.valueRows, rowOffset: rowOffset)
    }

    /// The check across rows: each child once per county and year.
    func checkAcrossRows(_ scan: inout TableScan<ChildColumn>) {
        for twice in seen.repeats() { scan.error(.careFile(.duplicateChild(firstRow: twice.firstRow)), .childId, row: twice.row) }
    }
}
