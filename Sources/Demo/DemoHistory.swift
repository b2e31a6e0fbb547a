import Domain

/// Earlier years for demo data, so that trends have something to show: the same schools a
/// year before, a little worse off — the county has been investing. Deterministic: the
/// change depends only on each school's position in the list.
public enum DemoHistory {
    /// The rows of the year before `rows`' year: facilities and equipment 4–8 % smaller, and every
    /// other school with one backbone teacher and one multimedia room fewer.
    public static func previousYear(of rows: [SchoolYear]) -> [SchoolYear] {
        rows.enumerated().map { index, row in
            var earlier = row
            earlier.year = row.year - 1
            let shrink = 0.92 + 0.04 * Double(index % 2)
            func less(_ value: Double?) -> Double? { value.map { ($0 * shrink * 100).rounded() / 100 } }
            earlier.facilities.teachingArea = less(row.facilities.teachingArea)
            earlier.facilities.sportsArea = less(row.facilities.sportsArea)
            earlier.facilities.equipmentValue = less(row.facilities.equipmentValue)
            if index % 2 == 0 {
                earlier.facilities.multimediaRooms = row.facilities.multimediaRooms.map { max(0, $0 - 1) }
                earlier.primary.backboneTeachers = row.primary.backboneTeachers.map { max(0, $0 - 1) }
                earlier.junior.backboneTeachers = row.junior.backboneTeachers.map { max(0, $0 - 1) }
            }
            return earlier
        }
    }
}
