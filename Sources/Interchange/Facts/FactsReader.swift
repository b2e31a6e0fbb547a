import Domain

/// Reads the `facts` file (县级事实: `year, county_code, item, value, evidence`, or 年度,
/// 县区代码, 项目, 值, 佐证材料) against a standard, or refuses it with every problem listed.
///
/// ```swift
/// let file = try FactsReader(standard: .builtIn("quality-2017")).read(bytes, file: "facts.csv")
/// ```
///
/// Each item must be one of the standard's fact rules. A yes/no rule takes 是/否 (or yes/no,
/// true/false, 1/0); a compared rule takes a number, a percentage with or without `%`
/// (`95%` is 95).
public struct FactsReader: Sendable {
    /// The standard whose fact rules the items name.
    public var standard: Standard
    /// The language of error messages.
    public var language: Language

    /// The least bytes worth a part of their own (see ``SchoolsReader``).
    var partBytes = 1 << 20

    /// A reader for the items of `standard`, with messages in `language`.
    public init(standard: Standard, language: Language = .chinese) {
        self.standard = standard
        self.language = language
    }

    /// Reads the bytes of a `facts` file: CSV (UTF-8 with or without BOM, or GB18030) or an
    /// XLSX workbook (its first sheet, or `sheet`), told apart by their bytes.
    ///
    /// - Parameters:
    ///   - file: the name used in messages, as the user gave it.
    ///   - sheet: the worksheet to read when the file is a workbook.
    /// - Throws: ``DataFileError`` with every problem, `FILE:ROW:COLUMN: message`.
    public func read(_ bytes: [UInt8], file: String, sheet: String? = nil) throws(DataFileError) -> FactsFile {
        try TableScan.file(bytes, file: file, sheet: sheet, language: language, into: FactRows(rules: standard.facts), partBytes: partBytes)
    }
}
