import Domain

/// The rows of a `sites` file as ``SitesReader`` checks them: both coordinates or neither,
/// and 布点编号 once in the file.
struct SiteRows: LocatingRows {
    private var seen = KeyedRows<String>()
    private(set) var valueRows = ValueRows()

    mutating func reserve(_ rows: Int) {
        seen.reserve(rows)
        valueRows.reserve(rows)
    }

    mutating func read(_ scan: inout TableScan<SiteColumn>, into sites: inout RowValues<LayoutSite>) {
        let id = scan.text(.siteId)
        if let id { seen.note(id, row: scan.row) }
        if scan.isBlank(.longitude) != scan.isBlank(.latitude) {
            scan.error(.halfCoordinate, scan.isBlank(.longitude) ? .longitude : .latitude)
        }
        guard !scan.rowHasErrors, let id else { return }
        var location: Coordinate?
        if let longitude = scan.decimal(.longitude), let latitude = scan.decimal(.latitude) {
            location = Coordinate(longitude: longitude, latitude: latitude)
        }
        var capacity: [Stage: Int] = [:]
        for stage in [Stage.primary, .junior] { capacity[stage] = scan.int(SiteColumn.capacity(stage)) }
        sites.append(LayoutSite(
            id: id, name: scan.text(.siteName) ?? "", location: location, schoolCode: scan.text(.schoolCode), capacity: capacity,
            buildCost: scan.decimal(.buildCost), expandCostPerClass: scan.decimal(.expandCostPerClass),
            maxClasses: scan.int(.maxClasses), keep: scan.int(.keep) == 0))
        valueRows.note(scan.row)
    }

    mutating func append(_ next: SiteRows, rowOffset: Int) {
        seen.append(next.seen, rowOffset: rowOffset)
        valueRows.append(next.valueRows, rowOffset: rowOffset)
    }

    /// The check across rows: each 布点编号 once.
    func checkAcrossRows(_ scan: inout TableScan<SiteColumn>) {
        for twice in seen.repeats() { scan.error(.zoneFile(.duplicateSite(firstRow: twice.firstRow)), .siteId, row: twice.row) }
    }
}
