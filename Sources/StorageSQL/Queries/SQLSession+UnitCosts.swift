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

    /// The purchase units and yearly capacities `county` set, in key order.
    ///
    /// - Throws: ``Storage/StoreError/isCorrupt`` for a resource this program does not know.
    func purchaseSettings(county: String) async throws -> [PurchaseSetting] {
        let rows = try await sql.select().columns("resource", "purchase_unit", "yearly_capacity").from(Tables.purchaseSettings)
            .where(SQLColumn("county_code"), .equal, SQLBind(county))
            .all()
        return try rows.flatMap { row -> [PurchaseSetting] in
            let resourceCode = try row.decode(column: "resource", as: String.self)
            guard let resource = Resource(rawValue: resourceCode) else {
                throw StoreError.corrupt("\(Tables.purchaseSettings) of \(county): unknown resource \(resourceCode)")
            }
            return try PurchaseSetting.Kind.allCases.compactMap { kind in
                try row.optional(kind.rawValue, as: Double.self).map { PurchaseSetting(resource, kind, $0) }
            }
        }.sorted { $0.key < $1.key }
    }

    /// Writes `county`'s settings after `changes` (made against what is stored): the row of
    /// each item changed holds its settings in `settings` (the new whole set), or is deleted
    /// when it has none left.
    func applyPurchaseSettingChanges(_ changes: [PurchaseSettingChange], settings: [PurchaseSetting], county: String) async throws {
        let amounts = Dictionary(settings.map { ($0.key, $0.amount) }, uniquingKeysWith: { _, later in later })
        var rows: [[SQLValue]] = []
        for resource in Set(changes.map(\.key.resource)).sorted(by: { $0.rawValue < $1.rawValue }) {
            let values = PurchaseSetting.Kind.allCases.map { amounts[PurchaseSetting.Key(resource: resource, kind: $0)] }
            if values.allSatisfy({ $0 == nil }) {
                try await sql.delete(from: Tables.purchaseSettings)
                    .where(SQLColumn("county_code"), .equal, SQLBind(county))
                    .where(SQLColumn("resource"), .equal, SQLBind(resource.rawValue))
                    .run()
            } else {
                rows.append([.text(county), .text(resource.rawValue)] + values.map { $0.map(SQLValue.double) ?? .null })
            }
        }
        try await insert(into: Tables.purchaseSettings, columns: ["county_code", "resource"] + PurchaseSetting.Kind.allCases.map(\.rawValue),
                         rows: rows, replacingOn: ["county_code", "resource"])
    }
}
