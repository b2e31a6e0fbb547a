import Domain

/// The units of a county's evaluation as the school table lists them: filtered, sorted and
/// cut to one page (``CountySchoolQuery``). Ties keep the evaluation's order (stage, then
/// school code), so paging is stable.
struct CountySchoolListing {
    /// The units of the page shown.
    var units: [UnitResult]
    /// Units after filtering, on every page.
    var matching: Int
    /// The page shown (the last one when the query asked past it).
    var page: Int
    /// Pages in all (at least 1).
    var pageCount: Int

    init(result: CountyResult, standard: Standard, query: CountySchoolQuery) {
        let kept = result.units.enumerated().filter { _, unit in
            (!query.failingOnly || unit.passes == false) && (query.stage.map { unit.unit.stage == $0 } ?? true)
        }
        let sorted = kept.sorted { a, b in
            Self.ordered(a.element, b.element, by: query.sort, order: query.order, standard: standard) ?? (a.offset < b.offset)
        }
        matching = sorted.count
        pageCount = max(1, (sorted.count + CountySchoolQuery.pageSize - 1) / CountySchoolQuery.pageSize)
        page = min(query.page, pageCount)
        units = sorted.dropFirst((page - 1) * CountySchoolQuery.pageSize).prefix(CountySchoolQuery.pageSize).map(\.element)
    }

    /// Whether `a` goes before `b` on `column`; `nil` when equal or the column is unknown.
    static func ordered(_ a: UnitResult, _ b: UnitResult, by column: String?, order: PageListing.Order, standard: Standard) -> Bool? {
        guard let column else { return nil }
        switch column {
        case "name": return PageListing.ordered(a.unit.schoolName, b.unit.schoolName, order)
        case "code": return PageListing.ordered(a.unit.schoolCode, b.unit.schoolCode, order)
        case "type":
            return PageListing.ordered(Double(SchoolType.allCases.firstIndex(of: a.unit.type)!),
                                       Double(SchoolType.allCases.firstIndex(of: b.unit.type)!), order)
        case "locality":
            return PageListing.ordered(Double(Locality.allCases.firstIndex(of: a.unit.locality)!),
                                       Double(Locality.allCases.firstIndex(of: b.unit.locality)!), order)
        case "stage":
            return PageListing.ordered(Double(Stage.allCases.firstIndex(of: a.unit.stage)!),
                                       Double(Stage.allCases.firstIndex(of: b.unit.stage)!), order)
        case "students": return PageListing.ordered(Double(a.unit.students), Double(b.unit.students), order)
        case "met": return PageListing.ordered(Double(metCount(a)), Double(metCount(b)), order)
        default:
            guard let index = standard.indicators.firstIndex(where: { $0.key == column }) else { return nil }
            return PageListing.ordered(a.values[index], b.values[index], order)
        }
    }

    /// Indicators meeting their threshold.
    static func metCount(_ unit: UnitResult) -> Int {
        unit.met.count { $0 == true }
    }

    /// Whether `column` is a column the table sorts by.
    static func isColumn(_ column: String, standard: Standard) -> Bool {
        ["name", "code", "type", "locality", "stage", "students", "met"].contains(column)
            || standard.indicators.contains { $0.key == column }
    }
}
