import Domain
import Spreadsheet

/// The rows of a `cohorts` file as ``CohortsReader`` checks them: counts that leave the cohort
/// between nothing and everyone, each school and graduation year once.
struct CohortRows: LocatingRows {
    private var seen = KeyedRows<Key>()
    private(set) var valueRows = ValueRows()

    private struct Key: Hashable {
        var county: String
        var school: String
        var year: Int
    }

    mutating func reserve(_ rows: Int) {
        seen.reserve(rows)
        valueRows.reserve(rows)
    }

    mutating func read(_ scan: inout TableScan<CohortColumn>, into cohorts: inout RowValues<CohortRecord>) {
        let county = scan.text(.countyCode), school = scan.text(.schoolCode), year = scan.int(.year)
        if let county, let school, let year { seen.note(Key(county: county, school: school, year: year), row: scan.row) }
        guard let entrants = scan.int(.entrants) else { return }
        let transfersIn = scan.int(.transfersIn) ?? 0, transfersOut = scan.int(.transfersOut) ?? 0, deaths = scan.int(.deaths) ?? 0
        // Who is still in the cohort at graduation: no more can graduate.
        let remaining = entrants + transfersIn - transfersOut - deaths
        if remaining < 0 {
            scan.error(.careFile(.cohortCounts), .transfersOut)
        } else if let graduates = scan.int(.graduates), graduates > remaining {
            scan.error(.careFile(.cohortCounts), .graduates)
        }
        guard !scan.rowHasErrors, let county, let school, let year else { return }
        cohorts.append(CohortRecord(countyCode: county, schoolCode: school, year: year, entrants: entrants, graduates: scan.int(.graduates),
                                    transfersIn: transfersIn, transfersOut: transfersOut, deaths: deaths))
        valueRows.note(scan.row)
    }

    mutating func append(_ next: CohortRows, rowOffset: Int) {
        seen.append(next.seen, rowOffset: rowOffset)
        valueRows.append(next.valueRows, rowOffset: rowOffset)
    }

    func checkAcrossRows(_ scan: inout TableScan<CohortColumn>) {
        for twice in seen.repeats() { scan.error(.careFile(.duplicateCohort(firstRow: twice.firstRow)), .schoolCode, row: twice.row) }
    }
}

/// Reads the `cohorts` file (初中巩固率) into ``Domain/CohortRecord`` values.
///
/// Columns: 县区代码 `county_code`, 学校标识码 `school_code`, 毕业年度 `year`, 三年前七年级入学人数
/// `grade7_entrants` (required); 毕业生数 `graduates` (empty: the school row's 初中应届毕业生数 of
/// that year), 转入人数 `transfers_in`, 转出人数 `transfers_out`, 死亡人数 `deaths` (empty: 0).
public struct CohortsReader: Sendable {
    public var language: Language
    var partBytes = 1 << 20

    public init(language: Language = .chinese) {
        self.language = language
    }

    /// - Throws: ``DataFileError`` with every problem, `FILE:ROW:COLUMN: message`.
    public func read(_ bytes: [UInt8], file: String, sheet: String? = nil) throws(DataFileError) -> CohortsFile {
        try TableScan.locatedFile(bytes, file: file, sheet: sheet, language: language, into: CohortRows(), partBytes: partBytes)
    }
}

/// A `cohorts` file.
public typealias CohortsFile = DataFile<LocatedRows<CohortRecord>>

extension DataFile where Content == LocatedRows<CohortRecord> {
    public var cohorts: [CohortRecord] { content.values }
}

/// Writes `cohorts` files.
public typealias CohortsWriter = DataFileWriter<CohortRecord>

extension DataFileWriter where Row == CohortRecord {
    public func write(_ cohorts: [CohortRecord]) throws(TextCodingError) -> [UInt8] {
        try file(cohorts, text(_:of:))
    }

    func text(_ column: CohortColumn, of cohort: CohortRecord) -> String? {
        switch column {
        case .countyCode: cohort.countyCode
        case .schoolCode: cohort.schoolCode
        case .year: String(cohort.year)
        case .entrants: String(cohort.entrants)
        case .graduates: cohort.graduates.map(String.init)
        case .transfersIn: String(cohort.transfersIn)
        case .transfersOut: String(cohort.transfersOut)
        case .deaths: String(cohort.deaths)
        }
    }
}
