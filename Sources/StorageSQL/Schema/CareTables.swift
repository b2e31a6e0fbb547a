import Domain
import Storage

/// The care tables (migration 11): their columns, and Domain values to and from their rows.
enum CareTables {
    static let childColumns = ["county_code", "year", "child_id"] + Child.Column.allCases.map(\.rawValue)
    static let childKey = ["county_code", "year", "child_id"]
    static let caseColumns = ["county_code", "child_id", "opened", "school_code", "status", "closed", "reason"]
    static let caseKey = ["county_code", "child_id", "opened"]
    static let visitColumns = ["county_code", "child_id", "opened", "position", "visit_date", "visitor", "outcome"]
    static let cohortColumns = ["county_code", "year", "school_code", "entrants", "graduates", "transfers_in", "transfers_out", "deaths"]

    static func values(of child: Child) -> [SQLValue] {
        [.text(child.countyCode), .integer(child.year), .text(child.id)] + Child.Column.allCases.map { SQLValue(child.text(of: $0)) }
    }

    /// A stored child, its values in ``childColumns`` order.
    ///
    /// - Throws: ``Storage/StoreError/corrupt(_:)`` when a column holds what it cannot.
    static func child(_ row: [SQLValue]) throws -> Child {
        guard row.count == childColumns.count, case .text(let county) = row[0], case .integer(let year) = row[1], case .text(let id) = row[2] else {
            throw StoreError.corrupt("\(Tables.children): a row without its key")
        }
        var values: [Child.Column: String] = [:]
        for (column, value) in zip(Child.Column.allCases, row.dropFirst(3)) {
            switch value {
            case .null: continue
            case .text(let text): values[column] = text
            default: throw StoreError.corrupt("\(Tables.children) \(county) \(year) \(id): \(column.rawValue) holds \(value)")
            }
        }
        guard let child = Child(id: id, countyCode: county, year: year, values: values) else {
            throw StoreError.corrupt("\(Tables.children) \(county) \(year) \(id): a value that is no child's")
        }
        return child
    }

    static func values(of c: DropoutCase) -> [SQLValue] {
        [.text(c.countyCode), .text(c.childID), .text(c.opened.text), SQLValue(c.schoolCode), .text(c.status.rawValue),
         SQLValue(c.closed?.text), SQLValue(c.reason)]
    }

    static func visitValues(of c: DropoutCase) -> [[SQLValue]] {
        c.visits.enumerated().map { position, visit in
            [.text(c.countyCode), .text(c.childID), .text(c.opened.text), .integer(position), .text(visit.date.text), .text(visit.visitor),
             .text(visit.outcome)]
        }
    }

    static func dropoutCase(_ row: [SQLValue]) throws -> DropoutCase {
        func text(_ i: Int) throws -> String? {
            switch row[i] {
            case .null: return nil
            case .text(let t): return t
            default: throw StoreError.corrupt("\(Tables.dropoutCases): \(caseColumns[i]) holds \(row[i])")
            }
        }
        guard row.count == caseColumns.count, let county = try text(0), let child = try text(1),
              let opened = try text(2).flatMap(CalendarDate.init(text:)), let status = try text(4).flatMap(DropoutStatus.init(rawValue:)) else {
            throw StoreError.corrupt("\(Tables.dropoutCases): a row without its key or status")
        }
        let closed = try text(5)
        guard closed == nil || CalendarDate(text: closed!) != nil else { throw StoreError.corrupt("\(Tables.dropoutCases): closed holds \(closed!)") }
        return DropoutCase(childID: child, countyCode: county, schoolCode: try text(3), status: status, opened: opened,
                           closed: closed.flatMap(CalendarDate.init(text:)), reason: try text(6))
    }

    static func values(of c: CohortRecord) -> [SQLValue] {
        [.text(c.countyCode), .integer(c.year), .text(c.schoolCode), .integer(c.entrants), c.graduates.map(SQLValue.integer) ?? .null,
         .integer(c.transfersIn), .integer(c.transfersOut), .integer(c.deaths)]
    }

    static func cohort(_ row: [SQLValue]) throws -> CohortRecord {
        guard row.count == cohortColumns.count, case .text(let county) = row[0], case .integer(let year) = row[1], case .text(let school) = row[2],
              case .integer(let entrants) = row[3], case .integer(let tin) = row[5], case .integer(let tout) = row[6],
              case .integer(let deaths) = row[7] else { throw StoreError.corrupt("\(Tables.cohorts): a row that is no cohort") }
        let graduates: Int?
        switch row[4] {
        case .null: graduates = nil
        case .integer(let n): graduates = n
        default: throw StoreError.corrupt("\(Tables.cohorts): graduates holds \(row[4])")
        }
        return CohortRecord(countyCode: county, schoolCode: school, year: year, entrants: entrants, graduates: graduates, transfersIn: tin,
                            transfersOut: tout, deaths: deaths)
    }
}
