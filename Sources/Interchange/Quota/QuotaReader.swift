import Domain
import Spreadsheet

/// Reads the `quota` file (优质高中招生名额分配到校) into ``HighSchoolQuota`` values, or refuses
/// it with every problem listed.
///
/// Columns (Chinese header or English key, in any order): 县区代码 `county_code` (the county
/// whose junior schools share the places; empty: every junior school of the year, as a city
/// that allocates across counties does), 高中学校 `high_school` (required; a code or name),
/// 年度 `year` (required: the year of the graduates), 招生计划数 `total_places` (required, at
/// most 100,000), 分配比例 `allocated_share` (required: `0.6` or `60%`), 每校最少名额
/// `min_per_school` (at most 1,000), 农村学校倾斜系数 `rural_weight` (at most 10). Each
/// (county, high school, year) once; the plans together at most 1,000,000 places.
///
/// ```swift
/// let quotas = try QuotaReader().read(bytes, file: "quota.csv").quotas
/// ```
public struct QuotaReader: Sendable {
    /// The language of error messages.
    public var language: Language
    var partBytes = 1 << 20

    /// A reader with messages in `language`.
    public init(language: Language = .chinese) {
        self.language = language
    }

    /// Reads the bytes of a `quota` file: CSV (UTF-8 with or without BOM, or GB18030) or an
    /// XLSX workbook (its first sheet, or `sheet`).
    ///
    /// - Throws: ``DataFileError`` with every problem, `FILE:ROW:COLUMN: message`.
    public func read(_ bytes: [UInt8], file: String, sheet: String? = nil) throws(DataFileError) -> QuotaFile {
        try TableScan.locatedFile(bytes, file: file, sheet: sheet, language: language, into: QuotaRows(), partBytes: partBytes)
    }
}

/// A `quota` file.
public typealias QuotaFile = DataFile<LocatedRows<HighSchoolQuota>>

extension DataFile where Content == LocatedRows<HighSchoolQuota> {
    /// The quotas, one per data row, in file order.
    public var quotas: [HighSchoolQuota] { content.values }
}

/// Writes `quota` files.
public typealias QuotaWriter = DataFileWriter<HighSchoolQuota>

extension DataFileWriter where Row == HighSchoolQuota {
    /// The CSV file of `quotas`, one row each, in order.
    ///
    /// - Throws: ``TextCodingError`` only for GB18030 on a system that cannot encode it.
    public func write(_ quotas: [HighSchoolQuota]) throws(TextCodingError) -> [UInt8] {
        try file(quotas, text(_:of:))
    }

    func text(_ column: QuotaColumn, of quota: HighSchoolQuota) -> String? {
        switch column {
        case .countyCode: quota.countyCode
        case .highSchool: quota.highSchool
        case .year: String(quota.year)
        case .totalPlaces: String(quota.totalPlaces)
        case .allocatedShare: DecimalNumber.text(quota.allocatedShare)
        case .minimumPerSchool: quota.minimumPerSchool.map(String.init)
        case .ruralWeight: quota.ruralWeight.map { DecimalNumber.text($0) }
        }
    }
}
