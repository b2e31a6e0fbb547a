import Domain
import SQLKit
import Storage

extension SQLSession {
    func children(county: String, year: Int) async throws -> [Child] {
        let columns = CareTables.childColumns.map(Self.quoted).joined(separator: ", ")
        let rows = try await direct.run(
            "SELECT \(columns) FROM \(Self.quoted(Tables.children)) WHERE county_code = \(flavor.placeholder(1)) AND year = \(flavor.placeholder(2)) ORDER BY child_id",
            [.text(county), .integer(year)])
        return try rows.map(CareTables.child)
    }

    /// Deletes the removed children of `changes` and upserts the added and changed ones.
    func applyChildChanges(_ changes: CareDataChanges, county: String, year: Int) async throws {
        let removed = changes.removedIDs
        for start in stride(from: 0, to: removed.count, by: valuesPerList) {
            let chunk = removed[start..<min(start + valuesPerList, removed.count)]
            let list = chunk.indices.map { flavor.placeholder($0 - start + 3) }.joined(separator: ", ")
            _ = try await direct.run(
                "DELETE FROM \(Self.quoted(Tables.children)) WHERE county_code = \(flavor.placeholder(1)) AND year = \(flavor.placeholder(2)) AND child_id IN (\(list))",
                [.text(county), .integer(year)] + chunk.map(SQLValue.text))
        }
        try await insert(into: Tables.children, columns: CareTables.childColumns, rows: changes.written.map(CareTables.values(of:)),
                         replacingOn: CareTables.childKey)
    }

    func dropoutCases(county: String) async throws -> [DropoutCase] {
        let cases = try await direct.run(
            "SELECT \(CareTables.caseColumns.map(Self.quoted).joined(separator: ", ")) FROM \(Self.quoted(Tables.dropoutCases)) "
                + "WHERE county_code = \(flavor.placeholder(1)) ORDER BY child_id, opened", [.text(county)])
        let visits = try await direct.run(
            "SELECT child_id, opened, visit_date, visitor, outcome FROM \(Self.quoted(Tables.dropoutVisits)) "
                + "WHERE county_code = \(flavor.placeholder(1)) ORDER BY child_id, opened, position", [.text(county)])
        var byCase: [String: [FollowUp]] = [:]
        for row in visits {
            guard row.count == 5, case .text(let child) = row[0], case .text(let opened) = row[1], case .text(let date) = row[2],
                  let day = CalendarDate(text: date), case .text(let visitor) = row[3], case .text(let outcome) = row[4] else {
                throw StoreError.corrupt("\(Tables.dropoutVisits): a row that is no visit")
            }
            byCase["\(child) \(opened)", default: []].append(FollowUp(date: day, visitor: visitor, outcome: outcome))
        }
        return try cases.map { row in
            var c = try CareTables.dropoutCase(row)
            c.visits = byCase["\(c.childID) \(c.opened.text)"] ?? []
            return c
        }
    }

    /// Writes `c` over the stored case with its key, visits and all.
    func saveDropoutCase(_ c: DropoutCase) async throws {
        try await insert(into: Tables.dropoutCases, columns: CareTables.caseColumns, rows: [CareTables.values(of: c)], replacingOn: CareTables.caseKey)
        _ = try await direct.run(
            "DELETE FROM \(Self.quoted(Tables.dropoutVisits)) WHERE county_code = \(flavor.placeholder(1)) AND child_id = \(flavor.placeholder(2)) AND opened = \(flavor.placeholder(3))",
            [.text(c.countyCode), .text(c.childID), .text(c.opened.text)])
        try await insert(into: Tables.dropoutVisits, columns: CareTables.visitColumns, rows: CareTables.visitValues(of: c))
    }

    func cohorts(county: String, year: Int? = nil) async throws -> [CohortRecord] {
        let filter = year == nil ? "" : " AND year = \(flavor.placeholder(2))"
        let rows = try await direct.run(
            "SELECT \(CareTables.cohortColumns.map(Self.quoted).joined(separator: ", ")) FROM \(Self.quoted(Tables.cohorts)) "
                + "WHERE county_code = \(flavor.placeholder(1))\(filter) ORDER BY year, school_code",
            [.text(county)] + (year.map { [SQLValue.integer($0)] } ?? []))
        return try rows.map(CareTables.cohort)
    }

    func replaceCohorts(county: String, year: Int, cohorts: [CohortRecord]) async throws {
        _ = try await direct.run(
            "DELETE FROM \(Self.quoted(Tables.cohorts)) WHERE county_code = \(flavor.placeholder(1)) AND year = \(flavor.placeholder(2))",
            [.text(county), .integer(year)])
        try await insert(into: Tables.cohorts, columns: CareTables.cohortColumns, rows: cohorts.map(CareTables.values(of:)))
    }
}
