import Domain
import Spreadsheet

/// Reads the `children` file (儿童登记) into ``Domain/Child`` values, or refuses it with every
/// problem listed.
///
/// Columns (Chinese header or English key, in any order): 县区代码 `county_code`, 年度 `year`,
/// 学籍号 `child_id`, 姓名 `name` and 出生日期 `birth_date` (`2012-03-05`, `2012/3/5`,
/// `2012年3月5日` or `20120305`) are required; 性别 `gender`, 学校标识码 `school_code` (empty:
/// not enrolled), 年级 `grade` (一年级…九年级 or 1–9, 初一…初三), 班级 `class`, 是否留守儿童
/// `left_behind` (否/单亲外出/双亲外出 or 0/1/2), 是否随迁子女 `migrant`, 残疾类型 `disability`
/// (视力/听力/言语/肢体/智力/精神/多重), 安置方式 `placement` (随班就读/特殊教育学校/送教上门/未入学),
/// 家庭经济困难 `poverty`, 孤儿 `orphan`, 监护人 `guardian`, 联系电话 `guardian_phone`, 家庭住址
/// `address`, 结对教师 `partner` (教师编号). Each child once per county and year.
///
/// Which schools exist is checked against the schools file by ``CareInputCheck``.
///
/// ```swift
/// let children = try ChildrenReader().read(bytes, file: "children.csv").children
/// ```
public struct ChildrenReader: Sendable {
    /// The language of error messages.
    public var language: Language
    var partBytes = 1 << 20

    public init(language: Language = .chinese) {
        self.language = language
    }

    /// Reads the bytes of a `children` file: CSV (UTF-8 with or without BOM, or GB18030) or
    /// an XLSX workbook (its first sheet, or `sheet`).
    ///
    /// - Throws: ``DataFileError`` with every problem, `FILE:ROW:COLUMN: message`.
    public func read(_ bytes: [UInt8], file: String, sheet: String? = nil) throws(DataFileError) -> ChildrenFile {
        try TableScan.locatedFile(bytes, file: file, sheet: sheet, language: language, into: ChildRows(), partBytes: partBytes)
    }
}

/// A `children` file.
public typealias ChildrenFile = DataFile<LocatedRows<Child>>

extension DataFile where Content == LocatedRows<Child> {
    /// The children, one per data row, in file order.
    public var children: [Child] { content.values }
}

/// Writes `children` files.
public typealias ChildrenWriter = DataFileWriter<Child>

extension DataFileWriter where Row == Child {
    /// The CSV file of `children`, one row each, in order — as given: masking is the caller's
    /// (``Domain/Child/masked``), decided by who asked.
    ///
    /// - Throws: ``TextCodingError`` only for GB18030 on a system that cannot encode it.
    public func write(_ children: [Child]) throws(TextCodingError) -> [UInt8] {
        try file(children, text(_:of:))
    }

    func text(_ column: ChildColumn, of child: Child) -> String? {
        switch column {
        case .countyCode: return child.countyCode
        case .year: return String(child.year)
        case .childId: return child.id
        case .gender: return child.gender.map { Choices.gender.name(Gender.allCases.firstIndex(of: $0)!, headers) }
        case .grade: return child.grade.map { Choices.grade.name($0 - 1, headers) }
        case .leftBehind: return Choices.leftBehind.name(child.leftBehind.rawValue, headers)
        case .migrant: return Choices.answer(child.migrant, headers)
        case .poverty: return Choices.answer(child.poverty, headers)
        case .orphan: return Choices.answer(child.orphan, headers)
        case .disability: return child.disability.map { Choices.disability.name(Disability.allCases.firstIndex(of: $0)!, headers) }
        case .placement: return child.placement.map { Choices.placement.name(Placement.allCases.firstIndex(of: $0)!, headers) }
        default: return child.text(of: column.value!)
        }
    }
}
