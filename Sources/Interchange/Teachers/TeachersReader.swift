import Domain

/// Reads the `teachers` file (教师信息, one row per teacher) into ``Teacher`` values, or
/// refuses it with every problem listed.
///
/// ```swift
/// let file = try TeachersReader(referenceYear: 2025).read(bytes, file: "teachers.csv")
/// let differences = TeacherCountDifference.between(schools, file.teachers)
/// ```
///
/// Columns (Chinese header or English key, in any order):
/// - 教师编号 `teacher_id`: text, once in the file;
/// - 学校标识码 `school_code`: text, as in the `schools` file;
/// - 任教学段 `stage`: 小学/初中 (`primary`/`junior`);
/// - 任教学科 `subject`: any subject; official names (语文, 体育 …) or keys (`chinese`,
///   `physical_education` …) become ``Subject`` cases, others are kept as written;
/// - 性别 `gender`: 男/女 (`male`/`female`);
/// - 出生年份 `birth_year`: 1940–2010;
/// - 最高学历 `qualification`: 高中及以下/中专/专科/本科/研究生 (or the keys of ``Qualification``);
/// - 职称 `title`: 未评/初级/中级/高级/正高级 (or the keys of ``Title``);
/// - 骨干教师级别 `backbone`: 无/县级/市级/省级 (or the keys), blank = 无;
/// - 本校任教年限 `years_at_school` and 农村学校任教年限 `rural_service_years`: whole years,
///   0–50, and no more than the teacher's age in the reference year less 18;
/// - 是否校长 `principal`: 是/否, blank = 否;
/// - 暂缓交流 `exemption`: blank, or 孕期哺乳期/重病/其他 (`pregnancy`/`illness`/`other`),
///   several separated by 、 or `;`.
///
/// The file has no year column: ages are counted in ``referenceYear``, the year of the data
/// the teachers go with.
public struct TeachersReader: Sendable {
    /// The year ages are counted in: the data year (school year start) of the teachers.
    public var referenceYear: Int
    /// The language of error messages.
    public var language: Language

    /// The least bytes worth a part of their own (see ``SchoolsReader``).
    var partBytes = 1 << 20

    /// A reader counting ages in `referenceYear` (the data year), with messages in `language`.
    public init(referenceYear: Int, language: Language = .chinese) {
        self.referenceYear = referenceYear
        self.language = language
    }

    /// Reads the bytes of a `teachers` file: CSV (UTF-8 with or without BOM, or GB18030) or an
    /// XLSX workbook (its first sheet, or `sheet`), told apart by their bytes.
    ///
    /// - Parameters:
    ///   - file: the name used in messages, as the user gave it.
    ///   - sheet: the worksheet to read when the file is a workbook.
    /// - Throws: ``DataFileError`` with every problem, `FILE:ROW:COLUMN: message`.
    public func read(_ bytes: [UInt8], file: String, sheet: String? = nil) throws(DataFileError) -> TeachersFile {
        try TableScan.file(bytes, file: file, sheet: sheet, language: language, into: TeacherRows(referenceYear: referenceYear), partBytes: partBytes)
    }
}
