import Domain

/// Which school units of a county's evaluation a listing shows, and in what order: all of
/// them or one stage's, all or only those failing the school rule, sorted by a column of the
/// units table (``EvaluationReport/unitsTable(_:of:)``) or in the evaluation's order
/// (stage, then school code). Ties keep the evaluation's order, so pages of a listing never
/// overlap.
///
/// ```swift
/// let largest = UnitSelection(sortedBy: "students", order: .descending).units(of: result, standard: standard)
/// ```
public struct UnitSelection: Sendable, Hashable {
    /// Only units of this stage.
    public var stage: Stage?
    /// Only units failing the school rule.
    public var failingOnly: Bool
    /// The column sorted by, by key: `name`, `code`, `type`, `locality`, `stage`, `students`,
    /// `met` or an indicator's key; `nil` or an unknown key keeps the evaluation's order.
    public var sortedBy: String?
    /// The order of the sort; `nil` is ascending, left unsaid (a link to a column's default order).
    public var order: ListingOrder?

    public init(stage: Stage? = nil, failingOnly: Bool = false, sortedBy: String? = nil, order: ListingOrder? = nil) {
        self.stage = stage
        self.failingOnly = failingOnly
        self.sortedBy = sortedBy
        self.order = order
    }

    /// The units of `result` chosen, in order.
    public func units(of result: CountyResult, standard: Standard) -> [UnitResult] {
        let kept = result.units.enumerated().filter { _, unit in
            (!failingOnly || unit.passes == false) && (stage.map { unit.unit.stage == $0 } ?? true)
        }
        guard let column = sortedBy else { return kept.map(\.element) }
        let order = order ?? .ascending
        let indicator = standard.indicators.firstIndex { $0.key == column }
        return kept.sorted { a, b in
            Self.precedes(a.element, b.element, by: column, indicator: indicator, order: order) ?? (a.offset < b.offset)
        }.map(\.element)
    }

    /// Whether `a` goes before `b` on `column`; `nil` when equal or the column is unknown.
    private static func precedes(_ a: UnitResult, _ b: UnitResult, by column: String, indicator: Int?, order: ListingOrder) -> Bool? {
        func position<T: CaseIterable & Equatable>(_ value: T) -> Double? {
            T.allCases.firstIndex(of: value).map { Double(T.allCases.distance(from: T.allCases.startIndex, to: $0)) }
        }
        switch column {
        case "name": return order.precedes(a.unit.schoolName, b.unit.schoolName)
        case "code": return order.precedes(a.unit.schoolCode, b.unit.schoolCode)
        case "type": return order.precedes(position(a.unit.type), position(b.unit.type))
        case "locality": return order.precedes(position(a.unit.locality), position(b.unit.locality))
        case "stage": return order.precedes(position(a.unit.stage), position(b.unit.stage))
        case "students": return order.precedes(Double(a.unit.students), Double(b.unit.students))
        case "met": return order.precedes(Double(a.metCount), Double(b.metCount))
        default:
            guard let indicator else { return nil }
            return order.precedes(a.values[indicator], b.values[indicator])
        }
    }
}

/// One page of a ``UnitSelection``: its units, how many match on every page, and where the
/// page stands.
public struct UnitListing: Sendable {
    /// The units of the page shown.
    public var units: [UnitResult]
    /// Units chosen, on every page.
    public var matching: Int
    /// The page shown, from 1 (the last one when asked past it).
    public var page: Int
    /// Pages in all (at least 1).
    public var pageCount: Int

    /// Page `page` (from 1) of `selection` in `result`, `pageSize` units a page.
    public init(_ result: CountyResult, standard: Standard, selection: UnitSelection, page: Int, pageSize: Int) {
        let chosen = selection.units(of: result, standard: standard)
        matching = chosen.count
        pageCount = max(1, (chosen.count + pageSize - 1) / pageSize)
        self.page = min(max(page, 1), pageCount)
        units = Array(chosen.dropFirst((self.page - 1) * pageSize).prefix(pageSize))
    }
}

extension UnitResult {
    /// Indicators meeting their threshold.
    var metCount: Int { met.count { $0 == true } }
}
