import Domain

/// One valid row of a costs file.
struct CostRow: Sendable, Hashable {
    var resource: Resource
    /// `nil`: every locality.
    var locality: Locality?
    /// Yuan per unit.
    var yuan: Double
    /// The step the item is bought in, in its unit; `nil`: the default.
    var purchaseUnit: Double?
    /// The most added in one year, in its unit; `nil`: no limit.
    var yearlyCapacity: Double?
}

/// The rows of a costs file as ``UnitCostsReader`` checks them: the unit must be the item's,
/// an item is priced once per locality (or once county-wide), and a purchase unit is above 0,
/// at most ``UnitCosts/maximumPurchaseUnit``, whole for whole items and the same on every row
/// of its item (an item is bought in one step, whatever the school's locality); so is a yearly
/// capacity (county-wide), which may be 0 (none may be added: a post freeze).
struct CostRows: TableRows {
    /// Every row whose item and locality read, for duplicates.
    private var seen = KeyedRows<CostKey>()
    /// Every valid purchase unit and yearly capacity with its row, for conflicts between an
    /// item's rows.
    private var perItem: [(row: Int, column: CostColumn, resource: Resource, amount: Double)] = []

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
        let purchaseUnit = scan.decimal(.purchaseUnit)
        let capacity = scan.decimal(.yearlyCapacity)
        for (column, kind, amount) in [(CostColumn.purchaseUnit, PurchaseSetting.Kind.purchaseUnit, purchaseUnit),
                                       (.yearlyCapacity, .yearlyCapacity, capacity)] {
            guard let amount else { continue }
            if let violation = PurchaseSetting.violation(of: amount, kind, for: resource) {
                scan.error(.planFile(.purchaseSetting(violation)), column)
            } else if let resource {
                perItem.append((scan.row, column, resource, amount))
            }
        }
        if !scan.rowHasErrors, let resource, let yuan = scan.decimal(.unitCost) {
            costs.append(CostRow(resource: resource, locality: locality, yuan: yuan, purchaseUnit: purchaseUnit, yearlyCapacity: capacity))
        }
    }

    mutating func append(_ next: CostRows, rowOffset: Int) {
        seen.append(next.seen, rowOffset: rowOffset)
        perItem += next.perItem.map { ($0.row + rowOffset, $0.column, $0.resource, $0.amount) }
    }

    /// The check across rows: one price per item and locality, one purchase unit and one
    /// yearly capacity per item.
    func checkAcrossRows(_ scan: inout TableScan<CostColumn>) {
        for twice in seen.repeats() { scan.error(.planFile(.duplicateCost(firstRow: twice.firstRow)), .item, row: twice.row) }
        var first: [CostColumn: [Resource: (row: Int, amount: Double)]] = [:]
        for entry in perItem.sorted(by: { $0.row < $1.row }) {
            if let earlier = first[entry.column]?[entry.resource] {
                if earlier.amount != entry.amount {
                    let problem: PlanFileProblem = entry.column == .purchaseUnit
                        ? .conflictingPurchaseUnit(firstRow: earlier.row) : .conflictingCapacity(firstRow: earlier.row)
                    scan.error(.planFile(problem), entry.column, row: entry.row)
                }
            } else {
                first[entry.column, default: [:]][entry.resource] = (entry.row, entry.amount)
            }
        }
    }
}
