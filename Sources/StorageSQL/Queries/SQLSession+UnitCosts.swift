import Domain
import SQLKit
import Storage

extension SQLSession {
    /// The prices `county` set, in key order.
    ///
    /// - Throws: ``Storage/StoreError/isCorrupt`` for a resource or locality this program does not know.
    func unitCostPrices(county: String) async throws -> [UnitCostPrice] {
        let rows = try await sql.select().columns("resource", "locality", "yuan").from(Tables.unitCosts)
            .where(SQLColumn("county_code"), .equal, SQLBind(county))
            .all()
        return try rows.map { row in
            let resourceCode = try row.decode(column: "resource", as: String.self)
            let localityCode = try row.decode(column: "locality", as: String.self)
            guard let resource = Resource(rawValue: resourceCode) else {
                throw StoreError.corrupt("\(Tables.unitCosts) of \(county): unknown resource \(resourceCode)")
            }
            let locality = Locality(rawValue: localityCode)
            guard locality != nil || localityCode.isEmpty else {
                throw StoreError.corrupt("\(Tables.unitCosts) of \(county): unknown locality \(localityCode)")
            }
            return UnitCostPrice(resource, in: locality, yuan: try row.decode(column: "yuan", as: Double.self))
        }.sorted { $0.key < $1.key }
    }

    /// Writes each change of `county`'s prices: deletes the removed ones, upserts the others.
    func applyUnitCostChanges(_ changes: [UnitCostChange], county: String) async throws {
        for change in changes where change.new == nil {
            try await sql.delete(from: Tables.unitCosts)
                .where(SQLColumn("county_code"), .equal, SQLBind(county))
                .where(SQLColumn("resource"), .equal, SQLBind(change.key.resource.rawValue))
                .where(SQLColumn("locality"), .equal, SQLBind(change.key.locality?.rawValue ?? ""))
                .run()
        }
        let rows: [[SQLValue]] = changes.compactMap { change in
            change.new.map { [.text(county), .text(change.key.resource.rawValue), .text(change.key.locality?.rawValue ?? ""), .double($0)] }
        }
        try await insert(into: Tables.unitCosts, columns: ["county_code", "resource", "locality", "yuan"], rows: rows,
                         replacingOn: ["county_code", "resource", "locality"])
    }
}
