import Domain

/// Reads the `schools` file (学校年度数据, one row per school per year) into ``SchoolYear``
/// values, or refuses it with every problem listed.
///
/// ```swift
/// let file = try SchoolsReader().read(bytes, file: "schools.csv")
/// // file.schools: [SchoolYear]; file.warnings: ["schools.csv:1:备注: 无法识别的列，已忽略"]
/// ```
///
/// Beyond each cell's type and range it checks what makes the evaluation meaningful: the
/// figures each school type must report, no teachers without students (有教师无学生), no
/// subset of teachers larger than all of them, unique school codes within a year, and a
/// parent school for every 教学点.
public struct SchoolsReader: Sendable {
    /// The language of error messages.
    public var language: Language

    /// The least bytes worth a part of their own: large files are read in parts at once,
    /// one per processor core.
    var partBytes = 1 << 20

    /// A reader whose messages are in `language` (Chinese by default).
    public init(language: Language = .chinese) {
        self.language = language
    }

    /// Reads the bytes of a `schools` file: CSV (UTF-8 with or without BOM, or GB18030) or an
    /// XLSX workbook (its first sheet, or `sheet`), told apart by their bytes.
    ///
    /// - Parameters:
    ///   - file: the name used in messages, as the user gave it.
    ///   - sheet: the worksheet to read when the file is a workbook.
    /// - Throws: ``DataFileError`` with every problem, `FILE:ROW:COLUMN: message`.
    public func read(_ bytes: [UInt8], file: String, sheet: String? = nil) throws(DataFileError) -> SchoolsFile {
        try TableScan.file(bytes, file: file, sheet: sheet, language: language, into: SchoolRows(), partBytes: partBytes)
    }
}
