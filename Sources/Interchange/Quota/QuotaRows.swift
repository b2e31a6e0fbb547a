import Domain
import Spreadsheet

/// The rows of a `quota` file as ``QuotaReader`` checks them: bounded plans, a share as a
/// fraction or a percentage, each (county, high school, year) once.
struct QuotaRows: LocatingRows {
    /// The most places one high school's plan may hold: far above any county's, and small
    /// enough that sharing it among thousands of junior schools stays quick (the
    /// apportionment takes places × schools steps).
    static let largestPlan = 100_000
    /// The most places the whole file may hold.
    static let largestFile = 1_000_000
    /// The most places a school may be promised at least.
    static let largestMinimum = 1_000
    /// The largest rural weight: a rural pupil counted 11 times is already beyond any policy.
    static let largestRuralWeight = 10.0

    private var seen = KeyedRows<Key>()
    private(set) var valueRows = ValueRows()
    private var places = 0

    private struct Key: Hashable {
        var county: String?
        var highSchool: String
        var year: Int
    }

    mutating func reserve(_ rows: Int) {
        seen.reserve(rows)
        valueRows.reserve(rows)
    }

    mutating func read(_ scan: inout TableScan<QuotaColumn>, into quotas: inout RowValues<HighSchoolQuota>) {
        let county = scan.text(.countyCode), highSchool = scan.text(.highSchool), year = scan.int(.year)
        if let highSchool, let year { seen.note(Key(county: county, highSchool: highSchool, year: year), row: scan.row) }
        if let total = scan.int(.totalPlaces) {
            if total > Self.largestPlan {
                scan.error(.quotaFile(.placesAboveLimit(Self.largestPlan)), .totalPlaces)
            } else {
                places += total
                if places > Self.largestFile, places - total <= Self.largestFile { scan.error(.quotaFile(.fileAboveLimit), .totalPlaces) }
            }
        }
        let shareText = scan.text(.allocatedShare)
        let share = shareText.flatMap(Self.share)
        if let shareText, share == nil { scan.error(.quotaFile(.share(shareText)), .allocatedShare) }
        if let minimum = scan.int(.minimumPerSchool), minimum > Self.largestMinimum {
            scan.error(.quotaFile(.minimumAboveLimit(Self.largestMinimum)), .minimumPerSchool)
        }
        if let weight = scan.decimal(.ruralWeight), weight > Self.largestRuralWeight {
            scan.error(.quotaFile(.ruralWeightAboveLimit), .ruralWeight)
        }
        guard !scan.rowHasErrors, let highSchool, let year, let total = scan.int(.totalPlaces), let share else { return }
        quotas.append(HighSchoolQuota(countyCode: county, highSchool: highSchool, year: year, totalPlaces: total, allocatedShare: share,
                                      minimumPerSchool: scan.int(.minimumPerSchool), ruralWeight: scan.decimal(.ruralWeight)))
        valueRows.note(scan.row)
    }

    /// 分配比例 as a fraction: `0.6`, `1`, `60%` or `60％` (a percentage from 0 to 100); `nil`
    /// for anything else, a bare number above 1 included — 60 could mean 60 % or a typo, so
    /// the message says what to write.
    static func share(_ text: String) -> Double? {
        var digits = text
        var percent = false
        if let last = digits.last, last == "%" || last == "％" {
            digits.removeLast()
            percent = true
        }
        guard let value = digits.withUTF8(DecimalNumber.decimal), value.isFinite else { return nil }
        let fraction = percent ? value / 100 : value
        return (0...1).contains(fraction) ? fraction : nil
    }

    mutating func append(_ next: QuotaRows, rowOffset: Int) {
        seen.append(next.seen, rowOffset: rowOffset)
        valueRows.append(next.valueRows, rowOffset: rowOffset)
        places += next.places
    }

    /// The check across rows: each (county, high school, year) once.
    func checkAcrossRows(_ scan: inout TableScan<QuotaColumn>) {
        for twice in seen.repeats() { scan.error(.quotaFile(.duplicateQuota(firstRow: twice.firstRow)), .highSchool, row: twice.row) }
    }
}
