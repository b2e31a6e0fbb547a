import Domain

/// Reads the `blocks` file (居住片区, one row per 小区 or 村) into ``ResidentialBlock``
/// values, or refuses it with every problem listed.
///
/// ```swift
/// let blocks = try BlocksReader().read(bytes, file: "blocks.csv")
/// try ZoneInputCheck().check(schools: schools, blocks: blocks, distances: nil)
/// ```
///
/// Columns (Chinese header or English key, in any order):
/// - 片区编号 `block_id`: required, once in the file;
/// - 片区名称 `block_name`: text;
/// - 县区代码 `county_code`: required, 6 digits;
/// - 经度 `longitude` / 纬度 `latitude`: decimal degrees (−180–180 / −90–90), both or
///   neither; a block without them needs rows in the distances file;
/// - 小学适龄儿童数 `children_primary`, 初中适龄儿童数 `children_junior`: whole numbers ≥ 0,
///   blank = 0;
/// - 小学随迁子女数 `migrant_primary`, 初中随迁子女数 `migrant_junior`: whole numbers ≥ 0, no
///   more than the children of the stage (they are counted among them);
/// - 现划入小学 `current_primary`, 现划入初中 `current_junior`: the school code the block is
///   zoned to today;
/// - 常住人口 `population`: whole number ≥ 0;
/// - 所属社区 `community`: a community's code or name, shared by the blocks that make it (a
///   code's length); blank: the block is a community of its own.
public struct BlocksReader: Sendable {
    /// The language of error messages.
    public var language: Language
    /// The least bytes worth a part of their own (see ``SchoolsReader``).
    var partBytes = 1 << 20

    /// A reader with messages in `language`.
    public init(language: Language = .chinese) {
        self.language = language
    }

    /// Reads the bytes of a `blocks` file: CSV (UTF-8 with or without BOM, or GB18030) or an
    /// XLSX workbook (its first sheet, or `sheet`), told apart by their bytes.
    ///
    /// - Parameters:
    ///   - file: the name used in messages, as the user gave it.
    ///   - sheet: the worksheet to read when the file is a workbook.
    /// - Throws: ``DataFileError`` with every problem, `FILE:ROW:COLUMN: message`.
    public func read(_ bytes: [UInt8], file: String, sheet: String? = nil) throws(DataFileError) -> BlocksFile {
        try TableScan.locatedFile(bytes, file: file, sheet: sheet, language: language, into: BlockRows(), partBytes: partBytes)
    }
}

/// Reads the optional `distances` file (one row per block and school or site whose way was
/// measured) into ``TravelDistance`` values, or refuses it with every problem listed.
///
/// Columns: 片区编号 `from` (required), 学校标识码或布点编号 `to` (required), and exactly one
/// of 距离（公里） `distance` (km, 0–1,000) and 用时（分钟） `minutes` (0–1,440); each pair of
/// `from` and `to` once. Whether `from` is a block and `to` a school is checked against the
/// other files by ``ZoneInputCheck``.
public struct DistancesReader: Sendable {
    /// The language of error messages.
    public var language: Language
    var partBytes = 1 << 20

    /// A reader with messages in `language`.
    public init(language: Language = .chinese) {
        self.language = language
    }

    /// Reads the bytes of a `distances` file (CSV or XLSX, as ``BlocksReader/read(_:file:sheet:)``).
    ///
    /// - Throws: ``DataFileError`` with every problem, `FILE:ROW:COLUMN: message`.
    public func read(_ bytes: [UInt8], file: String, sheet: String? = nil) throws(DataFileError) -> DistancesFile {
        try TableScan.locatedFile(bytes, file: file, sheet: sheet, language: language, into: DistanceRows(), partBytes: partBytes)
    }
}

/// Reads the `enrollment` file (分年级在校生, the history the forecast starts from) into
/// ``EnrollmentRecord`` values, or refuses it with every problem listed.
///
/// Columns, all required but the last: 年度 `year` (1949–2100), 学校标识码 `school_code`,
/// 年级 `grade` (1–9), 在校生数 `students`, 班数 `classes` (0 only without students),
/// 最大班额 `largest_class` (optional: at least ⌈students ÷ classes⌉, at most students); a
/// school's grade once a year.
public struct EnrollmentReader: Sendable {
    /// The language of error messages.
    public var language: Language
    var partBytes = 1 << 20

    /// A reader with messages in `language`.
    public init(language: Language = .chinese) {
        self.language = language
    }

    /// Reads the bytes of an `enrollment` file (CSV or XLSX, as ``BlocksReader/read(_:file:sheet:)``).
    ///
    /// - Throws: ``DataFileError`` with every problem, `FILE:ROW:COLUMN: message`.
    public func read(_ bytes: [UInt8], file: String, sheet: String? = nil) throws(DataFileError) -> EnrollmentFile {
        try TableScan.locatedFile(bytes, file: file, sheet: sheet, language: language, into: EnrollmentRows(), partBytes: partBytes)
    }
}

/// Reads the optional `births` file (出生人口) into ``BirthRecord`` values, or refuses it with
/// every problem listed.
///
/// Columns, all required: 区域代码 `area_code` (a county's or a town's code), 年度 `year`,
/// 出生人数 `births`; an area's year once.
public struct BirthsReader: Sendable {
    /// The language of error messages.
    public var language: Language
    var partBytes = 1 << 20

    /// A reader with messages in `language`.
    public init(language: Language = .chinese) {
        self.language = language
    }

    /// Reads the bytes of a `births` file (CSV or XLSX, as ``BlocksReader/read(_:file:sheet:)``).
    ///
    /// - Throws: ``DataFileError`` with every problem, `FILE:ROW:COLUMN: message`.
    public func read(_ bytes: [UInt8], file: String, sheet: String? = nil) throws(DataFileError) -> BirthsFile {
        try TableScan.locatedFile(bytes, file: file, sheet: sheet, language: language, into: BirthRows(), partBytes: partBytes)
    }
}
