import Domain

/// One valid row of a costs file.
struct CostRow: Sendable, Hashable {
    var resource: Resource
    /// `nil`: every locality.
    var locality: Locality?
    /// Yuan per unit.
    var yuan: Double
}

/// The rows of a costs file as ``UnitCostsReader`` checks them: the unit must be the item's,
/// and an item is priced once per locality (or once county-wide).
struct CostRows: TableRows {
    /// Every row whose item and locality read, for duplicates.
    private var seen = KeyedRows<CostKey>()

    /// An item's identity in the file: the resource and the locality, `nil` for county-wide.
    struct CostKey: Hashable, Sendable {
        var resource: Resource
        var locality: Locality?
    }

    mutating func reserve(_ rows: Int) {
        seen.reserve(rows)
    }

    mutating func read(_ scan: inout TableScan<CostColumn>, into costs: inout RowValues<CostRow>) {
        let resource = scan.int(.item).map { Resource.allCases[$0] }
        let locality = scan.int(.locality).map { Locality.allCases[$0] }
        if let resource, let unit = scan.text(.unit), !CostUnits.matches(unit, resource) {
            scan.error(.planFile(.wrongUnit(unit, resource)), .unit)
        }
        if let resource, locality != nil || scan.isBlank(.locality) {
            seen.note(CostKey(resource: resource, locality: locality), row: scan.row)
        }
        if !scan.rowHasErrors, let resource, let yuan = scan.decimal(.unitCost) {
            costs.append(CostRow(resource: resource, locality: locality, yuan: yuan))
        }
    }

    mutating func append(_ next: CostRows, rowOffset: Int) {
        seen.append(next.seen, rowOffset: rowOffset)
    }

    /// The check across rows: one price per item and locality.
    func checkAcrossRows(_ scan: inout TableScan<CostColumn>) {
        for twice in seen.repeats() { scan.error(.planFile(.duplicateCost(firstRow: twice.firstRow)), .item, row: twice.row) }
    }
}
