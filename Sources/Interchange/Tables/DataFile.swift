import Domain

/// A data file that passed every check: what it holds, and the problems that do not refuse
/// it (unknown columns, a parent code on a school that is not a 教学点), as
/// `FILE:ROW:COLUMN: message`.
///
/// ```swift
/// let file = try SchoolsReader().read(bytes, file: "schools.csv")
/// // file.schools: [SchoolYear]; file.warnings: ["schools.csv:1:备注: 无法识别的列，已忽略"]
/// ```
public struct DataFile<Content: Sendable & Hashable>: Sendable, Hashable {
    /// The file's values: one per data row, in file order (or the prices it sets).
    public var content: Content
    /// Problems that do not refuse the file, as `FILE:ROW:COLUMN: message`.
    public var warnings: [String]

    public init(_ content: Content, warnings: [String]) {
        self.content = content
        self.warnings = warnings
    }
}

/// A `schools` file (学校年度数据).
public typealias SchoolsFile = DataFile<[SchoolYear]>
/// A `facts` file (县级事实).
public typealias FactsFile = DataFile<[CountyFact]>
/// A `teachers` file (教师信息).
public typealias TeachersFile = DataFile<[Teacher]>
/// A budget file (年度预算).
public typealias BudgetFile = DataFile<[YearBudget]>
/// A costs file (单位成本): ``UnitCosts/defaults`` overridden by its rows.
public typealias UnitCostsFile = DataFile<UnitCosts>

extension DataFile where Content == [SchoolYear] {
    /// The schools, one per data row, in file order.
    public var schools: [SchoolYear] { content }
}

extension DataFile where Content == [CountyFact] {
    /// The facts, one per data row, in file order.
    public var facts: [CountyFact] { content }
}

extension DataFile where Content == [Teacher] {
    /// The teachers, one per data row, in file order.
    public var teachers: [Teacher] { content }
}

extension DataFile where Content == [YearBudget] {
    /// One budget per year, in file order.
    public var budgets: [YearBudget] { content }
}

extension DataFile where Content == UnitCosts {
    /// ``UnitCosts/defaults`` with the file's prices set.
    public var costs: UnitCosts { content }
}

extension TableScan {
    /// Reads a table file (CSV or a workbook's sheet, see ``read(_:file:sheet:language:into:partBytes:)``),
    /// runs the checks that need every row (unique keys), and refuses it with every problem
    /// or answers its values and warnings.
    static func file<Rows: TableRows>(
        _ bytes: [UInt8], file: String, sheet: String?, language: Language, into empty: Rows, partBytes: Int = 1 << 20
    ) throws(DataFileError) -> DataFile<[Rows.Value]> where Rows.Column == Column {
        let read = try self.read(bytes, file: file, sheet: sheet, language: language, into: empty, partBytes: partBytes)
        var scan = read.scan
        read.rows.checkAcrossRows(&scan)
        try scan.log.check()
        return DataFile(read.values, warnings: scan.log.warnings)
    }
}
