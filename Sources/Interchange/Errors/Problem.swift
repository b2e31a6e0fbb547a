import Domain
import Spreadsheet

/// Everything a data file can get wrong, with its message in both languages. The messages
/// name the rule broken, in the official terms of the Chinese headers.
enum Problem: Sendable {
    /// Bytes that are neither UTF-8 nor GB18030.
    case undecodable
    /// No GB18030 converter on this system.
    case gb18030Unavailable
    /// Not even a header row.
    case emptyFile
    /// A quoted cell that never closes.
    case unterminatedQuote
    /// `"abc"def`: text after a closing quote.
    case textAfterQuote
    /// More non-empty cells than header columns.
    case extraCells(headerColumns: Int)
    /// A required column absent from the header.
    case missingColumn
    /// A column given twice; `first` is the 1-based position of the first.
    case duplicateColumn(first: Int)
    /// A header that names no known column (warning).
    case unknownColumn
    /// An empty cell in a required column.
    case required
    /// Text in a number column.
    case notANumber(String)
    /// A fraction in a count column.
    case notWholeNumber(String)
    /// A negative count, area or amount.
    case negative
    /// A count beyond what a record holds (``StoredCount/maximum``).
    case tooLarge
    /// An area or amount above ``ColumnKind/maximumAmount``.
    case amountTooLarge
    /// Text longer than its column allows.
    case textTooLong(limit: Int)
    /// A year outside 1949…2100.
    case yearOutOfRange(Int)
    /// A county code that is not 6 digits.
    case countyCode(String)
    /// A coordinate outside its range.
    case outOfRange(ClosedRange<Double>)
    /// Only one of longitude and latitude.
    case halfCoordinate
    /// A value outside an enumeration.
    case unknownChoice(String, Choices)
    /// A workbook cell holding an error value such as `#DIV/0!`; `cell` is its reference.
    case cellError(String, cell: String)
    /// A workbook cell with a formula but no calculated value (saved without calculating).
    case formulaWithoutValue(String, cell: String)
    /// The second row of a school code within a year.
    case duplicateSchool(year: Int, firstRow: Int)
    /// A column the school type needs, left empty.
    case stageRequired(SchoolType, SchoolColumn)
    /// Teachers of a stage without students of that stage (有教师无学生).
    case teachersWithoutStudents(students: SchoolColumn)
    /// A subset of a stage's teachers larger than all of them.
    case exceedsColumn(SchoolColumn)
    /// 寄宿生数 or 随班就读学生数 above the pupils they are part of (their sum, given).
    case exceedsPupils(Int)
    /// A 教学点 without a valid parent school.
    case teachingPointWithoutParent
    /// A parent code on a school that is not a 教学点 (warning).
    case parentOfNonTeachingPoint
    /// A facts item the standard does not have.
    case unknownItem(String, suggestion: String?)
    /// A second row for the same year, county and item.
    case duplicateFact(firstRow: Int)
    /// A problem of a plan input file (costs, budget); see ``PlanFileProblem``.
    case planFile(PlanFileProblem)
    /// A problem of a `teachers` file (birth year, service years, duplicates); see
    /// ``TeacherFileProblem``.
    case teacherFile(TeacherFileProblem)
    /// A problem of a zoning or forecast file (blocks, distances, enrollment, births); see
    /// ``ZoneFileProblem``.
    case zoneFile(ZoneFileProblem)
    /// A problem of a `quota` file or of the schools it is shared among; see ``QuotaFileProblem``.
    case quotaFile(QuotaFileProblem)
    case careFile(CareFileProblem)

    /// The message in `language`.
    func message(in language: Language) -> String {
        let zh = language == .chinese
        switch self {
        case .undecodable:
            return zh ? "文件既不是UTF-8也不是GB18030编码（本行有无法识别的字节）" : "not UTF-8 or GB18030 text (undecodable bytes on this line)"
        case .gb18030Unavailable:
            return zh ? "文件不是UTF-8编码，本系统又无法解码GB18030（iconv不可用）" : "not UTF-8, and GB18030 decoding is unavailable on this system (iconv)"
        case .emptyFile:
            return zh ? "文件为空，缺少表头行" : "empty file: no header row"
        case .unterminatedQuote:
            return zh ? "引号未闭合" : "unterminated quoted cell"
        case .textAfterQuote:
            return zh ? "右引号后还有内容（单元格内的引号须写成两个引号）" : "text after a closing quote (write a quote inside a quoted cell as two quotes)"
        case let .extraCells(count):
            return zh ? "本行的单元格多于表头的\(count)列" : "more cells than the \(count) header columns"
        case .missingColumn:
            return zh ? "缺少必填列" : "required column is missing"
        case let .duplicateColumn(first):
            return zh ? "与第\(first)列重复" : "duplicate of column \(first)"
        case .unknownColumn:
            return zh ? "无法识别的列，已忽略" : "unknown column, ignored"
        case .required:
            return zh ? "必填项为空" : "required value is empty"
        case let .notANumber(text):
            return zh ? "“\(MessageText.excerpt(text))”不是数字" : "'\(MessageText.excerpt(text))' is not a number"
        case let .notWholeNumber(text):
            return zh ? "“\(MessageText.excerpt(text))”不是整数" : "'\(MessageText.excerpt(text))' is not a whole number"
        case .negative:
            return zh ? "不能为负数" : "must not be negative"
        case .tooLarge:
            return zh ? "数值过大（不能超过 \(StoredCount.maximum)）" : "too large (at most \(StoredCount.maximum))"
        case .amountTooLarge:
            return zh ? "数值过大（不能超过 1000000000000）" : "too large (at most 1000000000000)"
        case let .textTooLong(limit):
            return zh ? "文字过长（不能超过\(limit)个字符）" : "too long (at most \(limit) characters)"
        case let .yearOutOfRange(year):
            return zh ? "年度\(year)不在1949至2100之间" : "year \(year) is not between 1949 and 2100"
        case let .countyCode(text):
            return zh ? "县区代码“\(MessageText.excerpt(text))”不是6位数字" : "county code '\(MessageText.excerpt(text))' is not 6 digits"
        case let .outOfRange(range):
            let low = DecimalNumber.text(range.lowerBound), high = DecimalNumber.text(range.upperBound)
            return zh ? "须在\(low)至\(high)之间" : "must be between \(low) and \(high)"
        case .halfCoordinate:
            return zh ? "经度和纬度须同时填写或同时留空" : "fill both longitude and latitude, or neither"
        case let .unknownChoice(text, choices):
            let pairs = zip(choices.chineseNames, choices.englishNames)
            return zh
                ? "无法识别的取值“\(MessageText.excerpt(text))”，可填：\(pairs.map { "\($0)（\($1)）" }.joined(separator: "、"))"
                : "unknown value '\(MessageText.excerpt(text))'; accepted: \(pairs.map { "\($1) (\($0))" }.joined(separator: ", "))"
        case let .cellError(value, cell):
            return zh ? "单元格\(cell)是错误值\(MessageText.excerpt(value))，请填写数值" : "cell \(cell) holds the error value \(MessageText.excerpt(value))"
        case let .formulaWithoutValue(formula, cell):
            return zh
                ? "单元格\(cell)的公式“=\(MessageText.excerpt(formula))”没有计算结果（请在Excel中重新计算并保存，或改为填写数值）"
                : "cell \(cell) has the formula '=\(MessageText.excerpt(formula))' but no calculated value (recalculate and save it, or enter the value)"
        case let .duplicateSchool(year, firstRow):
            return zh ? "学校标识码在\(year)年度重复，首次出现在第\(firstRow)行" : "duplicate school_code in \(year), first on row \(firstRow)"
        case let .stageRequired(type, column):
            return zh ? "\(type.chineseName)必须填写\(column.chineseHeader)" : "\(type.rawValue) schools must report \(column.key)"
        case let .teachersWithoutStudents(students):
            return zh ? "有教师无学生：\(students.chineseHeader)为0或未填" : "teachers without students: \(students.key) is 0 or empty"
        case let .exceedsColumn(teachers):
            return zh ? "不能多于\(teachers.chineseHeader)" : "greater than \(teachers.key)"
        case let .exceedsPupils(pupils):
            return zh ? "不能多于学校的在校生数（\(pupils)人）" : "greater than the school's students (\(pupils))"
        case .teachingPointWithoutParent:
            return zh
                ? "教学点缺少所属学校：所属学校标识码须为同一年度、同一县区含小学学段的另一所学校"
                : "teaching point without a parent: parent_school_code must be another school of the same year and county with a primary stage"
        case .parentOfNonTeachingPoint:
            return zh ? "只有教学点才有所属学校标识码" : "only teaching points have a parent school"
        case let .unknownItem(item, suggestion):
            let hint = suggestion.map { zh ? "，是否为“\($0)”？" : "; did you mean '\($0)'?" } ?? ""
            return zh ? "评估办法中没有项目“\(MessageText.excerpt(item))”\(hint)" : "the standard has no item '\(MessageText.excerpt(item))'\(hint)"
        case let .duplicateFact(firstRow):
            return zh ? "同一年度、同一县区的项目重复，首次出现在第\(firstRow)行" : "duplicate item for this year and county, first on row \(firstRow)"
        case let .planFile(problem):
            return problem.message(in: language)
        case let .teacherFile(problem):
            return problem.message(in: language)
        case let .zoneFile(problem):
            return problem.message(in: language)
        case let .quotaFile(problem):
            return problem.message(in: language)
        case let .careFile(problem):
            return problem.message(in: language)
        }
    }
}
